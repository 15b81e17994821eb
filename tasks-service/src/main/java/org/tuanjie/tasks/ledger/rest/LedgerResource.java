package org.tuanjie.tasks.ledger.rest;

import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.tasks.ledger.service.LedgerService;
import org.tuanjie.tasks.task.rest.TaskFilterParams;

@Guarded
@Path("/")
@Tag(name = "Ledger", description = "The rectification ledger (整改台账) county offices live by, with the task list's filters")
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerService service;

    @GET
    @Path("ledger.csv")
    @Produces("text/csv")
    @Operation(summary = "Ledger as CSV (UTF-8 with BOM, so Excel shows Chinese right)")
    public Response getLedgerCsv(@Valid @BeanParam TaskFilterParams filter) {
        LedgerService.Export export = service.prepare(filter.toFilter());
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader(LedgerService.HEADERS.toArray(String[]::new)).get());
            export.forEachLine(line -> {
                try {
                    printer.printRecord(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        };
        return Response.ok(body).header("Content-Disposition", LedgerService.disposition(export, "csv")).build();
    }

    @GET
    @Path("ledger.xlsx")
    @Produces(XLSX)
    @Operation(summary = "Ledger as an Excel workbook (.xlsx), written row by row")
    public Response getLedgerXlsx(@Valid @BeanParam TaskFilterParams filter) {
        LedgerService.Export export = service.prepare(filter.toFilter());
        StreamingOutput body = out -> LedgerService.writeXlsx(export, out);
        return Response.ok(body).header("Content-Disposition", LedgerService.disposition(export, "xlsx")).build();
    }
}
