package org.tuanjie.units.imports.rest;

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
import org.tuanjie.units.imports.service.UnitImportService;
import org.tuanjie.units.imports.service.UnitImportService.ImportResult;

@Guarded
@Path("/units/import")
@Tag(name = "Import", description = "Bulk import of units from the clerk's sheet")
public class UnitImportResource {

    /** The sheet's bytes at most: what the platform lets any body but a file upload send (platform.http.max-body-size). */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    @Inject
    UnitImportService service;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes({"text/csv", SheetReader.XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import units from CSV or .xlsx",
            description = "Columns (English or Chinese headers): code/代码, name/名称, name_bo/藏文名称, name_en/英文名称, "
                    + "parent_code/上级代码, kind/类型 (PROVINCE … or 省, 州, 县, 乡镇, 村, 社区, 机关, 学校, 宗教活动场所, …). "
                    + "Parents may be in the file (any order) or already in your jurisdiction. Every row is checked first; "
                    + "any bad row fails the whole import with a 400 listing every error by line and column. "
                    + "`dryRun=true` checks without writing. Up to 20,000 rows. "
                    + "Optional people columns record each unit's principal leader and liaison in the same import: "
                    + "leader_name/主要负责人, leader_phone/主要负责人电话, leader_username/主要负责人账号, liaison_name/联络员, "
                    + "liaison_phone/联络员电话, liaison_username/联络员账号, people_from/任职日期 (default today), "
                    + "temporary_password/初始密码 (required with a username; to be changed at first login). A username "
                    + "makes the person's account at the identity server (role unit-leader or unit-liaison), up to 300 per "
                    + "import; units, people and accounts are made together or not at all (503 `identity-unavailable` "
                    + "when the identity server fails, nothing left behind). The sheet then holds passwords: delete it "
                    + "once imported.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    maxLength = MAX_BYTES),
                    example = "code,name,parent_code,kind\n513221100000,威州镇,513221000000,乡镇\n"),
            @Content(mediaType = SheetReader.XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "binary", maxLength = MAX_BYTES))})
    @APIResponse(responseCode = "200", description = "Imported (or checked, for a dry run)", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importUnits(InputStream body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) throws IOException {
        // a 20 MB workbook read from memory does not fit the heap the service may have: it is read from a file
        try (SheetUpload sheet = SheetUpload.receive(body)) {
            return idempotency.execute(idempotencyKey, "POST /units/import?dryRun=" + dryRun, sheet.sha256(),
                    () -> Response.ok(service.importSheet(sheet.file(), contentType, dryRun)).type(MediaType.APPLICATION_JSON).build());
        }
    }
}
