package org.tuanjie.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid input: a JSON field, a query parameter, or a cell of an uploaded sheet (then with its line).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError")
public record FieldError(
        @Schema(description = "Field, parameter or column name", example = "code", maxLength = 200) String field,
        @Schema(description = "Why it is invalid", example = "统计用区划代码必须是 12 位数字", maxLength = 2000) String message,
        @Schema(description = "Line of an uploaded file (1 = header), only for imports", example = "3") Integer line) {

    /** The bounds the contract states hold whatever the input named (a map key of any length is a field name). */
    public FieldError {
        if (field != null && field.length() > 200) {
            field = field.substring(0, 199) + "…";
        }
        if (message != null && message.length() > 2000) {
            message = message.substring(0, 1999) + "…";
        }
    }

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
