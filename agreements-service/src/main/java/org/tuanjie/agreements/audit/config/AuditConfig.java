package org.tuanjie.agreements.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "agreements.audit")
public interface AuditConfig {

    /**
     * The most entries one chain verification walks, and how many it walks when not told: the cost of a
     * call stays bounded however long the trail grows; an auditor goes further with {@code next}.
     */
    @WithName("verification.max-entries")
    @WithDefault("10000")
    int verificationMaxEntries();
}
