package org.tuanjie.platform.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The parameters every service uses the same way, described once: concurrency and retry headers, paging,
 * the tus headers, and the ids in paths. A method that says more about one keeps its own words. If-Match is
 * marked required, as its absence is answered with 428.
 */
final class SharedParameters {

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("If-Match", "The `ETag` you read (e.g. `\"3\"`): the write applies only if the resource is still at that "
                    + "version; an older one gets 412, none at all 428. 当前版本号（读取时的 ETag）。"),
            Map.entry("Idempotency-Key", "Any unique string of yours (a UUID) naming this write: sent again after a timeout, "
                    + "the write is done once and the first answer repeated; the same key with another body gets 422, "
                    + "while the first is still running 409. 幂等键。"),
            Map.entry("Tus-Resumable", "The tus protocol version: `1.0.0`."),
            Map.entry("Upload-Length", "The whole file's length in bytes, announced before any byte is sent (tus)."),
            Map.entry("Upload-Offset", "Where these bytes start: the offset the server last reported (tus)."),
            Map.entry("Range", "One byte range, e.g. `bytes=0-1023` or `bytes=1048576-`: the answer is 206 with that range."),
            Map.entry("If-Range", "The `ETag` of the copy you hold: the range is served only if the file is still that one, "
                    + "else the whole file."),
            Map.entry("If-None-Match", "The `ETag` of the copy you hold: 304 without a body if it is still current."));

    /** The longest value each is read with: longer ones are refused with 400 (412 for a wrong version). */
    private static final Map<String, Integer> BOUNDS = Map.of(
            "cursor", org.tuanjie.platform.paging.Cursor.MAX_LENGTH,
            "If-Match", 80,
            "If-None-Match", 200,
            "If-Range", 200,
            "Idempotency-Key", 255,
            "Tus-Resumable", 16,
            "Range", 200,
            "Upload-Metadata", 2048);

    private static final Map<String, String> QUERY = Map.of(
            "cursor", "Where the page starts: the `cursor` of the `next` link of the previous page (opaque); none for the first page.",
            "limit", "Items per page at most (its bounds and default are in its schema).");

    private SharedParameters() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            describe(path, item.getParameters());
            item.getOperations().values().forEach(operation -> describe(path, operation.getParameters()));
        });
    }

    private static void describe(String path, List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.setRequired(true);
            }
            Integer bound = parameter.getSchema() == null ? null : BOUNDS.get(parameter.getName());
            if (bound != null && parameter.getSchema().getMaxLength() == null) {
                parameter.getSchema().setMaxLength(bound); // what Cursor, Versions, Idempotency and tus refuse beyond
            }
            if (parameter.getDescription() != null && !parameter.getDescription().isBlank()) {
                continue;
            }
            String description = switch (parameter.getIn()) {
                case HEADER -> HEADERS.get(parameter.getName());
                case QUERY -> QUERY.get(parameter.getName());
                case PATH -> idIn(path, parameter.getName());
                default -> null;
            };
            parameter.setDescription(description);
        }
    }

    /** {@code id} in {@code /tasks/{id}/urgings} → "Id of the task"; {@code personId} → "Id of the person". */
    static String idIn(String path, String name) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                String of = name.endsWith("Id") ? name.substring(0, name.length() - 2) : name.equals("id") ? singular(segments[i - 1]) : null;
                if (of == null) {
                    return name.equals("code") ? "The " + singular(segments[1]) + "'s code: a region's 12-digit statistical division code (统计用区划代码) or an organization's 18-character unified social credit code (统一社会信用代码)" : null;
                }
                return "Id of the " + words(of) + " (UUID)";
            }
        }
        return null;
    }

    private static String singular(String segment) {
        return segment.endsWith("ies") ? segment.substring(0, segment.length() - 3) + "y"
                : segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
    }

    /** requestId → request; extensions → extension; hand-back → hand back. */
    private static String words(String name) {
        return singular(name).replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').toLowerCase(Locale.ROOT);
    }
}
