package org.tuanjie.platform.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The bounds a value's format already sets, written out: a UUID is 36 characters, a date 10, a date-time at
 * most 35 ({@code 2026-12-03T10:20:52.123456789+08:00}); an int32 or int64 lies within its range. A reader
 * (and a linter) sees every string and integer bounded without each field repeating what its type says.
 * Free text is bounded where it is declared, with the limit the service enforces ({@code @Size}).
 */
final class FormatBounds {

    private static final Map<String, Integer> STRING_FORMATS = Map.of("uuid", 36, "date", 10, "date-time", 35);

    private FormatBounds() {
    }

    static void apply(OpenAPI openAPI) {
        // after its alternatives: a nullable value takes the bound of its non-null form
        Walk.schemas(openAPI, FormatBounds::bound);
    }

    /** The largest file this service takes ({@code files.max-size}, 50M unless configured), in bytes. */
    private static int fileBytes() {
        String size = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("files.max-size", String.class)
                .orElse("50M").trim().toUpperCase(java.util.Locale.ROOT);
        long factor = size.endsWith("K") ? 1L << 10 : size.endsWith("M") ? 1L << 20 : size.endsWith("G") ? 1L << 30 : 1;
        String digits = factor == 1 ? size : size.substring(0, size.length() - 1);
        return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(digits) * factor);
    }

    static void bound(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        if (types == null) {
            return;
        }
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getAnyOf() != null) {
            List<Schema> strings = schema.getAnyOf().stream()
                    .filter(a -> a.getType() != null && a.getType().contains(Schema.SchemaType.STRING)).toList();
            if (!strings.isEmpty() && strings.stream().allMatch(a -> a.getMaxLength() != null)) {
                schema.setMaxLength(strings.stream().mapToInt(Schema::getMaxLength).max().getAsInt());
            }
        }
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getFormat() != null && STRING_FORMATS.containsKey(schema.getFormat())) {
            schema.setMaxLength(STRING_FORMATS.get(schema.getFormat()));
        }
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && "binary".equals(schema.getFormat())) {
            schema.setMaxLength(fileBytes()); // a file's bytes: the service refuses a larger one (413)
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
    }
}
