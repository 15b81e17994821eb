package org.tuanjie.platform.files;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
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
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.files.FileProblems.FileNotFound;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.platform.problem.ProblemException;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;

/**
 * The file operations a service offers under its own path (e.g. tasks-service's {@code /evidence}):
 * one-request upload, resumable upload with tus 1.0 (core, creation, expiration, termination), the
 * file's description, its bytes (ETag, Range, RFC 6266 file name) and its thumbnail. A subclass
 * gives the path and the tag; its service's policy lists who may call each operation, and
 * {@link FileOwners} decides who sees an attached file. The operation ids name the resource of the path
 * the subclass is mounted at ({@code uploadEvidence} at {@code /evidence}, {@code uploadAttachment} at
 * {@code /attachments}), so that the suite's merged contract and the generated clients tell them apart.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class FileEndpoints {

    public static final String TUS_VERSION = "1.0.0";
    public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    Files files;

    @Inject
    FileOwners owners;

    @Inject
    Guard guard;

    @Inject
    Caller caller;

    @Inject
    FilesConfig config;

    @Context
    UriInfo uri;

    private final String root;

    /**
     * @param root the path this service serves files under, e.g. {@code evidence}. A field, not an overridable
     *             method: the access interceptor guards every method a resource bean exposes.
     */
    protected FileEndpoints(String root) {
        this.root = root;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "upload{resource}", summary = "Upload a file in one request", description = "For small files over a good network; "
            + "on a weak one use the resumable upload (tus 1.0) under `uploads`. The file is yours alone until a record "
            + "takes it (e.g. a submission's `evidence`); untaken, it expires.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "413", description = "Above the size cap or the unit's quota; nothing was stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not one of the accepted types, judged from the bytes; nothing was stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new Problems.InvalidInput(new Violation("file", "problem.file.missing"));
        }
        StoredFile stored = files.receive(file.uploadedFile(), name(file.fileName()), uploader());
        return Response.created(fileUri(stored.id())).entity(FileView.of(stored)).build();
    }

    @OPTIONS
    @Path("uploads")
    @Operation(operationId = "get{resource}UploadCapabilities", summary = "What the resumable upload supports (tus 1.0)")
    // string-valued headers are named in descriptions: the contract tests' validator reads declared ones as JSON
    @APIResponse(responseCode = "204", description = "tus capabilities: `Tus-Version` (1.0.0), `Tus-Extension` (creation, expiration, "
            + "termination) and `Tus-Max-Size` (bytes)", headers = {
            @Header(name = "Tus-Max-Size", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "1099511627776"))})
    public Response capabilities() {
        return Response.noContent().header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,expiration,termination")
                .header("Tus-Max-Size", config.maxSize().asLongValue()).build();
    }

    @POST
    @Path("uploads")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "start{resource}Upload", summary = "Begin a resumable upload (tus 1.0 creation)", description = "Announce the length "
            + "(`Upload-Length`) and the name (`Upload-Metadata: filename <base64>`); then send the bytes with PATCH to the "
            + "`Location` returned, resuming after a cut from the offset HEAD gives. The file's id is the upload's.")
    @APIResponse(responseCode = "201", description = "Created: PATCH the bytes to `Location` before `Upload-Expires`")
    @APIResponse(responseCode = "412", description = "Not tus 1.0.0 (`Tus-Resumable`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Above the size cap or the unit's quota", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "An empty file is no accepted type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startUpload(@HeaderParam("Tus-Resumable") String tus,
            @HeaderParam("Upload-Length") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "1099511627776")) String length,
            @HeaderParam("Upload-Metadata") @Parameter(description = "`filename <base64 of the UTF-8 name>`, comma-separated pairs") String metadata) {
        requireTus(tus);
        StoredFile upload = files.startUpload(metadataName(metadata), uploadLength(length), uploader());
        return Response.created(uri.getBaseUriBuilder().path(root).path("uploads").path(upload.id().toString()).build())
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Expires", HTTP_DATE.format(upload.expiresAt())).build();
    }

    @HEAD
    @Path("uploads/{id}")
    @Operation(operationId = "get{resource}UploadOffset", summary = "Where a resumable upload stands (tus 1.0)", description = "Only its uploader sees it.")
    @APIResponse(responseCode = "200", description = "`Upload-Offset`: resume from there", headers = {
            @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "1099511627776")),
            @Header(name = "Upload-Length", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "1099511627776"))})
    public Response uploadState(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String tus) throws IOException {
        requireTus(tus);
        StoredFile upload = files.upload(id, caller.subject());
        Response.ResponseBuilder answer = Response.ok().header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", files.offset(upload)).header("Upload-Length", upload.declaredSize())
                .header("Cache-Control", "no-store");
        if (!upload.stored()) {
            answer.header("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
        }
        return answer.build();
    }

    @PATCH
    @Path("uploads/{id}")
    @Consumes(OFFSET_OCTET_STREAM)
    @Operation(operationId = "append{resource}Upload", summary = "Send bytes of a resumable upload (tus 1.0)", description = "`Upload-Offset` must be where the "
            + "upload stands (409 otherwise: ask with HEAD). Bytes received before a cut are kept. The last byte completes "
            + "the file: its type is then judged from the bytes (415 drops the upload), and `Location` names the file.")
    @APIResponse(responseCode = "204", description = "Received up to `Upload-Offset`; once complete, `Location` names the file", headers = {
            @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "1099511627776")),
            @Header(name = "Location", ref = "#/components/headers/Location")})
    @APIResponse(responseCode = "409", description = "`Upload-Offset` is not where the upload stands", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Not tus 1.0.0 (`Tus-Resumable`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More bytes than announced", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Complete, but not one of the accepted types; the upload is gone", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response appendUpload(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String tus,
            @HeaderParam("Upload-Offset") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "1099511627776")) String offset,
            @HeaderParam("Content-Length") @Parameter(hidden = true) String contentLength,
            @Schema(type = SchemaType.STRING, format = "binary") InputStream body) throws IOException {
        requireTus(tus);
        StoredFile upload = files.append(id, caller.subject(), number("Upload-Offset", offset),
                body, contentLength == null ? -1 : number("Content-Length", contentLength));
        Response.ResponseBuilder answer = Response.noContent().header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", upload.received());
        if (upload.stored()) {
            answer.location(fileUri(upload.id()));
        } else {
            answer.header("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
        }
        return answer.build();
    }

    @DELETE
    @Path("uploads/{id}")
    @Operation(operationId = "abandon{resource}Upload", summary = "Abandon a resumable upload (tus 1.0 termination)", description = "What it received is deleted; "
            + "a file a record has taken is not.")
    @APIResponse(responseCode = "204", description = "Gone")
    @APIResponse(responseCode = "409", description = "A record has taken the file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Not tus 1.0.0 (`Tus-Resumable`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response abandonUpload(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String tus) {
        requireTus(tus);
        files.terminate(id, caller.subject());
        return Response.noContent().header("Tus-Resumable", TUS_VERSION).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "get{resource}", summary = "Describe a file", description = "Seen by whoever sees the record it belongs to; before that, by its uploader alone.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = FileView.class)))
    public FileView describe(@PathParam("id") UUID id) {
        return FileView.of(visible(id));
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "download{resource}", summary = "Download a file", description = "`ETag` is the SHA-256; `Range` gives 206 with one byte range; "
            + "`Content-Disposition` carries the UTF-8 name (RFC 6266).")
    @APIResponse(responseCode = "200", description = "The bytes", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The range asked for", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Unchanged (`If-None-Match`)")
    @APIResponse(responseCode = "409", description = "The upload is not complete", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "416", description = "The range starts past the end", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@PathParam("id") UUID id, @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange, @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpServerRequest request) throws IOException {
        StoredFile file = visible(id);
        if (!file.stored()) {
            throw new FileProblems.UploadIncomplete(id, file.received(), file.declaredSize());
        }
        if (ifNoneMatch != null && (ifNoneMatch.equals(file.etag()) || ifNoneMatch.equals("*"))) {
            return Response.notModified().tag(file.sha256()).build();
        }
        long size = file.declaredSize();
        Optional<ByteRange> part = ifRange == null || ifRange.equals(file.etag()) ? ByteRange.parse(range, size) : Optional.empty();
        ByteRange bytes = part.orElse(new ByteRange(0, size));
        // HEAD: the same head, and no bytes read
        InputStream in = request.method() == HttpMethod.HEAD ? InputStream.nullInputStream()
                : files.open(file, bytes.from(), bytes.to());
        StreamingOutput body = out -> {
            try (in) {
                PacedCopy.copy(in, out, request.response());
            }
        };
        Response.ResponseBuilder answer = Response.status(part.isPresent() ? 206 : 200).entity(body)
                .type(file.type().mediaType())
                .tag(file.sha256())
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", bytes.length())
                .header("Content-Disposition", disposition(file))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=86400");
        part.ifPresent(p -> answer.header("Content-Range", p.contentRange(size)));
        return answer.build();
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces("image/jpeg")
    @Operation(operationId = "get{resource}Thumbnail", summary = "A small JPEG of an image, for lists", description = "At most 320 px on its longer side. "
            + "JPEG and PNG photos have one; other types (and HEIC, WebP) do not: 404.")
    @APIResponse(responseCode = "200", description = "The thumbnail", content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response thumbnail(@PathParam("id") UUID id) throws IOException {
        StoredFile file = visible(id);
        byte[] small = files.thumbnail(file).orElseThrow(() -> new NoThumbnail(id));
        return Response.ok(small, "image/jpeg").tag(file.sha256() + "-thumb")
                .header("Cache-Control", "private, max-age=86400").build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "delete{resource}", summary = "Delete a file no record has taken", description = "By its uploader. A file a record has taken "
            + "stays with it (409); a verified submission's files are frozen (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Taken by a record, or frozen", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id) {
        StoredFile file = visible(id);
        if (file.attached() && !file.frozen()) {
            throw new FileTaken(id);
        }
        files.delete(file, caller.subject());
        return Response.noContent().build();
    }

    /** The file, if the caller sees it: an attached one through its record, a free one as its uploader. */
    private StoredFile visible(UUID id) {
        StoredFile file = files.get(id);
        if (!file.attached()) {
            if (!file.uploadedBy().equals(caller.subject())) {
                throw new FileNotFound(id);
            }
            return file;
        }
        Object record = owners.record(file.owner()).orElseThrow(() -> new FileNotFound(id));
        guard.require(record, () -> new FileNotFound(id));
        return file;
    }

    private URI fileUri(UUID id) {
        return uri.getBaseUriBuilder().path(root).path(id.toString()).build();
    }

    private Files.Uploader uploader() {
        return new Files.Uploader(caller.subject(), caller.unitCode().orElse("-"));
    }

    private static void requireTus(String version) {
        if (!TUS_VERSION.equals(version)) {
            throw new TusVersionUnsupported();
        }
    }

    private static long uploadLength(String header) {
        if (header == null) {
            throw new Problems.InvalidInput(new Violation("Upload-Length", "problem.upload-length.missing"));
        }
        return number("Upload-Length", header);
    }

    private static long number(String header, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Problems.InvalidInput(new Violation(header, "problem.header.not-a-count", value));
    }

    /** The {@code filename} of tus metadata ({@code key base64,key base64}); "upload" when absent. */
    static String metadataName(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return "upload";
        }
        for (String pair : metadata.split(",")) {
            String[] keyValue = pair.trim().split(" ", 2);
            if (keyValue[0].equals("filename") || keyValue[0].equals("name")) {
                try {
                    return name(new String(Base64.getDecoder().decode(keyValue.length > 1 ? keyValue[1].trim() : ""),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new Problems.InvalidInput(new Violation("Upload-Metadata", "problem.upload-metadata.invalid"));
                }
            }
        }
        return "upload";
    }

    /** A name as shown and downloaded: no path, no control characters, at most 255 characters. */
    static String name(String given) {
        if (given == null) {
            return "upload";
        }
        String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            return "upload";
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    /** RFC 6266: an ASCII fallback for old clients and the UTF-8 name (RFC 8187) for the rest. */
    static String disposition(StoredFile file) {
        return org.tuanjie.platform.web.Attachment.disposition(file.name());
    }

    /** 412 (tus): the client speaks another protocol version. */
    static final class TusVersionUnsupported extends ProblemException {
        TusVersionUnsupported() {
            super(412, "tus-version-unsupported", "problem.tus-version-unsupported.detail", TUS_VERSION);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Tus-Version", TUS_VERSION);
        }
    }

    static final class NoThumbnail extends Problems.NotFound {
        NoThumbnail(UUID id) {
            super("thumbnail-not-found", "problem.thumbnail-not-found.detail", id);
        }
    }

    static final class FileTaken extends Problems.Conflict {
        FileTaken(UUID id) {
            super("file-taken", "problem.file-taken.detail", id);
        }
    }
}
