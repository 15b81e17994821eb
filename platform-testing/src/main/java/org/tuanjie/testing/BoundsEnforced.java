package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yaml.snakeyaml.Yaml;

/**
 * The bounds the contract states are the ones the service enforces: each operation's example body, valid as it is,
 * is sent with one field just past its bound (a string one character longer than {@code maxLength}, an array one
 * item longer than {@code maxItems}, an integer one above {@code maximum}), and the answer must be a 400 naming
 * that field. An operation whose path names a resource the test does not have (a 404 before the body is read)
 * is skipped; the ones without such a path (the creations) are always checked.
 */
public final class BoundsEnforced {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private BoundsEnforced() {
    }

    /** @return how many bounds were checked */
    @SuppressWarnings("unchecked")
    public static int check(String unitCode) {
        Map<String, Object> spec;
        try {
            spec = untypedYaml().load(Files.readString(OpenApiContract.COMMITTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.getOrDefault("components", Map.of()))
                .getOrDefault("schemas", Map.of());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var path : ((Map<String, Map<String, Object>>) spec.get("paths")).entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!Set.of("post", "put", "patch").contains(method.getKey())) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) method.getValue();
                Map<String, Object> media = jsonMedia(op);
                if (media == null || !(media.get("example") instanceof Map<?, ?> example)) {
                    continue;
                }
                Map<String, Object> schema = resolve((Map<String, Object>) media.get("schema"), schemas);
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                String token = Tokens.of(RandomBodies.firstRole(op), unitCode);
                String target = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (var property : properties.entrySet()) {
                    Object past = pastBound(resolve((Map<String, Object>) property.getValue(), schemas),
                            ((Map<String, Object>) example).get(property.getKey()));
                    if (past == null) {
                        continue;
                    }
                    Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) example);
                    body.put(property.getKey(), past);
                    Response r = given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"")
                            .header("Idempotency-Key", UUID.randomUUID().toString()).body(write(body))
                            .request(method.getKey().toUpperCase(), target);
                    String where = method.getKey().toUpperCase() + " " + path.getKey() + " " + property.getKey();
                    if (r.statusCode() == 404 && path.getKey().contains("{")) {
                        continue;
                    }
                    checked++;
                    List<String> fields = r.statusCode() == 400 ? r.jsonPath().getList("errors.field", String.class) : List.of();
                    if (fields == null || fields.stream().noneMatch(f -> f != null && f.contains(property.getKey()))) {
                        wrong.add(where + ": past its bound, answered " + r.statusCode() + " " + fields);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "bounds stated in the contract but not enforced");
        assertTrue(checked > 0, "no bound checked: the contract's request bodies have no examples");
        return checked;
    }

    /** A YAML reader that keeps {@code 2026-05-12} a string, as JSON has it, rather than making it a Date. */
    private static Yaml untypedYaml() {
        org.yaml.snakeyaml.resolver.Resolver noTimestamps = new org.yaml.snakeyaml.resolver.Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
            }
        };
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        org.yaml.snakeyaml.DumperOptions dumper = new org.yaml.snakeyaml.DumperOptions();
        return new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options),
                new org.yaml.snakeyaml.representer.Representer(dumper), dumper, options, noTimestamps);
    }

    @SuppressWarnings("unchecked")
    private static Object pastBound(Map<String, Object> schema, Object value) {
        if (schema.get("enum") != null || value == null) {
            return null;
        }
        if (schema.get("maxLength") instanceof Number max && value instanceof String) {
            return "x".repeat(max.intValue() + 1);
        }
        if (schema.get("maxItems") instanceof Number max && value instanceof List<?> list && !list.isEmpty()) {
            List<Object> longer = new ArrayList<>();
            for (int i = 0; i <= max.intValue(); i++) {
                longer.add(list.get(i % list.size()));
            }
            return longer;
        }
        if (schema.get("maximum") instanceof Number max && value instanceof Number) {
            BigDecimal bound = new BigDecimal(max.toString());
            if (bound.compareTo(INT_MAX) != 0 && bound.compareTo(LONG_MAX) != 0) {
                return bound.add(BigDecimal.ONE);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return Map.of();
        }
        if (schema.get("$ref") instanceof String ref) {
            return resolve((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas);
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonMedia(Map<String, Object> op) {
        if (!(op.get("requestBody") instanceof Map<?, ?> body) || !(body.get("content") instanceof Map<?, ?> content)) {
            return null;
        }
        Object media = content.get("application/json");
        return media instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
