package org.tuanjie.tasks.bulletin.rest;

import static org.tuanjie.tasks.bulletin.rest.Bulletins.DOCX;
import static org.tuanjie.tasks.bulletin.rest.Bulletins.FORMAT;
import static org.tuanjie.tasks.bulletin.rest.Bulletins.FORMATS;
import static org.tuanjie.tasks.bulletin.rest.Bulletins.PDF;
import static org.tuanjie.tasks.bulletin.rest.Bulletins.REFERENCE;
import static org.tuanjie.tasks.bulletin.rest.Bulletins.REFERENCE_MAX;
import static org.tuanjie.tasks.bulletin.rest.Bulletins.TITLE;
import static org.tuanjie.tasks.bulletin.rest.Bulletins.TITLE_MAX;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.web.Attachment;
import org.tuanjie.tasks.bulletin.service.BulletinDocuments;
import org.tuanjie.tasks.bulletin.service.BulletinDocuments.Format;
import org.tuanjie.tasks.bulletin.service.BulletinService;
import org.tuanjie.tasks.bulletin.service.ProgressBulletin;
import org.tuanjie.tasks.config.TasksConfig;

@Guarded
@Path("/bulletins/progress.{format: " + FORMATS + "}")
@Tag(name = "Bulletins")
public class ProgressBulletinResource {

    @Inject
    BulletinService service;

    @Inject
    BulletinDocuments documents;

    @Inject
    TasksConfig config;

    @GET
    @Produces({DOCX, PDF})
    @Operation(summary = "A progress bulletin (整改进展通报) for a period, as an editable Word document or as PDF",
            description = "As things stood at the period's last day (`to`, default today; `from` default the first of its "
                    + "month): tasks assigned, verified, open and overdue, and the closure rate; each township in league "
                    + "order with the spread between them (as `GET /figures/townships?asOf=` counts them); each unit in no "
                    + "township (the county's departments); the red-light tasks by name (past their deadline and not "
                    + "signed off then, up to 500); the tasks verified and the urgings sent in the period. Of the tasks of "
                    + "`within`'s subtree, else of all the caller reaches.")
    public Response getProgressBulletin(
            @PathParam("format") @Parameter(description = FORMAT, schema = @Schema(enumeration = {"docx", "pdf"})) String format,
            @QueryParam("within") UUID within,
            @QueryParam("from") @Parameter(description = "First day of the period (Asia/Shanghai)") LocalDate from,
            @QueryParam("to") @Parameter(description = "Last day of the period, not after today") LocalDate to,
            @QueryParam("title") @Size(max = TITLE_MAX) @Parameter(description = TITLE) String title,
            @QueryParam("reference") @Size(max = REFERENCE_MAX) @Parameter(description = REFERENCE) String reference) {
        LocalDate last = to == null ? config.today() : to;
        LocalDate first = from == null ? last.withDayOfMonth(1) : from;
        List<Violation> errors = new ArrayList<>();
        if (last.isAfter(config.today())) {
            errors.add(new Violation("to", "figures.as-of-future", config.today().toString()));
        }
        if (first.isAfter(last)) {
            errors.add(new Violation("from", "bulletin.period", last.toString()));
        }
        if (!errors.isEmpty()) {
            throw new Problems.InvalidInput(errors);
        }
        ProgressBulletin bulletin = service.progress(within, first, last, title, reference);
        Format form = Bulletins.format(format);
        StreamingOutput body = out -> documents.progress(bulletin, form, out);
        return Bulletins.download(body, form, "progress-bulletin-" + last,
                "整改进展通报_" + Attachment.namePart(bulletin.unit()) + "_" + last);
    }

}
