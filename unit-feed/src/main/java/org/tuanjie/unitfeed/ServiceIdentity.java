package org.tuanjie.unitfeed;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * This service's own identity at the identity server (client credentials, role {@code integration},
 * {@code unit_code} = the deployment's root unit), for work no caller asked for: the unit feed.
 * The token is kept until it expires.
 */
@ApplicationScoped
public class ServiceIdentity {

    @Inject
    OidcClient client;

    private volatile Tokens tokens;

    /** @throws UnitFeed.FeedUnavailable when the identity server cannot be asked or refuses the credentials */
    public String bearer() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            try {
                current = client.getTokens().await().atMost(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                throw UnitFeed.unavailable("the identity server gave this service no token", e);
            }
            tokens = current;
        }
        return "Bearer " + current.getAccessToken();
    }

    /** Forgets the token: units-service refused it. */
    void reset() {
        tokens = null;
    }
}
