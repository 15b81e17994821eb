package org.tuanjie.gateway.app;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tuanjie.gateway.config.GatewayConfig;

/**
 * The field app (static files under {@code META-INF/resources/app}) learns here where people log in, so one
 * build serves every deployment: the issuer is the gateway's own login setting, the client the realm's
 * public {@code mobile-app}. Not part of the API: no data, nothing that needs a token.
 */
@Path("/app")
@PermitAll
public class FieldAppResource {

    static final String CLIENT_ID = "mobile-app";

    @Inject
    GatewayConfig config;

    @GET
    @Path("config.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response config() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Map.of("issuer", config.login().issuer(), "clientId", CLIENT_ID)).cacheControl(noStore).build();
    }

    /** {@code /app} without its slash: the app's relative links and its service worker's scope need {@code /app/}. */
    @GET
    @Operation(hidden = true)
    public Response withSlash() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/app/")).build();
    }
}
