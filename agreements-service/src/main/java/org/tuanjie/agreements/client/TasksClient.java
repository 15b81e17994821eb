package org.tuanjie.agreements.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of tasks-service's contract the assessment uses: a unit's task figures.
 */
@RegisterRestClient(configKey = "tasks")
@Produces(MediaType.APPLICATION_JSON)
public interface TasksClient {

    @GET
    @Path("/figures")
    Figures figures(@HeaderParam("Authorization") String authorization, @QueryParam("by") String by,
            @QueryParam("unitId") UUID unitId, @QueryParam("category") String category);

    record Figures(Row total) {
    }

    record Row(long total, long verified, long open, long overdue) {
    }
}
