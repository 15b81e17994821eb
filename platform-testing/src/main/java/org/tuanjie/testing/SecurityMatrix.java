package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yaml.snakeyaml.Yaml;

/**
 * Security checked over every operation of the committed contract, not only the ones a test
 * remembered: without a token each is a 401 problem; with a role the operation does not list, a 403.
 */
public final class SecurityMatrix {

    public static final List<String> ROLES = List.of("admin", "inspector", "unit-liaison", "unit-leader", "auditor",
            "integration");

    private SecurityMatrix() {
    }

    /** One operation of the contract and the roles it admits (empty for a public one). */
    public record Operation(String method, String path, List<String> roles, String contentType, String description,
            Map<String, String> choices) {

        /**
         * The path with a value for each parameter: its first allowed value where the contract lists them (a file's
         * form, {@code docx}), else an id nothing has.
         */
        String concretePath() {
            return withChoices(path).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        String withChoices(String template) {
            String concrete = template;
            for (Map.Entry<String, String> choice : choices.entrySet()) {
                concrete = concrete.replace("{" + choice.getKey() + "}", choice.getValue());
            }
            return concrete;
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Operation> operations() {
        Map<String, Object> spec;
        try {
            spec = new Yaml().load(Files.readString(OpenApiContract.COMMITTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            List<String> roles = new ArrayList<>();
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) ((Map<String, Object>) op).get("security");
            if (security != null) {
                security.forEach(requirement -> requirement.values().forEach(roles::addAll));
            }
            String contentType = "application/json";
            Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) op).get("requestBody");
            if (body != null && body.get("content") instanceof Map<?, ?> content && !content.isEmpty()) {
                contentType = content.keySet().iterator().next().toString();
            }
            Object description = ((Map<String, Object>) op).get("description");
            Map<String, String> choices = new java.util.HashMap<>();
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) op).get("parameters");
            for (Map<String, Object> parameter : parameters == null ? List.<Map<String, Object>>of() : parameters) {
                if ("path".equals(parameter.get("in")) && parameter.get("schema") instanceof Map<?, ?> schema
                        && schema.get("enum") instanceof List<?> allowed && !allowed.isEmpty()) {
                    choices.put(String.valueOf(parameter.get("name")), String.valueOf(allowed.get(0)));
                }
            }
            operations.add(new Operation(method.toUpperCase(), path, roles, contentType,
                    description == null ? "" : description.toString(), Map.copyOf(choices)));
        }));
        return operations;
    }

    /**
     * Broken object-level authorization, checked over every read of the contract: with path parameters
     * naming real resources outside the caller's subtree, each answers 404 exactly like a missing one.
     *
     * @param values a value for every path parameter name used (e.g. {@code id} → a unit of another township)
     * @return how many operations were checked
     */
    public static int outsideTheSubtreeIsNotFound(String token, Map<String, String> values) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations()) {
            String path = op.withChoices(op.path());
            if (!op.method().equals("GET") || !path.contains("{") || op.roles().isEmpty()) {
                continue; // nothing of anyone's named in the path: a file's form is no object to reach
            }
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            if (path.contains("{")) {
                wrong.add(op.path() + ": no value for a path parameter");
                continue;
            }
            checked++;
            Response r = given().auth().oauth2(token).accept("*/*").get(path);
            if (r.statusCode() != 404 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add("GET " + path + " → " + r.statusCode());
            }
        }
        assertTrue(wrong.isEmpty(), "outside the caller's subtree: " + wrong);
        return checked;
    }

    /**
     * Every secured operation of the contract states its access rule (generated from the service's policy): an
     * operation the policy forgot would be refused to everyone, and its contract would not say so.
     */
    public static void everySecuredOperationStatesItsRule() {
        List<String> silent = operations().stream().filter(op -> !op.roles().isEmpty())
                .filter(op -> !op.description().contains("**Access.** Roles: "))
                .map(op -> op.method() + " " + op.path()).toList();
        assertTrue(operations().stream().anyMatch(op -> !op.roles().isEmpty()), "the contract has secured operations");
        assertTrue(silent.isEmpty(), "secured operations whose contract does not state their access rule: " + silent);
    }

    /** Every secured operation answers 401 problem+json without a token, before looking at anything else. */
    public static void missingTokenIsRefusedEverywhere() {
        List<String> wrong = new ArrayList<>();
        int secured = 0;
        for (Operation op : operations()) {
            if (op.roles().isEmpty()) {
                continue;
            }
            secured++;
            Response r = given().contentType(contentType(op)).body(body(op)).request(op.method(), op.concretePath());
            if (r.statusCode() != 401 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add(op.method() + " " + op.path() + " → " + r.statusCode());
            }
        }
        assertTrue(secured > 0, "the contract has secured operations");
        assertTrue(wrong.isEmpty(), "without a token: " + wrong);
    }

    /** Every secured operation answers 403 to each role it does not list (and to a role nobody has). */
    public static void otherRolesAreRefusedEverywhere(String unitCode) {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.roles().isEmpty()) {
                continue;
            }
            List<String> refused = new ArrayList<>(ROLES.stream().filter(r -> !op.roles().contains(r)).toList());
            refused.add("visitor");
            for (String role : refused) {
                Response r = given().auth().oauth2(Tokens.of(role, unitCode)).contentType(contentType(op)).body(body(op))
                        .request(op.method(), op.concretePath());
                if (r.statusCode() != 403) {
                    wrong.add(op.method() + " " + op.path() + " as " + role + " → " + r.statusCode());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "roles the contract does not list: " + wrong);
    }

    private static final String BOUNDARY = "security-matrix";

    /** The operation's request media type, with the boundary a multipart body needs. */
    private static String contentType(Operation op) {
        return op.contentType().startsWith("multipart/") ? op.contentType() + "; boundary=" + BOUNDARY : op.contentType();
    }

    /** A small well-formed body: an empty JSON object, or an empty multipart form; as bytes, whatever the type. */
    private static byte[] body(Operation op) {
        String text = op.contentType().startsWith("multipart/") ? "--" + BOUNDARY + "--\r\n" : "{}";
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
