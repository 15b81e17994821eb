package org.tuanjie.platform.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void tokensSharingTheirSignatureButNotTheirClaimsAreDifferent() {
        String signature = ".c2lnbmF0dXJlLW9mLXRoZS1pc3N1ZXItMDEyMzQ1Njc4OWFiY2RlZg";
        SecurityIdentity verified = identity("eyJhbGciOiJSUzI1NiJ9.eyJ1bml0X2NvZGUiOiI1MTMzMzAifQ" + signature, inSeconds(600));
        tokens.remember(verified);
        assertSame(verified, tokens.identityOfHeader("Bearer eyJhbGciOiJSUzI1NiJ9.eyJ1bml0X2NvZGUiOiI1MTMzMzAifQ" + signature));
        assertNull(tokens.identityOf("eyJhbGciOiJSUzI1NiJ9.eyJ1bml0X2NvZGUiOiI1MTAwMDAifQ" + signature));
        assertNull(tokens.identityOf("eyJhbGciOiJub25lIn0.eyJ1bml0X2NvZGUiOiI1MTMzMzAifQ" + signature));
        assertNull(tokens.identityOfHeader("Basic eyJhbGciOiJSUzI1NiJ9.eyJ1bml0X2NvZGUiOiI1MTMzMzAifQ" + signature));
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
    void manyTokensKeepTheLatestWithinTheBoundInsteadOfForgettingAll() {
        for (int i = 0; i < RememberedTokens.MAX_TOKENS + 500; i++) {
            tokens.remember(identity("token-" + i, inSeconds(600)));
        }
        assertTrue(tokens.size() <= RememberedTokens.MAX_TOKENS, "bounded: " + tokens.size());
        SecurityIdentity latest = identity("the-latest", inSeconds(600));
        tokens.remember(latest);
        assertSame(latest, tokens.identityOf("the-latest"));
        assertTrue(tokens.size() > RememberedTokens.MAX_TOKENS / 2, "not all dropped at once: " + tokens.size());
    }

    @Test
    void onlyTokenIdentitiesAreRemembered() {
        Principal plain = () -> "basic-user";
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(plain).build());
        assertNull(tokens.identityOf("basic-user"));
    }
}
