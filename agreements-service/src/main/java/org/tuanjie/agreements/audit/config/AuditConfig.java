package org.tuanjie.agreements.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Pattern;

@ConfigMapping(prefix = "agreements.audit")
public interface AuditConfig {

    /**
     * The most entries one chain verification walks, and how many it walks when not told: the cost of a
     * call stays bounded however long the trail grows; an auditor goes further with {@code next}.
     */
    @WithName("verification.max-entries")
    @WithDefault("10000")
    int verificationMaxEntries();

    /**
     * How new entries are hashed: {@code SHA-256}, or {@code SM3} (GB/T 32905) where the deployment's cryptography
     * is assessed. Each entry records its own, so switching keeps every earlier entry verifiable.
     */
    @WithDefault("SHA-256")
    @Pattern(regexp = "SHA-256|SM3")
    String digest();
}
