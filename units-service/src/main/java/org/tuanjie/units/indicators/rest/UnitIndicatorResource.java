package org.tuanjie.units.indicators.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.units.indicators.OwnedCatalogue;
import org.tuanjie.units.indicators.mapping.IndicatorViews;
import org.tuanjie.units.indicators.mapping.IndicatorViews.UnitIndicatorsView;
import org.tuanjie.units.indicators.service.CatalogueService;
import org.tuanjie.units.people.service.PeopleService;

@Guarded
@Path("/units/{id}/indicators")
@Tag(name = "Indicators")
@Produces(MediaType.APPLICATION_JSON)
public class UnitIndicatorResource {

    @Inject
    CatalogueService service;

    @GET
    @Operation(summary = "The indicators a unit is judged by in a campaign year",
            description = "From the catalogue in force: the latest published edition of the nearest office at or above the "
                    + "unit that has one for the year (a county's own before its province's). Only those that apply to the "
                    + "unit's kind and to the \"9+N进\" domains it is a member of. No catalogue in force: none, and the "
                    + "unit's dossier and findings are then checked only for the codes' form.")
    public UnitIndicatorsView getUnitIndicators(@PathParam("id") UUID id,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Campaign year; this year (Asia/Shanghai) when "
                    + "not given", example = "2026") Integer asked) {
        int year = asked == null ? LocalDate.now(PeopleService.CALENDAR).getYear() : asked;
        return service.inForce(id, year)
                .map(found -> new UnitIndicatorsView(id, year,
                        IndicatorViews.toSummary(new OwnedCatalogue(found.inForce().catalogue(), found.owner())),
                        found.inForce().applicable().stream().map(IndicatorViews::toView).toList()))
                .orElseGet(() -> new UnitIndicatorsView(id, year, null, List.of()));
    }
}
