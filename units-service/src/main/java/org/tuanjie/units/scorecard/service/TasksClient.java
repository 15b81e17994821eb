package org.tuanjie.units.scorecard.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of tasks-service's contract scorecards use. Calls carry the caller's own token: tasks-service applies its reach. */
@RegisterRestClient(configKey = "tasks")
@Produces(MediaType.APPLICATION_JSON)
public interface TasksClient {

    @GET
    @Path("/findings/open-by-indicator")
    OpenFindings openByIndicator(@HeaderParam("Authorization") String authorization, @QueryParam("unitId") UUID unitId,
            @QueryParam("subtree") boolean subtree, @QueryParam("asOf") String asOf);

    record OpenFindings(UUID unitId, List<Item> items) {
    }

    record Item(UUID unitId, String unitCode, String indicatorCode, int open) {
    }
}
