package org.tuanjie.units.dossier.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.units.dossier.mapping.DossierViews;
import org.tuanjie.units.dossier.mapping.DossierViews.ChangesView;
import org.tuanjie.units.dossier.service.DossierReads;

@Guarded
@Path("/dossier/changes")
@Tag(name = "Dossier")
@Produces(MediaType.APPLICATION_JSON)
public class DossierChangesResource {

    @Inject
    DossierReads reads;

    @GET
    @Operation(summary = "Delta sync: dossier entries changed since a cursor",
            description = "For the mobile app, like GET /units/changes: start without a cursor, keep the returned cursor, "
                    + "and call again later to get only the entries filed, revised or withdrawn (status WITHDRAWN) in your "
                    + "jurisdiction since, and the units whose dossier left it (`removedUnits`). In commit order; none is "
                    + "skipped.")
    public ChangesView getDossierChanges(@QueryParam("cursor") @Parameter(description = "`cursor` of the previous batch") String cursor,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit) {
        return DossierViews.toView(reads.changes(cursor == null ? null : Cursor.decode(cursor, 2), limit));
    }
}
