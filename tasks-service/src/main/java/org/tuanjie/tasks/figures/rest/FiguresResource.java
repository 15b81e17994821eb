package org.tuanjie.tasks.figures.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.tasks.figures.service.FiguresService;
import org.tuanjie.tasks.figures.service.FiguresService.By;
import org.tuanjie.tasks.figures.service.FiguresService.DomainFigures;
import org.tuanjie.tasks.figures.service.FiguresService.League;
import org.tuanjie.tasks.figures.service.FiguresService.Row;
import org.tuanjie.tasks.task.rest.TaskFilterParams;

@Guarded
@Path("/figures")
@Tag(name = "Figures", description = "Who lags: open, verified and overdue tasks, closure rate, median days to close, and the spread between townships")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {

    @Inject
    FiguresService service;

    @GET
    @Operation(summary = "Figures grouped by unit, township, category or inspection", description = "Takes the task list's filters.")
    public Figures getFigures(@QueryParam("by") @DefaultValue("UNIT") By by, @Valid @BeanParam TaskFilterParams filter) {
        return new Figures(by, service.overall(filter.toFilter()), service.by(by, filter.toFilter()));
    }

    @GET
    @Path("townships")
    @Operation(summary = "Township league table", description = "Townships by closure rate, best first, with the spread between them (coefficient of variation of closure rate: the report's uneven progress, measured).")
    public League getTownshipLeague(@Valid @BeanParam TaskFilterParams filter) {
        return service.league(filter.toFilter());
    }

    @GET
    @Path("domains/{domainId}")
    @Operation(summary = "Figures of a \"9+N\" campaign domain's member units", description = "Members come from units-service; 503 when it is unavailable.")
    public DomainFigures getDomainFigures(@PathParam("domainId") UUID domainId, @Valid @BeanParam TaskFilterParams filter) {
        return service.domain(domainId, filter.toFilter());
    }

    @Schema(name = "Figures")
    public record Figures(By by, @Schema(description = "All tasks the filters select") Row total,
            @Schema(maxItems = FiguresService.ROWS_LISTED) List<Row> rows) {
    }
}
