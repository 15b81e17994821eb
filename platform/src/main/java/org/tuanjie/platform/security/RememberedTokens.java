package org.tuanjie.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
 *
 * <p>At most {@value #MAX_TOKENS} are kept: past that the least used go first, and each leaves at its own expiry.
 */
@ApplicationScoped
public class RememberedTokens {

    static final int MAX_TOKENS = 10_000;
    private static final String BEARER = "Bearer ";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Cache<TokenKey, Entry> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.creating((TokenKey key, Entry entry) -> entry.keptFor())).build();

    /** The identity the bearer token of an {@code Authorization} header gave when it was verified, or null. */
    public SecurityIdentity identityOfHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return identityOf(authorization.substring(BEARER.length()).trim());
    }

    /** The identity a still valid token gave when it was verified, or null. */
    public SecurityIdentity identityOf(String token) {
        Entry entry = verified.getIfPresent(new TokenKey(token));
        return entry == null ? null : entry.identity();
    }

    /** Remembers the identity OIDC built from a verified JWT, until the token's expiry. */
    public void remember(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            return;
        }
        Duration left = Duration.ofSeconds(jwt.getExpirationTime()).minusMillis(System.currentTimeMillis());
        if (left.isNegative() || left.isZero()) {
            return;
        }
        verified.put(new TokenKey(jwt.getRawToken()), new Entry(identity, left.compareTo(MAX_AGE) < 0 ? left : MAX_AGE));
    }

    /** How many are remembered now (expired ones not yet swept may count). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private record Entry(SecurityIdentity identity, Duration keptFor) {
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
