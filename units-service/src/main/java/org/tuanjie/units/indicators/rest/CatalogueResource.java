package org.tuanjie.units.indicators.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.platform.sheets.SheetReader;
import org.tuanjie.platform.sheets.SheetUpload;
import org.tuanjie.units.indicators.IndicatorTable;
import org.tuanjie.units.indicators.mapping.IndicatorViews;
import org.tuanjie.units.indicators.mapping.IndicatorViews.CatalogueSummary;
import org.tuanjie.units.indicators.mapping.IndicatorViews.CatalogueView;
import org.tuanjie.units.indicators.mapping.IndicatorViews.NewCatalogue;
import org.tuanjie.units.indicators.mapping.IndicatorViews.SheetImport;
import org.tuanjie.units.indicators.service.CatalogueService;
import org.tuanjie.units.indicators.service.CatalogueSheets;

@Guarded
@Path("/indicator-catalogues")
@Tag(name = "Indicators", description = "Evaluation indicators (测评指标): versioned catalogues, imported from and exported to the sheet they circulate as")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    /** A catalogue's sheet at most: a few thousand rows of text. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    @Inject
    CatalogueService service;

    @Inject
    CatalogueSheets sheets;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Indicator catalogues you can see",
            description = "Those of the offices in your jurisdiction and of the offices above you (a township reads its "
                    + "county's and its province's), newest year first.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = CatalogueSummary.class, maxItems = CatalogueService.LISTED)))
    public List<CatalogueSummary> listIndicatorCatalogues(@QueryParam("year") @Min(2000) @Max(2100)
            @Parameter(description = "Only this campaign year", example = "2026") Integer year) {
        return service.list(year).stream().map(IndicatorViews::toSummary).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a catalogue: a draft, the year's next edition",
            description = "Then import its sheet (PUT …/sheet) and publish it. One draft per office and year at a time.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CatalogueView.class)))
    @APIResponse(responseCode = "409", description = "A draft of that year exists (edit or publish it first), or an Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The owner is not a region (a catalogue is an office's), or an Idempotency-Key reused with another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createIndicatorCatalogue(@Valid @NotNull NewCatalogue request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /indicator-catalogues", request, () -> {
            CatalogueService.CatalogueRead created = service.create(request.ownerUnitId(), request.year(), request.title().strip());
            return Versions.created(uri.getBaseUriBuilder().path("indicator-catalogues").path(created.catalogue().id().toString())
                    .build(), IndicatorViews.toView(created), created.catalogue().version());
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a catalogue with its indicators")
    public RestResponse<CatalogueView> getIndicatorCatalogue(@PathParam("id") UUID id) {
        CatalogueService.CatalogueRead read = service.get(id);
        return Versions.ok(IndicatorViews.toView(read), read.catalogue().version());
    }

    @PUT
    @Path("{id}/sheet")
    @Consumes({"text/csv", SheetReader.XLSX})
    @Operation(summary = "Replace a draft's indicators with a sheet (.xlsx or CSV)",
            description = "Columns, Chinese or English headers (an exported sheet imports unchanged): 指标编号/code, "
                    + "上级指标/parent_code, 指标名称/title_zh, 藏文名称/title_bo, 英文名称/title_en, 分值/points (up to two "
                    + "decimals), 适用单位类型/unit_kinds (乡镇、村/社区、机关、学校… or SCHOOL…; empty: every kind), "
                    + "适用领域/domains (domain codes such as SCHOOLS; empty: every unit), 评价方式/measured_by (系统计量/SUITE "
                    + "or 评审打分/REVIEWER; empty: SUITE when evidence is expected), 应有文件数/documents, and activities "
                    + "expected per kind: 宣传活动次数/publicity, 培训次数/training, 推进会次数/promotion_meeting, "
                    + "政策学习次数/policy_study, 示范观摩次数/showcase. A parent's points must equal the sum of its "
                    + "children's. Every row is checked first; any bad row fails the whole import with a 400 listing "
                    + "every error by line and column, and the draft keeps what it had. `dryRun=true` checks without "
                    + "writing. Up to " + IndicatorTable.MAX_INDICATORS + " indicators. A published catalogue is not "
                    + "changed (409): start the next edition.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_BYTES),
                    example = "指标编号,上级指标,指标名称,分值,适用单位类型,应有文件数,宣传活动次数\n1,,组织领导,10,,,\n1.1,1,成立创建工作领导小组并印发文件,4,,1,\n1.2,1,开展民族团结宣传活动,6,,,3\n"),
            @Content(mediaType = SheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_BYTES))})
    @APIResponse(responseCode = "200", description = "Imported (or checked, for a dry run)", content = @Content(schema = @Schema(implementation = SheetImport.class)))
    @APIResponse(responseCode = "409", description = "The catalogue is published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceIndicatorSheet(@PathParam("id") UUID id, InputStream body,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the catalogue you read", example = "\"1\"") String ifMatch)
            throws IOException {
        long expected = Versions.expected(ifMatch);
        try (SheetUpload sheet = SheetUpload.receive(body)) {
            SheetImport result = IndicatorViews.toView(service.replace(id, expected, sheet.file(), contentType, dryRun));
            return Response.ok(result).type(MediaType.APPLICATION_JSON).tag(Versions.etag(result.version())).build();
        }
    }

    @GET
    @Path("{id}/sheet.xlsx")
    @Produces(SheetReader.XLSX)
    @Operation(summary = "A catalogue's indicators as an Excel workbook (.xlsx), in the form the import reads")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = SheetReader.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_BYTES)))
    public Response getIndicatorSheetXlsx(@PathParam("id") UUID id) {
        CatalogueSheets.Sheet sheet = sheets.xlsx(id);
        return Response.ok(sheet.content()).header("Content-Disposition", sheet.disposition()).build();
    }

    @GET
    @Path("{id}/sheet.csv")
    @Produces("text/csv")
    @Operation(summary = "A catalogue's indicators as CSV (UTF-8 with BOM, so Excel shows Chinese right), in the form the import reads")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_BYTES)))
    public Response getIndicatorSheetCsv(@PathParam("id") UUID id) {
        CatalogueSheets.Sheet sheet = sheets.csv(id);
        return Response.ok(sheet.content()).header("Content-Disposition", sheet.disposition()).build();
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Publish a draft: from now on what units are judged by, never changed",
            description = "It replaces the owner's earlier editions of that year. An empty catalogue is not published (422).")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = CatalogueView.class)))
    @APIResponse(responseCode = "409", description = "Already published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The catalogue has no indicators", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<CatalogueView> publishIndicatorCatalogue(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the catalogue you read", example = "\"2\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        CatalogueService.CatalogueRead read = service.publish(id, expected);
        return Versions.ok(IndicatorViews.toView(read), read.catalogue().version());
    }
}
