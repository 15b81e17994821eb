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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.web.Attachment;
import org.tuanjie.tasks.bulletin.service.BulletinDocuments;
import org.tuanjie.tasks.bulletin.service.BulletinDocuments.Format;
import org.tuanjie.tasks.bulletin.service.BulletinService;
import org.tuanjie.tasks.bulletin.service.InspectionBulletin;

@Guarded
@Path("/inspections/{id}/bulletin.{format: " + FORMATS + "}")
@Tag(name = "Bulletins", description = "The documents offices print and send: inspection and progress bulletins (通报) as editable Word files "
        + "or as PDF")
public class InspectionBulletinResource {

    @Inject
    BulletinService service;

    @Inject
    BulletinDocuments documents;

    @GET
    @Produces({DOCX, PDF})
    @Operation(summary = "An inspection's bulletin (督查通报) as an editable Word document or as PDF",
            description = "Laid out as official documents are (A4, GB/T 9704 margins and fonts, headings 一、 （一） 1.): the "
                    + "inspection's dates and groups, its figures (as `GET /figures?inspectionId=` counts them), then the "
                    + "problems by category and, within each, by unit, in the order and wording of the findings; the "
                    + "rectification requirements with responsible units and deadlines; an appendix table of the tasks. "
                    + "Everything in it is what the caller may see: a township's staff get their township's part.")
    public Response getInspectionBulletin(@PathParam("id") UUID id,
            @PathParam("format") @Parameter(description = FORMAT, schema = @Schema(enumeration = {"docx", "pdf"})) String format,
            @QueryParam("title") @Size(max = TITLE_MAX) @Parameter(description = TITLE) String title,
            @QueryParam("reference") @Size(max = REFERENCE_MAX) @Parameter(description = REFERENCE) String reference) {
        InspectionBulletin bulletin = service.inspection(id, title, reference);
        Format form = Bulletins.format(format);
        StreamingOutput body = out -> documents.inspection(bulletin, form, out);
        return Bulletins.download(body, form, "inspection-bulletin-" + bulletin.issued(),
                "督查通报_" + Attachment.namePart(bulletin.inspection().title()) + "_" + bulletin.issued());
    }

}
