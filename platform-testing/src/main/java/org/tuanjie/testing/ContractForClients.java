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
        for (String ref : contract.findValuesAsText("$ref")) {
            if (!ref.startsWith("#/components/schemas/") || !schemas.has(ref.substring("#/components/schemas/".length()))) {
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
}
