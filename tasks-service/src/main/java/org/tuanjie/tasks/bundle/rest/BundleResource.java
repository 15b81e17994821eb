package org.tuanjie.tasks.bundle.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.files.ByteRange;
import org.tuanjie.platform.files.PacedCopy;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.platform.web.Attachment;
import org.tuanjie.tasks.bundle.EvidenceBundle;
import org.tuanjie.tasks.bundle.service.BundleBuilder;
import org.tuanjie.tasks.bundle.service.BundleService;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.mapping.TaskViews;

@Guarded
@Path("/bundles")
@Tag(name = "Evidence bundles", description = "What an auditor takes away: a unit's tasks over a period with their "
        + "timelines, evidence files and ledger, and its responsibility agreements with their seals, in one sealed ZIP "
        + "that verifies offline")
public class BundleResource {

    static final String ZIP = "application/zip";

    /** A bundle shows tasks and timelines as the API does. */
    static final BundleBuilder.Views VIEWS = new BundleBuilder.Views() {
        @Override
        public Object task(RectificationTask task, LocalDate today, int yellowDays, List<StoredFile> evidence) {
            return TaskViews.toView(task, today, yellowDays, evidence);
        }

        @Override
        public Object timeline(List<TaskEvent> events) {
            return events.stream().map(TaskViews::toView).toList();
        }
    };

    @Inject
    BundleService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @Schema(name = "BundleRequest")
    public record BundleAsk(
            @NotNull @Schema(description = "The unit whose subtree the bundle covers (a village, a township, the county)")
            UUID unitId,
            @NotNull @Schema(example = "2026-01-01", description = "First day of the period") LocalDate from,
            @NotNull @Schema(example = "2026-12-31", description = "Last day of the period") LocalDate to) {
    }

    @Schema(name = "BundleUnit")
    public record UnitView(UUID id, @Schema(maxLength = 18) String code, @Schema(maxLength = 200) String name) {
    }

    @Schema(name = "Bundle")
    public record BundleView(UUID id, UnitView unit, LocalDate from, LocalDate to,
            @Schema(description = "BUILDING, then READY (download `content`) or FAILED") EvidenceBundle.State state,
            @Schema(maxLength = 255) String requestedBy, OffsetDateTime requestedAt, OffsetDateTime finishedAt,
            @Schema(description = "When the bundle and its ZIP are removed") OffsetDateTime expiresAt,
            @Schema(description = "The ZIP's size in bytes, once ready") Long size,
            @Schema(description = "The ZIP's SHA-256 (hex), once ready", maxLength = 64) String sha256,
            @Schema(description = "Tasks in it") Integer tasks,
            @Schema(description = "Files its manifest lists") Integer files,
            @Schema(description = "Why the build failed", maxLength = 2000) String failure,
            @Schema(description = "Where to download the ZIP, once ready", maxLength = 2048) URI content) {

        static BundleView of(EvidenceBundle b, UriInfo uri) {
            URI content = b.state() == EvidenceBundle.State.READY
                    ? uri.getBaseUriBuilder().path("bundles").path(b.id().toString()).path("content").build() : null;
            String failure = b.failure() == null ? null : b.failure().substring(0, Math.min(2000, b.failure().length()));
            return new BundleView(b.id(), new UnitView(b.unitId(), b.unitCode(), b.unitName()), b.from(), b.to(), b.state(),
                    b.requestedBy(), b.requestedAt(), b.finishedAt(), b.expiresAt(), b.size(), b.sha256(), b.tasks(),
                    b.files(), failure, content);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for an evidence bundle (证据包) of a unit and a period",
            description = "Built in the background: the answer is 202 with the bundle's status at `Location`; poll it until "
                    + "`state` is READY, then download `content`. The bundle holds every task of the unit's subtree that "
                    + "was open at some time in the period (made before its end, not verified before its start), each "
                    + "with its timeline and its evidence files and those of its finding, the ledger (ledger.xlsx), the "
                    + "timelines' hash chain segment with its checkpoints, the agreements' part (every agreement of the "
                    + "subtree for the years the period touches, with its canonical content, signatures, seals and audit "
                    + "entries, and the audit chain's segment with its checkpoints: `GET /audit/bundle.zip` of "
                    + "agreements-service), the units' history chain segment with its checkpoints (`GET "
                    + "/history/bundle.zip` of units-service), both asked for with the caller's own token as the bundle "
                    + "is asked for (without either the build fails, saying why), the suite's public sealing keys, and "
                    + "manifest.json "
                    + "listing every file's size and SHA-256 (SM3 under an SM2 key), sealed in manifest.seal.json. "
                    + "`java -jar bundle-verifier.jar bundle.zip` checks it offline.")
    @APIResponse(responseCode = "202", description = "Accepted: being built",
            content = @Content(schema = @Schema(implementation = BundleView.class)))
    public Response requestBundle(@Valid @NotNull BundleAsk ask, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /bundles", ask, () -> {
            EvidenceBundle bundle = service.request(ask.unitId(), ask.from(), ask.to(), VIEWS);
            return Response.accepted(BundleView.of(bundle, uri))
                    .location(uri.getBaseUriBuilder().path("bundles").path(bundle.id().toString()).build())
                    .header("Retry-After", 5).build();
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An evidence bundle's status")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = BundleView.class)))
    public BundleView getBundle(@PathParam("id") UUID id) {
        return BundleView.of(service.get(id), uri);
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an evidence bundle's ZIP",
            description = "`ETag` is the ZIP's SHA-256; `Range` gives 206 with one byte range, so a download broken off "
                    + "on a weak network goes on where it stopped.")
    @APIResponse(responseCode = "200", description = "The ZIP",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The range asked for",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", description = "Not built yet, or its build failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "416", description = "The range starts past the end",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response downloadBundle(@PathParam("id") UUID id, @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange, @Context HttpServerRequest request) throws IOException {
        EvidenceBundle bundle = service.ready(id);
        String etag = "\"" + bundle.sha256() + "\"";
        long size = bundle.size();
        Optional<ByteRange> part = ifRange == null || ifRange.equals(etag) ? ByteRange.parse(range, size) : Optional.empty();
        ByteRange bytes = part.orElse(new ByteRange(0, size));
        InputStream in = request.method() == HttpMethod.HEAD ? InputStream.nullInputStream()
                : service.content(bundle, bytes.from(), bytes.to());
        StreamingOutput body = out -> {
            try (in) {
                PacedCopy.copy(in, out, request.response());
            }
        };
        String name = "证据包_" + Attachment.namePart(bundle.unitName()) + "_" + bundle.from() + "_" + bundle.to() + ".zip";
        Response.ResponseBuilder answer = Response.status(part.isPresent() ? 206 : 200).entity(body).type(ZIP)
                .header("ETag", etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", bytes.length())
                .header("Content-Disposition", Attachment.disposition("bundle-" + bundle.unitCode() + ".zip", name))
                .header("Cache-Control", "private, no-store");
        part.ifPresent(p -> answer.header("Content-Range", p.contentRange(size)));
        return answer.build();
    }
}
