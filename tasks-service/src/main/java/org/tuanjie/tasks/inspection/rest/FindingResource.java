package org.tuanjie.tasks.inspection.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.security.Roles;
import org.tuanjie.tasks.inspection.mapping.InspectionViews;
import org.tuanjie.tasks.inspection.mapping.InspectionViews.FindingView;
import org.tuanjie.tasks.inspection.service.InspectionService;

@Path("/findings")
@Tag(name = "Inspections")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    @Inject
    InspectionService service;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.INSPECTOR, Roles.UNIT_LIAISON, Roles.UNIT_LEADER, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(summary = "Read a finding")
    public FindingView get(@PathParam("id") UUID id) {
        return InspectionViews.toView(service.finding(id));
    }
}
