package org.tuanjie.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this gateway has already verified, until they expire (at most five minutes): a
 * mobile app or platform sends the same token many times, and checking its RS256 signature on each
 * request is most of what the gateway would spend. The services still verify every request themselves.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final int MAX_TOKENS = 10_000;
    private static final long MAX_AGE_NANOS = Duration.ofMinutes(5).toNanos();

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    /** The rate-limit key of a token verified before and not yet expired, else null. */
    public String clientOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        Entry entry = verified.get(authorization);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.until() > 0) {
            verified.remove(authorization);
            return null;
        }
        return entry.client();
    }

    public void remember(String authorization, SecurityIdentity identity, String client) {
        if (authorization == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long secondsLeft = jwt.getExpirationTime() - System.currentTimeMillis() / 1000;
        if (secondsLeft <= 0) {
            return;
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.clear(); // bounded memory; the next requests verify again
        }
        long until = System.nanoTime() + Math.min(MAX_AGE_NANOS, Duration.ofSeconds(secondsLeft).toNanos());
        verified.put(authorization, new Entry(client, until));
    }

    private record Entry(String client, long until) {
    }
}
