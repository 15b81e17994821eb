package org.tuanjie.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid input: a JSON field, a query parameter, or a cell of an uploaded sheet (then with its line).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError")
public record FieldError(
        @Schema(description = "Field, parameter or column name", example = "code") String field,
        @Schema(description = "Why it is invalid", example = "统计用区划代码必须是 12 位数字") String message,
        @Schema(description = "Line of an uploaded file (1 = header), only for imports", example = "3") Integer line) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
