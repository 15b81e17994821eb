package org.tuanjie.platform.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asked before OIDC: a bearer token verified earlier and not yet expired gives its remembered
 * identity; anything else (no token, a new one, an expired one) passes to OIDC, which verifies it.
 */
@ApplicationScoped
public class RememberedBearer implements HttpAuthenticationMechanism {

    @Inject
    RememberedTokens tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().item(tokens.identityOfHeader(context.request().getHeader("Authorization")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500; // ahead of OIDC's bearer mechanism
    }
}
