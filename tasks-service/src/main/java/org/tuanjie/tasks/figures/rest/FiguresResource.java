package org.tuanjie.tasks.figures.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.tuanjie.platform.problem.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.figures.service.FiguresService.AsOf;
import org.tuanjie.tasks.task.service.TaskFilter;

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

    static final String AS_OF = "Count as things stood at the end of this day (Asia/Shanghai; not after today): tasks "
            + "assigned by then, verified by then, open, submitted and overdue then (against the deadline as it stands now). "
            + "History brought in from a ledger counts on its own days. Not with `state`, `warning` or `overdue`, which "
            + "select by a task's state now.";

    @Inject
    FiguresService service;

    @Inject
    TasksConfig config;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Figures grouped by unit, township, category or inspection", description = "Takes the task list's filters. "
            + "Rows are named in the caller's language (`Accept-Language`): a category by its word; by township, the tasks of "
            + "units in no township (a county's departments) form a row without a key, named as such.")
    public Figures getFigures(@QueryParam("by") @DefaultValue("UNIT") By by, @Valid @BeanParam TaskFilterParams filter,
            @QueryParam("asOf") @Parameter(description = AS_OF) LocalDate asOf) {
        TaskFilter tasks = filter.toFilter();
        AsOf day = asOf(asOf, tasks);
        return new Figures(by, service.overall(tasks, day), service.by(by, tasks, day).stream()
                .map(row -> labelled(by, row, Messages.locale(headers))).toList());
    }

    /**
     * Rows named in the caller's language where the key is a code of ours: a category by its word, and the tasks of
     * units in no township (a county's departments) as such, not as a row without a name.
     */
    static Row labelled(By by, Row row, Locale locale) {
        String name = switch (by) {
            case CATEGORY -> row.key() == null ? row.name() : Messages.get(locale, "enum.Category." + row.key());
            case TOWNSHIP -> row.key() == null ? Messages.get(locale, "figures.outside-townships") : row.name();
            default -> row.name();
        };
        return new Row(row.key(), name, row.total(), row.open(), row.submitted(), row.verified(), row.overdue(),
                row.closureRate(), row.medianDaysToClose());
    }

    @GET
    @Path("townships")
    @Operation(summary = "Township league table", description = "Townships by closure rate, best first, with the spread between them (coefficient of variation of closure rate: the report's uneven progress, measured).")
    public League getTownshipLeague(@Valid @BeanParam TaskFilterParams filter,
            @QueryParam("asOf") @Parameter(description = AS_OF) LocalDate asOf) {
        TaskFilter tasks = filter.toFilter();
        return service.league(tasks, asOf(asOf, tasks));
    }

    @GET
    @Path("domains/{domainId}")
    @Operation(summary = "Figures of a \"9+N\" campaign domain's member units", description = "Members come from units-service; 503 when it is unavailable.")
    public DomainFigures getDomainFigures(@PathParam("domainId") UUID domainId, @Valid @BeanParam TaskFilterParams filter,
            @QueryParam("asOf") @Parameter(description = AS_OF) LocalDate asOf) {
        TaskFilter tasks = filter.toFilter();
        return service.domain(domainId, tasks, asOf(asOf, tasks));
    }

    /**
     * The day asked for: a past day or today (Asia/Shanghai). The filters on a task's state now (state, warning,
     * overdue) do not say how it stood then, so they are refused with it.
     */
    private AsOf asOf(LocalDate day, TaskFilter filter) {
        if (day == null) {
            return AsOf.NOW;
        }
        List<Violation> errors = new ArrayList<>();
        if (day.isAfter(config.today())) {
            errors.add(new Violation("asOf", "figures.as-of-future", config.today().toString()));
        }
        if (!filter.states().isEmpty() || filter.warning() != null || filter.overdue() != null) {
            errors.add(new Violation("asOf", "figures.as-of-state"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.InvalidInput(errors);
        }
        return new AsOf(day);
    }

    @Schema(name = "Figures")
    public record Figures(By by, @Schema(description = "All tasks the filters select") Row total,
            @Schema(maxItems = FiguresService.ROWS_LISTED) List<Row> rows) {
    }
}
