package org.tuanjie.platform.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class RememberedTokensTest {

    private final RememberedTokens tokens = new RememberedTokens();

    private static SecurityIdentity identity(String raw, long expiresAtEpochSecond) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("raw_token", "exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) switch (claimName) {
                    case "raw_token" -> raw;
                    case "exp" -> Long.valueOf(expiresAtEpochSecond);
                    default -> null;
                };
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("auditor").build();
    }

    private static long inSeconds(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }

    @Test
    void aVerifiedTokenIsRememberedByItsWholeText() {
        SecurityIdentity verified = identity("header.claims.signature", inSeconds(600));
        tokens.remember(verified);
        assertSame(verified, tokens.identityOf("header.claims.signature"));
        assertNull(tokens.identityOf("header.claims.signaturf"));
        assertNull(tokens.identityOf("header.claims"));
    }

    @Test
    void anExpiredTokenIsNotRememberedAndAnExpiringOneIsForgotten() throws InterruptedException {
        tokens.remember(identity("old", inSeconds(-1)));
        assertNull(tokens.identityOf("old"));
        tokens.remember(identity("brief", inSeconds(1)));
        Thread.sleep(2_100);
        assertNull(tokens.identityOf("brief"));
    }

    @Test
    void onlyTokenIdentitiesAreRemembered() {
        Principal plain = () -> "basic-user";
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(plain).build());
        assertNull(tokens.identityOf("basic-user"));
    }
}
