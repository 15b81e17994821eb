package org.tuanjie.platform.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Names in the contract that a client generated from it can live with. Integrators generate their
 * clients from our contracts, so an operation becomes a method named by its id and a schema a class
 * named by its key.
 * <ul>
 * <li>An endpoint shared by several services (files, the unit feed) writes {@value #RESOURCE} in its
 * operation id; it becomes the resource of the path it is mounted at: {@code upload{resource}} is
 * {@code uploadEvidence} at {@code /evidence} and {@code uploadAttachment} at {@code /attachments}, so
 * the suite's merged contract keeps them apart.</li>
 * <li>Value types (UUID, OffsetDateTime, LocalDate, a free JSON object) are written where they are used
 * rather than as schemas of their own: a generator would make a class {@code ModelOffsetDateTime} of them
 * instead of using the language's date type.</li>
 * <li>A reference says no type beside it.</li>
 * </ul>
 */
final class ClientNames {

    static final String RESOURCE = "{resource}";

    private ClientNames() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> nameSharedOperation(path, operation)));
        }
        tidySchemas(openAPI);
    }

    private static void nameSharedOperation(String path, Operation operation) {
        String id = operation.getOperationId();
        if (id != null && id.contains(RESOURCE)) {
            operation.setOperationId(id.replace(RESOURCE, resourceOf(path)));
        }
    }

    /** {@code /attachments/uploads/{id}} → Attachment; {@code /evidence} → Evidence. */
    static String resourceOf(String path) {
        String first = path.replaceFirst("^/", "").split("/", 2)[0];
        String singular = first.endsWith("s") ? first.substring(0, first.length() - 1) : first;
        return singular.isEmpty() ? "" : singular.substring(0, 1).toUpperCase(Locale.ROOT) + singular.substring(1);
    }

    private static void tidySchemas(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, Schema> valueTypes = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> {
            if (isValueType(schema)) {
                valueTypes.put(name, schema);
            }
        });
        valueTypes.keySet().forEach(components::removeSchema);
        Consumer<Schema> tidy = schema -> tidy(schema, valueTypes);
        components.getSchemas().values().forEach(tidy);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                parameters(item.getParameters(), tidy);
                item.getOperations().values().forEach(operation -> {
                    parameters(operation.getParameters(), tidy);
                    if (operation.getRequestBody() != null) {
                        content(operation.getRequestBody().getContent(), tidy);
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(response -> response(response, tidy));
                    }
                });
            });
        }
    }

    /** A scalar or a free object: no properties, no enumeration, no composition. */
    private static boolean isValueType(Schema schema) {
        return schema.getRef() == null && schema.getProperties() == null && schema.getEnumeration() == null
                && schema.getItems() == null && schema.getAllOf() == null && schema.getAnyOf() == null
                && schema.getOneOf() == null && schema.getType() != null && !schema.getType().isEmpty()
                && !schema.getType().contains(Schema.SchemaType.ARRAY);
    }

    /**
     * Replaces a reference to a value type by the value type, keeping what the reference adds (a description).
     * A reference to a named schema keeps no type of its own (an example on an enum property gives it one):
     * the schema referred to has it, and generators drop the duplicate with a warning.
     */
    private static void tidy(Schema schema, Map<String, Schema> valueTypes) {
        if (schema.getRef() != null) {
            schema.setType(null);
            Schema target = valueTypes.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            if (target != null) {
                Map<String, Object> merged = new LinkedHashMap<>(target.getAll());
                schema.getAll().forEach((key, value) -> {
                    if (!"$ref".equals(key)) {
                        merged.put(key, value);
                    }
                });
                schema.setAll(merged);
                schema.setRef(null);
            }
            return;
        }
        for (Object value : new ArrayList<>(schema.getAll().values())) {
            nested(value).forEach(child -> tidy(child, valueTypes));
        }
    }

    private static List<Schema> nested(Object value) {
        if (value instanceof Schema schema) {
            return List.of(schema);
        }
        Collection<?> values = value instanceof Map<?, ?> map ? map.values() : value instanceof Collection<?> c ? c : List.of();
        return values.stream().filter(Schema.class::isInstance).map(Schema.class::cast).toList();
    }

    private static void parameters(List<Parameter> parameters, Consumer<Schema> tidy) {
        if (parameters != null) {
            parameters.forEach(parameter -> {
                if (parameter.getSchema() != null) {
                    tidy.accept(parameter.getSchema());
                }
                content(parameter.getContent(), tidy);
            });
        }
    }

    private static void response(APIResponse response, Consumer<Schema> tidy) {
        content(response.getContent(), tidy);
        if (response.getHeaders() != null) {
            for (Header header : response.getHeaders().values()) {
                if (header.getSchema() != null) {
                    tidy.accept(header.getSchema());
                }
            }
        }
    }

    private static void content(Content content, Consumer<Schema> tidy) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(mediaType -> {
                if (mediaType.getSchema() != null) {
                    tidy.accept(mediaType.getSchema());
                }
            });
        }
    }
}
