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
        @Schema(description = "URI reference naming the problem type", example = "https://tuanjie.org/problems/validation")
        String type,
        @Schema(description = "Short summary of the problem type, in the caller's language", example = "请求参数无效")
        String title,
        @Schema(description = "HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong with this request", example = "请求中有 1 个字段无效")
        String detail,
        @Schema(description = "The request path this problem is about", example = "/units")
        String instance,
        @Schema(description = "Request id, also sent as X-Request-Id; quote it when reporting a fault",
                example = "3f1c6d0e-6a0b-4f59-9f4a-6c1f0f3c2b11")
        String requestId,
        @Schema(description = "Field errors, for 400")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://tuanjie.org/problems/";
}
