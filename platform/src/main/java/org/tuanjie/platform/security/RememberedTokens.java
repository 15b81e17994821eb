package org.tuanjie.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this process has verified, with the identity each gave, until the token expires (at
 * most five minutes): a phone or a county platform sends the same token many times, and checking its
 * RS256 signature and claims on every request cost a fifth of the throughput (bench figure 3).
 *
 * <p>Only identities built by OIDC from a fully verified token are remembered
 * ({@link RememberVerifiedTokens}); a token is looked up by its whole text, so another token, even
 * one differing in its signature only, is verified afresh. What a remembered token cannot see is a
 * signing key withdrawn after it was verified, for at most five minutes.
 */
@ApplicationScoped
public class RememberedTokens {

    static final int MAX_TOKENS = 10_000;
    private static final String BEARER = "Bearer ";
    static final long MAX_AGE_NANOS = Duration.ofMinutes(5).toNanos();

    private final Map<TokenKey, Entry> verified = new ConcurrentHashMap<>();

    /** The identity the bearer token of an {@code Authorization} header gave when it was verified, or null. */
    public SecurityIdentity identityOfHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return identityOf(authorization.substring(BEARER.length()).trim());
    }

    /** The identity a still valid token gave when it was verified, or null. */
    public SecurityIdentity identityOf(String token) {
        TokenKey key = new TokenKey(token);
        Entry entry = verified.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.until() >= 0) {
            verified.remove(key, entry);
            return null;
        }
        return entry.identity();
    }

    /** Remembers the identity OIDC built from a verified JWT, until the token's expiry. */
    public void remember(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            return;
        }
        long nanosLeft = Duration.ofSeconds(jwt.getExpirationTime()).toNanos()
                - Duration.ofMillis(System.currentTimeMillis()).toNanos();
        if (nanosLeft <= 0) {
            return;
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.clear(); // bounded memory; the next requests verify again
        }
        verified.put(new TokenKey(jwt.getRawToken()), new Entry(identity, System.nanoTime() + Math.min(MAX_AGE_NANOS, nanosLeft)));
    }

    private record Entry(SecurityIdentity identity, long until) {
    }

    /**
     * A token as a key: hashed on its last characters only (its signature, which nobody without the
     * signing key can choose), compared whole. String's own hash reads every character of a
     * kilobyte-long token on every request.
     */
    private record TokenKey(String token) {

        private static final int HASHED_TAIL = 32;

        @Override
        public int hashCode() {
            int hash = token.length();
            for (int i = Math.max(0, token.length() - HASHED_TAIL); i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey key && key.token.equals(token);
        }
    }
}
