package org.tuanjie.tasks.ledger.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.sheets.SheetReader;
import org.tuanjie.platform.sheets.SheetUpload;
import org.tuanjie.tasks.ledger.service.LedgerImportService;
import org.tuanjie.tasks.ledger.service.LedgerImportService.LedgerImportResult;

@Guarded
@Path("/ledger/import")
@Tag(name = "Ledger")
public class LedgerImportResource {

    /** The file's bytes at most: what the platform lets any body but a file upload send (platform.http.max-body-size). */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    @Inject
    LedgerImportService service;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes({SheetReader.CSV, SheetReader.XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bring an existing rectification ledger (整改台账) in, with its historical dates",
            description = "For a county that adopts the suite mid-campaign. Each line becomes a rectification task of the "
                    + "caller's office, with its inspection (one per distinct 督查 title) and finding when the line names "
                    + "one. Columns, by the headers the suite's own ledger writes (English names also read): 单位代码 "
                    + "(the responsible unit's code), 问题类别, 问题/任务, 整改措施, 责任人, 整改时限 are required; 状态 "
                    + "(已交办, 整改中, 待验收, 已销号; else taken from the dates), 督查, 督查日期, 发现日期, 交办日期 (default "
                    + "the day found, else the inspection's), 报送日期, 销号日期, 销号人, 问题描述, 严重程度 (高/中/低), "
                    + "测评指标 (checked against the unit's catalogue in force that year), 整改完成情况, 配合单位 (unit codes, "
                    + "or 名称（代码）), 原定时限 (the deadline before an extension) are optional; 序号, 所属乡镇, 预警, 是否逾期 "
                    + "and the like are ignored. CSV may be UTF-8 or GBK (as Excel saves it on Chinese Windows), separated "
                    + "by commas, tabs or semicolons; or .xlsx (first sheet). Dates as 2026-03-15, 2026/3/15, "
                    + "2026年3月15日 or Excel dates.\n\nThe ledger's dates are the history's own: a task counts as assigned, "
                    + "reported and signed off on those days (median days to close, open findings as of a date), and each "
                    + "line of its timeline also says when it was recorded (`recordedAt`) and who brought it in (`actor`, "
                    + "`detail.importId`). Every line is checked first; any error fails the whole import with a 400 listing "
                    + "each by line and column (the column's header), nothing written. `dryRun=true` checks without writing. "
                    + "The same file is brought in once per office (409 `ledger-imported-before`). Up to 5,000 lines. "
                    + "Units are named by code and must lie below the caller's own unit, within its reach: one outside "
                    + "reads as unknown.")
    @RequestBody(content = {
            @Content(mediaType = SheetReader.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_BYTES),
                    example = "单位代码,问题类别,问题/任务,整改措施,责任人,整改时限,状态,督查,发现日期,销号日期,销号人\n"
                            + "513221100000,宣传,未设置宣传栏,设置宣传栏,李明,2026-04-30,已销号,2026年3月督查,2026-03-12,"
                            + "2026-04-20,王芳\n"),
            @Content(mediaType = SheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = MAX_BYTES))})
    @APIResponse(responseCode = "200", description = "Brought in (or checked, for a dry run)",
            content = @Content(schema = @Schema(implementation = LedgerImportResult.class)))
    public Response importLedger(InputStream body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) throws IOException {
        try (SheetUpload ledger = SheetUpload.receive(body)) {
            return idempotency.execute(idempotencyKey, "POST /ledger/import?dryRun=" + dryRun, ledger.sha256(),
                    () -> Response.ok(service.importLedger(ledger, contentType, dryRun)).type(MediaType.APPLICATION_JSON).build());
        }
    }
}
