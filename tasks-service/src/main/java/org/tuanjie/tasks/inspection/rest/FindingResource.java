package org.tuanjie.tasks.inspection.rest;

import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.tasks.inspection.Finding;
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
    @Path("open-by-indicator")
    @Operation(summary = "Findings not yet rectified, per unit and evaluation indicator",
            description = "Those naming an indicator (`indicatorCode`), recorded by the end of `asOf` (Asia/Shanghai; today "
                    + "when absent) and not then rectified: a finding is rectified once every task assigned for it by then "
                    + "is verified, and open while it has none. units-service's scorecards count the indicator's points at "
                    + "risk while one is open. For the unit, or with `subtree=true` every unit below it in your reach.")
    public OpenFindingsView listOpenFindingsByIndicator(
            @QueryParam("unitId") @NotNull @Parameter(description = "The unit", required = true) UUID unitId,
            @QueryParam("subtree") @DefaultValue("false") @Parameter(description = "Every unit below it too") boolean subtree,
            @QueryParam("asOf") @Parameter(description = "The day, as it stood at its end; today when absent",
                    example = "2026-06-30") LocalDate asOf) {
        return new OpenFindingsView(unitId, service.openByIndicator(unitId, subtree, asOf).stream()
                .map(o -> new OpenFindingsView.Item(o.unitId(), o.unitCode(), o.indicatorCode(), o.open())).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a finding")
    public FindingView getFinding(@PathParam("id") UUID id) {
        var finding = service.finding(id);
        return InspectionViews.toView(finding, service.evidence(finding));
    }

    @Schema(name = "OpenFindingsByIndicator")
    public record OpenFindingsView(UUID unitId,
            @Schema(description = "Per unit and indicator, by unit code", maxItems = 100000) List<Item> items) {

        @Schema(name = "OpenFindingsAtIndicator")
        public record Item(UUID unitId, @Schema(maxLength = 18) String unitCode,
                @Schema(maxLength = Finding.INDICATOR_MAX, pattern = Finding.INDICATOR_FORM) String indicatorCode,
                @Schema(minimum = "1") int open) {
        }
    }
}
