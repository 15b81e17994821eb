package org.tuanjie.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The services' contracts as one document, with nothing lost: a client generated from it must see each
 * service's own types and operations. A schema two services define differently under one name (both had a
 * {@code Status}) is qualified with each service's name ({@code UnitsStatus}, {@code AgreementsStatus}) and
 * every reference to it follows; a schema they define alike (Problem, FieldError) is kept once. An operation
 * id two services both use is qualified the same way ({@code tasksRunUnitFeed}). The services name things uniquely across the suite,
 * so this is a guard, not the rule.
 */
final class ContractMerge {

    private static final String SCHEMAS = "#/components/schemas/";

    private ContractMerge() {
    }

    /** @param documents per service name, in the order their paths should appear; each is changed in place */
    static ObjectNode merge(Map<String, ObjectNode> documents, ObjectNode into) {
        Set<String> clashingSchemas = clashing(documents, doc -> doc.path("components").path("schemas"));
        Set<String> clashingOperations = clashingOperationIds(documents);
        ObjectNode paths = into.putObject("paths");
        ObjectNode schemas = into.with("components").putObject("schemas");
        ArrayNode tags = into.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        documents.forEach((service, doc) -> {
            Map<String, String> renamed = new HashMap<>();
            clashingSchemas.forEach(name -> renamed.put(name, qualified(service, name)));
            rewriteReferences(doc, renamed);
            doc.path("paths").fields().forEachRemaining(path -> {
                path.getValue().forEach(operation -> {
                    if (operation instanceof ObjectNode op && clashingOperations.contains(op.path("operationId").asText())) {
                        String id = op.get("operationId").asText();
                        op.put("operationId", service + id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1));
                    }
                });
                paths.set(path.getKey(), path.getValue());
            });
            doc.path("components").path("schemas").fields().forEachRemaining(schema -> {
                String name = renamed.getOrDefault(schema.getKey(), schema.getKey());
                schemas.set(name, schema.getValue());
            });
            doc.path("tags").forEach(tag -> {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
        });
        return into;
    }

    /** Names defined by more than one document, not all alike. */
    private static Set<String> clashing(Map<String, ObjectNode> documents, Function<ObjectNode, JsonNode> section) {
        Map<String, JsonNode> first = new LinkedHashMap<>();
        Set<String> clashing = new HashSet<>();
        documents.values().forEach(doc -> section.apply(doc).fields().forEachRemaining(entry -> {
            JsonNode seen = first.putIfAbsent(entry.getKey(), entry.getValue());
            if (seen != null && !seen.equals(entry.getValue())) {
                clashing.add(entry.getKey());
            }
        }));
        return clashing;
    }

    private static Set<String> clashingOperationIds(Map<String, ObjectNode> documents) {
        Map<String, String> owner = new HashMap<>();
        Set<String> clashing = new HashSet<>();
        documents.forEach((service, doc) -> doc.path("paths").forEach(item -> item.forEach(operation -> {
            String id = operation.path("operationId").asText("");
            if (!id.isEmpty()) {
                String previous = owner.putIfAbsent(id, service);
                if (previous != null && !previous.equals(service)) {
                    clashing.add(id);
                }
            }
        })));
        return clashing;
    }

    /** units + Status → UnitsStatus */
    static String qualified(String service, String name) {
        return service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1)
                + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String name = ref.asText().substring(SCHEMAS.length());
                if (renamed.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMAS + renamed.get(name)));
                }
            }
            object.forEach(child -> rewriteReferences(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteReferences(child, renamed));
        }
    }
}
