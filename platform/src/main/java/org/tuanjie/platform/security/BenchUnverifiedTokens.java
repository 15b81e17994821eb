package org.tuanjie.platform.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

/**
 * <b>Benchmark builds only</b> ({@code -Dquarkus.profile=bench} at package time; the bean does not
 * exist in any other build): bearer tokens are read but not verified, so that {@code bench/run.sh}
 * can measure what verification costs (issue #7, figure 3). Everything after authentication (roles,
 * the unit_code scope, the database) runs as in production.
 */
@IfBuildProfile("bench")
@ApplicationScoped
public class BenchUnverifiedTokens implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BenchUnverifiedTokens.class);

    void warn(@Observes StartupEvent start) {
        LOG.warn("BENCHMARK BUILD: bearer tokens are NOT verified. Never deploy this build.");
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring("Bearer ".length()).trim();
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Uni.createFrom().nullItem();
        }
        try {
            JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder();
            // read the roles first: the principal turns the claims into JSON-P values
            if (claims.getClaimValue("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof List<?> roles) {
                roles.forEach(role -> identity.addRole(role.toString()));
            }
            identity.setPrincipal(new DefaultJWTCallerPrincipal(token, "JWT", claims));
            return Uni.createFrom().item(identity.build());
        } catch (Exception e) {
            return Uni.createFrom().nullItem();
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000; // ahead of OIDC's bearer mechanism
    }
}
