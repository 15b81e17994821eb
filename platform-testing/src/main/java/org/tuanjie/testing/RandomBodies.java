package org.tuanjie.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.yaml.snakeyaml.Yaml;

/**
 * Property-based abuse of every operation that takes a JSON body: bodies generated from the committed
 * schema (the right field names with values of any type, size and script, missing and extra fields)
 * and plain random JSON or broken text. Whatever arrives, the answer is never a 5xx, and a refusal
 * is a problem document. Responses are also checked against the contract by {@link ResponseContract}.
 *
 * <p>Generation is our own, from one seeded {@link Random} printed on failure; rerun one with
 * {@code -Drandom-bodies.seed=N}. (jqwik, used before, carries a usage clause we do not accept from 1.10 on.)
 */
public final class RandomBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MASS_ASSIGNED = List.of("unitCode", "state", "createdBy", "id", "version", "path",
            "__proto__");
    private static final List<String> NASTY = List.of("", " ", "null", "2026-02-30", "9999-12-31", "-1", "1e309", "\u0000",
            "'; drop table unit; --", "<script>alert(1)</script>", "../../etc/passwd", "\uD800");

    private final Map<String, Map<String, Object>> schemas;
    private final Random random;

    private RandomBodies(Map<String, Map<String, Object>> schemas, long seed) {
        this.schemas = schemas;
        this.random = new Random(seed);
    }

    /**
     * Sends {@code perOperation} random bodies to every JSON-body operation, as a caller holding the
     * first role the operation admits, in unit {@code unitCode}.
     */
    @SuppressWarnings("unchecked")
    public static void neverAServerError(String unitCode, int perOperation) {
        long seed = Long.getLong("random-bodies.seed", System.nanoTime());
        Map<String, Object> spec;
        try {
            spec = new Yaml().load(Files.readString(OpenApiContract.COMMITTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> components = (Map<String, Object>) spec.getOrDefault("components", Map.of());
        RandomBodies bodies = new RandomBodies((Map<String, Map<String, Object>>) components.getOrDefault("schemas", Map.of()), seed);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!Set.of("post", "put", "patch").contains(method.getKey())) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) method.getValue();
                Map<String, Object> schema = bodies.jsonBodySchema(op);
                if (schema == null) {
                    continue;
                }
                String token = Tokens.of(firstRole(op), unitCode);
                for (int i = 0; i < perOperation; i++) {
                    String body = bodies.body(schema);
                    String target = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    Response r;
                    try {
                        r = given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"")
                                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                                .request(method.getKey().toUpperCase(), target);
                    } catch (RuntimeException e) { // the response broke the contract (ResponseContract)
                        wrong.add(method.getKey().toUpperCase() + " " + path.getKey() + ": " + abbreviate(String.valueOf(e.getMessage()))
                                + " for " + abbreviate(body));
                        continue;
                    } finally {
                        sent++;
                    }
                    boolean problem = String.valueOf(r.contentType()).startsWith("application/problem+json");
                    if (r.statusCode() >= 500 || r.statusCode() >= 400 && !problem) {
                        wrong.add(method.getKey().toUpperCase() + " " + path.getKey() + " → " + r.statusCode() + " for "
                                + abbreviate(body));
                    }
                }
            }
        }
        assertTrue(sent > 0, "the contract has operations with JSON bodies");
        assertTrue(wrong.isEmpty(), "random bodies (seed " + seed + ", -Drandom-bodies.seed=" + seed + " repeats them): "
                + wrong);
    }

    @SuppressWarnings("unchecked")
    static String firstRole(Map<String, Object> op) {
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.get("security");
        if (security != null) {
            for (Map<String, List<String>> requirement : security) {
                for (List<String> roles : requirement.values()) {
                    if (!roles.isEmpty()) {
                        return roles.get(0);
                    }
                }
            }
        }
        return "admin";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonBodySchema(Map<String, Object> op) {
        Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
        if (body == null || !(body.get("content") instanceof Map<?, ?> content)) {
            return null;
        }
        Object json = content.get("application/json");
        if (!(json instanceof Map<?, ?> media)) {
            return null;
        }
        Object schema = media.get("schema");
        return schema instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
    }

    /** One body: mostly shaped by the schema, sometimes any JSON, sometimes not JSON at all. */
    String body(Map<String, Object> schema) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            String text = write(shaped(schema, 0));
            return text.substring(0, random.nextInt(Math.max(1, text.length()))); // cut short
        }
        String text = write(kind == 1 ? anyJson(0) : shaped(schema, 0));
        return text.length() > 1_000_000 ? write(anyJson(0)) : text; // oversized bodies have their own test
    }

    @SuppressWarnings("unchecked")
    private Object shaped(Map<String, Object> schema, int depth) {
        if (schema.get("$ref") instanceof String ref) {
            Map<String, Object> target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            return target == null || depth > 4 ? anyJson(depth) : shaped(target, depth + 1);
        }
        if (random.nextInt(8) == 0) {
            return anyJson(depth); // the wrong type
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return random.nextInt(4) == 0 ? text() : values.get(random.nextInt(values.size()));
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.isEmpty() ? null : types.get(random.nextInt(types.size()));
        }
        if ("object".equals(type) || schema.containsKey("properties")) {
            Map<String, Object> object = new LinkedHashMap<>();
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (var property : properties.entrySet()) {
                if (random.nextInt(6) != 0) { // sometimes missing
                    object.put(property.getKey(), property.getValue() instanceof Map<?, ?> p
                            ? shaped((Map<String, Object>) p, depth + 1) : anyJson(depth + 1));
                }
            }
            if (random.nextInt(5) == 0) {
                object.put(MASS_ASSIGNED.get(random.nextInt(MASS_ASSIGNED.size())),
                        anyJson(depth + 1));
            }
            return object;
        }
        if ("array".equals(type)) {
            List<Object> array = new ArrayList<>();
            Map<String, Object> items = schema.get("items") instanceof Map<?, ?> i ? (Map<String, Object>) i : Map.of();
            int size = depth < 2 && random.nextInt(20) == 0 ? 500 : random.nextInt(4);
            for (int i = 0; i < size; i++) {
                array.add(shaped(items, depth + 1));
            }
            return array;
        }
        if ("integer".equals(type)) {
            return anyLong();
        }
        if ("number".equals(type)) {
            return random.nextBoolean() ? anyDouble() : new java.math.BigDecimal(new java.math.BigInteger(200, random),
                    random.nextInt(60) - 30);
        }
        if ("boolean".equals(type)) {
            return random.nextBoolean();
        }
        if ("string".equals(type)) {
            return "uuid".equals(schema.get("format")) && random.nextBoolean() ? UUID.randomUUID().toString() : text();
        }
        return anyJson(depth);
    }

    private Object anyJson(int depth) {
        int kind = random.nextInt(depth > 2 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> anyLong();
            case 3 -> anyDouble();
            case 4 -> text();
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(anyJson(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(text(), anyJson(depth + 1));
                }
                yield map;
            }
        };
    }

    /** Any code point (controls and lone surrogates included), Chinese, digits, a long Latin run, or a known nasty. */
    private String text() {
        return switch (random.nextInt(5)) {
            case 0 -> codePoints(random.nextInt(41), 0, Character.MAX_CODE_POINT);
            case 1 -> codePoints(1 + random.nextInt(300), '一', '龥');
            case 2 -> codePoints(1 + random.nextInt(20), '0', '9');
            case 3 -> codePoints(2000, 'a', 'z');
            default -> NASTY.get(random.nextInt(NASTY.size()));
        };
    }

    private String codePoints(int length, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(from + random.nextInt(to - from + 1));
        }
        return text.toString();
    }

    /** Mostly small numbers, sometimes the edges of the type. */
    private long anyLong() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            case 1 -> random.nextLong();
            default -> random.nextInt(201) - 100;
        };
    }

    private double anyDouble() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MIN_VALUE;
            case 1 -> random.nextGaussian() * 1e12;
            default -> random.nextDouble() * 200 - 100;
        };
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
    }
}
