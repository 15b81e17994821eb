package org.tuanjie.gateway.app;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The county dashboard (static files under {@code META-INF/resources/dashboard}) logs in like the field app, at the
 * realm's public client, and reads the API with the person's own token. Not part of the API.
 */
@Path("/dashboard")
@PermitAll
public class DashboardResource {

    /** {@code /dashboard} without its slash: its relative links and the login's way back need {@code /dashboard/}. */
    @GET
    @Operation(hidden = true)
    public Response withSlash() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/dashboard/")).build();
    }
}
