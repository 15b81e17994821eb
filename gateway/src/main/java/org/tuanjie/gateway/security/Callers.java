package org.tuanjie.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the gateway's OIDC layer verified the bearer token (signature, issuer, expiry).
 */
public final class Callers {

    private Callers() {
    }

    /** The verified identity, anonymous without a token; fails for a bad token. */
    public static Uni<SecurityIdentity> identity(RoutingContext ctx) {
        Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        return deferred == null ? Uni.createFrom().failure(new IllegalStateException("no authentication")) : deferred;
    }

    /**
     * The rate-limit key: the token's client ({@code azp}) and subject, else the caller's address. The subject
     * matters for the public clients: every phone's field app is {@code mobile-app} and every auditor's Swagger UI
     * is {@code swagger-ui}, and one liaison's morning sync must not spend the county's budget. A county platform's
     * client-credentials tokens all carry its one service account, so it keeps one budget of its own.
     */
    public static String clientKey(SecurityIdentity identity, RoutingContext ctx) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Optional<String> azp = Optional.ofNullable(jwt.getClaim("azp")).map(Object::toString).filter(s -> !s.isBlank());
            return azp.map(a -> "azp:" + a + " ").orElse("") + "sub:" + jwt.getSubject();
        }
        return "ip:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host());
    }

    /** The client app's key ({@code azp}), for the budget all its callers share; null without a token naming one. */
    public static String appKey(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Optional.ofNullable(jwt.getClaim("azp")).map(Object::toString).filter(s -> !s.isBlank())
                    .map(azp -> "app:" + azp).orElse(null);
        }
        return null;
    }
}
