package org.tuanjie.tasks.inspection.rest;

import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.tasks.inspection.mapping.InspectionViews;
import org.tuanjie.tasks.inspection.mapping.InspectionViews.FindingView;
import org.tuanjie.tasks.inspection.service.InspectionService;

@Guarded
@Path("/findings")
@Tag(name = "Inspections")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    @Inject
    InspectionService service;

    @GET
    @Path("{id}")
    @Operation(summary = "Read a finding")
    public FindingView getFinding(@PathParam("id") UUID id) {
        var finding = service.finding(id);
        return InspectionViews.toView(finding, service.evidence(finding));
    }
}
