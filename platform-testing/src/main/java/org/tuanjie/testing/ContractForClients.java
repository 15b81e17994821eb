package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tuanjie.platform.openapi.Bilingual;

/**
 * What an integrator generating a client from the served contract needs: every operation named, once, as
 * a method can be; schemas named as classes can be, none numbered ({@code Kind1}) nor named after a
 * language's own value type ({@code OffsetDateTime} would become {@code ModelOffsetDateTime}); every
 * reference resolving; every header and path parameter described; If-Match required, as its absence is a 428.
 */
public final class ContractForClients {

    private static final Pattern METHOD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*[A-Za-z]");
    private static final Set<String> VALUE_TYPES = Set.of("UUID", "OffsetDateTime", "LocalDate", "LocalDateTime", "LocalTime",
            "Instant", "Duration", "ZonedDateTime", "BigDecimal", "BigInteger", "JsonNode", "ObjectNode", "Object", "URI", "URL");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ContractForClients() {
    }

    public static JsonNode served() {
        try {
            return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertOperationsNamedOnce(JsonNode contract) {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String id = op.getValue().path("operationId").asText("");
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            if (!METHOD_NAME.matcher(id).matches()) {
                problems.add(where + ": operationId '" + id + "' is not a method name");
            } else if (!seen.add(id)) {
                problems.add(where + ": operationId '" + id + "' is used twice");
            }
        }));
        assertTrue(seen.size() > 0, "no operation at all");
        assertEquals(List.of(), problems);
    }

    public static void assertSchemasNamedAsClasses(JsonNode contract) {
        JsonNode schemas = contract.path("components").path("schemas");
        List<String> problems = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!CLASS_NAME.matcher(name).matches()) {
                problems.add(name + " is not a class name, or ends with a number");
            }
            if (VALUE_TYPES.contains(name)) {
                problems.add(name + " is a value type of the language: write it inline");
            }
        });
        JsonNode headers = contract.path("components").path("headers");
        for (String ref : contract.findValuesAsText("$ref")) {
            boolean resolves = ref.startsWith("#/components/schemas/") && schemas.has(ref.substring("#/components/schemas/".length()))
                    || ref.startsWith("#/components/headers/") && headers.has(ref.substring("#/components/headers/".length()));
            if (!resolves) {
                problems.add(ref + " does not resolve");
            }
        }
        assertEquals(List.of(), problems);
    }

    public static void assertParametersDescribed(JsonNode contract) {
        List<String> problems = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            for (JsonNode parameter : op.getValue().path("parameters")) {
                String where = op.getKey().toUpperCase() + " " + path.getKey() + " " + parameter.path("name").asText();
                String in = parameter.path("in").asText();
                if ((in.equals("header") || in.equals("path")) && parameter.path("description").asText("").isBlank()) {
                    problems.add(where + ": not described");
                }
                if (parameter.path("name").asText().equalsIgnoreCase("If-Match") && !parameter.path("required").asBoolean()) {
                    problems.add(where + ": not required, though its absence is answered with 428");
                }
            }
        }));
        assertEquals(List.of(), problems);
    }

    /**
     * Every summary and description says it in Chinese, then in English. The texts lacking a translation are
     * listed, to be added to the module's {@code META-INF/openapi/translations.json}.
     */
    public static void assertEveryTextInBothLanguages(JsonNode contract) {
        Set<String> untranslated = new java.util.TreeSet<>();
        Bilingual catalogue = Bilingual.fromClassPath();
        collectTexts(contract, (text, summary) -> {
            if (!catalogue.rendered(text, summary)) {
                untranslated.add(text);
            }
        });
        assertEquals(Set.of(), untranslated, "texts without their translation (add them to META-INF/openapi/translations.json)");
    }

    private static void collectTexts(JsonNode node, java.util.function.BiConsumer<String, Boolean> texts) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                boolean text = field.getKey().equals("summary") || field.getKey().equals("description");
                if (text && field.getValue().isTextual()) {
                    texts.accept(field.getValue().asText(), field.getKey().equals("summary"));
                } else if (!field.getKey().equals("example") && !field.getKey().equals("examples")
                        && !field.getKey().equals("properties")) {
                    collectTexts(field.getValue(), texts);
                } else if (field.getKey().equals("properties")) {
                    field.getValue().forEach(property -> collectTexts(property, texts)); // a property may be called "description"
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectTexts(child, texts));
        }
    }
}
