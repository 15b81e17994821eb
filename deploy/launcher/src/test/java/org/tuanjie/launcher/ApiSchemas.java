package org.tuanjie.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a manifest against the API schema of its kind, as the API server would with strict field validation:
 * the Kubernetes definitions of a pinned release and the CRDs' OpenAPI schemas (deploy/k8s/schemas, written by
 * extract.py from the upstream files). An unknown field is an error, as are a wrong type, a missing required
 * field, a value outside an enum, a pattern or a bound. CEL rules (x-kubernetes-validations) are not evaluated.
 */
final class ApiSchemas {

    private static final String REF = "#/definitions/";
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final JsonNode META = new ObjectMapper().createObjectNode()
            .put("$ref", REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");

    private final JsonNode definitions;
    private final Map<String, JsonNode> byKind = new HashMap<>();
    private final Map<String, Boolean> namespaced = new HashMap<>();

    ApiSchemas(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        definitions = json.readTree(dir.resolve("kubernetes.json").toFile()).path("definitions");
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> definition = it.next();
            for (JsonNode gvk : definition.getValue().path("x-kubernetes-group-version-kind")) {
                String key = apiVersion(gvk.path("group").asText(), gvk.path("version").asText()) + " " + gvk.path("kind").asText();
                byKind.put(key, json.createObjectNode().put("$ref", REF + definition.getKey()));
            }
        }
        for (JsonNode crd : json.readTree(dir.resolve("crds.json").toFile())) {
            String key = apiVersion(crd.path("group").asText(), crd.path("version").asText()) + " " + crd.path("kind").asText();
            byKind.put(key, crd.path("schema"));
            namespaced.put(key, crd.path("namespaced").asBoolean());
        }
    }

    private static String apiVersion(String group, String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Every way the document departs from its kind's schema, each with its path; empty when it conforms. */
    List<String> validate(Map<String, Object> document) {
        List<String> errors = new ArrayList<>();
        JsonNode schema = byKind.get(document.get("apiVersion") + " " + document.get("kind"));
        if (schema == null) {
            errors.add("no schema for apiVersion " + document.get("apiVersion") + ", kind " + document.get("kind"));
            return errors;
        }
        if (namespaced.containsKey(document.get("apiVersion") + " " + document.get("kind"))) {
            // a custom resource: the API server takes apiVersion, kind and metadata (ObjectMeta) whatever its schema says
            check(document, schema, "", errors);
            errors.removeAll(List.of(".apiVersion: unknown field", ".kind: unknown field", ".metadata: unknown field"));
            check(document.get("metadata"), META, ".metadata", errors);
        } else {
            check(document, schema, "", errors);
        }
        return errors;
    }

    private void check(Object value, JsonNode schema, String path, List<String> errors) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring(REF.length());
            if (name.equals(QUANTITY)) {
                if (!(value instanceof String || value instanceof Number)) {
                    errors.add(path + ": a quantity (string or number), not " + describe(value));
                }
                return;
            }
            check(value, definitions.path(name), path, errors);
            return;
        }
        if (value == null) {
            if (!schema.path("nullable").asBoolean()) {
                errors.add(path + ": null");
            }
            return;
        }
        if (!typeMatches(value, schema)) {
            errors.add(path + ": expected " + expected(schema) + ", found " + describe(value));
            return;
        }
        for (JsonNode option : schema.path("allOf")) {
            check(value, option, path, errors);
        }
        if (schema.has("anyOf") && matching(value, schema.path("anyOf"), path) == 0) {
            errors.add(path + ": matches none of anyOf");
        }
        if (schema.has("oneOf") && matching(value, schema.path("oneOf"), path) != 1) {
            errors.add(path + ": must match exactly one of oneOf");
        }
        if (schema.has("not") && conforms(value, schema.path("not"), path)) {
            errors.add(path + ": matches what `not` excludes");
        }
        if (schema.has("enum") && !inEnum(value, schema.path("enum"))) {
            errors.add(path + ": " + value + " is not one of " + schema.path("enum"));
        }
        if (value instanceof Map<?, ?> map) {
            checkObject(map, schema, path, errors);
        } else if (value instanceof List<?> list) {
            checkArray(list, schema, path, errors);
        } else if (value instanceof String text) {
            checkString(text, schema, path, errors);
        } else if (value instanceof Number number) {
            checkNumber(number, schema, path, errors);
        }
    }

    private int matching(Object value, JsonNode options, String path) {
        int matches = 0;
        for (JsonNode option : options) {
            if (conforms(value, option, path)) {
                matches++;
            }
        }
        return matches;
    }

    private boolean conforms(Object value, JsonNode schema, String path) {
        List<String> errors = new ArrayList<>();
        check(value, schema, path, errors);
        return errors.isEmpty();
    }

    private void checkObject(Map<?, ?> map, JsonNode schema, String path, List<String> errors) {
        for (JsonNode required : schema.path("required")) {
            if (!map.containsKey(required.asText())) {
                errors.add(path + ": missing required field " + required.asText());
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                || properties.isMissingNode() && additional.isMissingNode();
        if (schema.has("maxProperties") && map.size() > schema.path("maxProperties").asInt()) {
            errors.add(path + ": more than " + schema.path("maxProperties") + " fields");
        }
        for (Map.Entry<?, ?> field : map.entrySet()) {
            String name = String.valueOf(field.getKey());
            String at = path + "." + name;
            if (properties.has(name)) {
                check(field.getValue(), properties.path(name), at, errors);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, at, errors);
            } else if (!open && !additional.asBoolean(false)) {
                errors.add(at + ": unknown field");
            }
        }
    }

    private void checkArray(List<?> list, JsonNode schema, String path, List<String> errors) {
        if (schema.has("minItems") && list.size() < schema.path("minItems").asInt()) {
            errors.add(path + ": fewer than " + schema.path("minItems") + " items");
        }
        if (schema.has("maxItems") && list.size() > schema.path("maxItems").asInt()) {
            errors.add(path + ": more than " + schema.path("maxItems") + " items");
        }
        if (schema.has("items")) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), schema.path("items"), path + "[" + i + "]", errors);
            }
        }
    }

    private static void checkString(String text, JsonNode schema, String path, List<String> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
            errors.add(path + ": shorter than " + schema.path("minLength"));
        }
        if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
            errors.add(path + ": longer than " + schema.path("maxLength"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asText()).matcher(text).find()) {
            errors.add(path + ": \"" + text + "\" does not match " + schema.path("pattern").asText());
        }
    }

    private static void checkNumber(Number number, JsonNode schema, String path, List<String> errors) {
        BigDecimal n = new BigDecimal(number.toString());
        if (schema.has("minimum") && n.compareTo(schema.path("minimum").decimalValue()) < 0) {
            errors.add(path + ": below " + schema.path("minimum"));
        }
        if (schema.has("maximum") && n.compareTo(schema.path("maximum").decimalValue()) > 0) {
            errors.add(path + ": above " + schema.path("maximum"));
        }
    }

    private static boolean typeMatches(Object value, JsonNode schema) {
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean()
                || "int-or-string".equals(schema.path("format").asText());
        if (intOrString) {
            return value instanceof String || value instanceof Integer || value instanceof Long;
        }
        return switch (schema.path("type").asText("")) {
            case "" -> true;
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            default -> false;
        };
    }

    private static String expected(JsonNode schema) {
        return schema.path("x-kubernetes-int-or-string").asBoolean() ? "integer or string" : schema.path("type").asText();
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static boolean inEnum(Object value, JsonNode options) {
        for (JsonNode option : options) {
            if (option.isTextual() && option.asText().equals(value) || option.isNumber() && value instanceof Number n
                    && option.decimalValue().compareTo(new BigDecimal(n.toString())) == 0
                    || option.isBoolean() && Boolean.valueOf(option.asBoolean()).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether objects of this kind live in a namespace (Namespace and CRDs declared cluster-wide do not). */
    boolean namespaced(Map<String, Object> document) {
        String key = document.get("apiVersion") + " " + document.get("kind");
        return namespaced.getOrDefault(key, !"Namespace".equals(document.get("kind")));
    }
}
