package org.tuanjie.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the one error body of every service.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "URI reference naming the problem type: at the gateway, a page saying what it means and what to do", example = "/problems/validation", maxLength = 200)
        String type,
        @Schema(description = "Short summary of the problem type, in the caller's language", example = "请求参数无效", maxLength = 200)
        String title,
        @Schema(description = "HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong with this request", example = "请求中有 1 个字段无效", maxLength = Problem.MAX_DETAIL)
        String detail,
        @Schema(description = "The request path this problem is about", example = "/units", maxLength = 8192)
        String instance,
        @Schema(description = "Request id, also sent as X-Request-Id; quote it when reporting a fault",
                example = "3f1c6d0e-6a0b-4f59-9f4a-6c1f0f3c2b11", maxLength = 128)
        String requestId,
        @Schema(description = "Field errors, for 400 (the first " + Problem.MAX_ERRORS + ")", maxItems = Problem.MAX_ERRORS)
        List<FieldError> errors) {

    /** The bounds the contract states hold whatever a message quotes back. */
    public Problem {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
        if (errors != null && errors.size() > MAX_ERRORS) {
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "/problems/";
    /** Field errors listed at most: an import of a whole bad sheet says enough with these. */
    public static final int MAX_ERRORS = 10_000;
    public static final int MAX_DETAIL = 4000;
}
