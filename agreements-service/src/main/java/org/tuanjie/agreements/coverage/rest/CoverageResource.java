package org.tuanjie.agreements.coverage.rest;

import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.agreements.coverage.service.CoverageService;

@Guarded
@Path("/coverage")
@Tag(name = "Coverage", description = "Who has signed this year's agreement, per township and department")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    @Inject
    CoverageService service;

    @GET
    @Operation(summary = "Signing rate per township and department, and the units not yet signed")
    public CoverageService.Coverage getSigningCoverage(@QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(example = "2026") Integer year,
            @QueryParam("within") UUID within) {
        return service.coverage(year, within);
    }
}
