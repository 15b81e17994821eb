package org.tuanjie.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the fields deploy/k8s uses and no others (a field
 * it does not know fails the build, so the overlays cannot drift into what this does not render): resources (files
 * and directories), namespace, images (newName, newTag) and JSON 6902 patches on targets by kind and name (a regular
 * expression). The build has no kustomize binary; the output was compared with kubectl's once (see README).
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path dir) throws IOException {
        Map<String, Object> kustomization = DeployFilesTest.documents(dir.resolve("kustomization.yaml")).get(0);
        for (String field : kustomization.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalStateException(dir + ": kustomization field " + field + " is not rendered here");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : DeployFilesTest.<List<String>>at(kustomization, "resources")) {
            Path path = dir.resolve(resource).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : DeployFilesTest.documents(path));
        }
        List<Map<String, Object>> patches = kustomization.containsKey("patches") ? DeployFilesTest.at(kustomization, "patches") : List.of();
        for (Map<String, Object> patch : patches) {
            applyPatch(dir, objects, patch);
        }
        if (kustomization.containsKey("namespace")) {
            String namespace = (String) kustomization.get("namespace");
            for (Map<String, Object> object : objects) {
                if (!"Namespace".equals(object.get("kind"))) {
                    DeployFilesTest.<Map<String, Object>>at(object, "metadata").put("namespace", namespace);
                }
            }
        }
        List<Map<String, Object>> images = kustomization.containsKey("images") ? DeployFilesTest.at(kustomization, "images") : List.of();
        for (Map<String, Object> image : images) {
            objects.forEach(object -> containers(object).forEach(container -> retag(container, image)));
        }
        return objects;
    }

    private static void applyPatch(Path dir, List<Map<String, Object>> objects, Map<String, Object> patch) {
        Map<String, Object> target = DeployFilesTest.at(patch, "target");
        Predicate<Map<String, Object>> selected = object -> target.entrySet().stream().allMatch(criterion -> switch (criterion.getKey()) {
            case "kind" -> criterion.getValue().equals(object.get("kind"));
            case "name" -> ((String) DeployFilesTest.at(object, "metadata", "name")).matches((String) criterion.getValue());
            default -> throw new IllegalStateException(dir + ": patch target field " + criterion.getKey() + " is not rendered here");
        });
        List<Map<String, Object>> operations = new Yaml().load((String) patch.get("patch"));
        List<Map<String, Object>> targets = objects.stream().filter(selected).toList();
        if (targets.isEmpty()) {
            throw new IllegalStateException(dir + ": patch target " + target + " selects nothing");
        }
        for (Map<String, Object> object : targets) {
            operations.forEach(operation -> JsonPatch.apply(object, operation));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> object) {
        Object spec = object.get("spec");
        Object template = spec instanceof Map<?, ?> s ? s.get("template") : null;
        Object podSpec = template instanceof Map<?, ?> t ? t.get("spec") : null;
        List<Map<String, Object>> containers = new ArrayList<>();
        if (podSpec instanceof Map<?, ?> pod) {
            for (String field : List.of("initContainers", "containers")) {
                if (pod.get(field) instanceof List<?> list) {
                    list.forEach(c -> containers.add((Map<String, Object>) c));
                }
            }
        }
        return containers;
    }

    private static void retag(Map<String, Object> container, Map<String, Object> image) {
        String current = (String) container.get("image");
        int colon = current.lastIndexOf(':');
        String name = colon < 0 ? current : current.substring(0, colon);
        if (name.equals(image.get("name"))) {
            String tag = image.containsKey("newTag") ? (String) image.get("newTag") : colon < 0 ? null : current.substring(colon + 1);
            String newName = image.containsKey("newName") ? (String) image.get("newName") : name;
            container.put("image", tag == null ? newName : newName + ":" + tag);
        }
    }

    /** RFC 6902 add, replace and remove on YAML trees (the operations the overlays use). */
    static final class JsonPatch {

        private JsonPatch() {
        }

        @SuppressWarnings("unchecked")
        static void apply(Map<String, Object> object, Map<String, Object> operation) {
            String op = (String) operation.get("op");
            List<String> steps = new ArrayList<>();
            for (String step : ((String) operation.get("path")).substring(1).split("/", -1)) {
                steps.add(step.replace("~1", "/").replace("~0", "~"));
            }
            Object parent = object;
            for (String step : steps.subList(0, steps.size() - 1)) {
                parent = parent instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) parent).get(step);
                if (parent == null) {
                    throw new IllegalStateException("patch path " + operation.get("path") + ": no " + step);
                }
            }
            String last = steps.get(steps.size() - 1);
            Object value = operation.get("value");
            if (parent instanceof List<?> raw) {
                List<Object> list = (List<Object>) raw;
                int index = last.equals("-") ? list.size() : Integer.parseInt(last);
                switch (op) {
                    case "add" -> list.add(index, value);
                    case "replace" -> list.set(index, value);
                    case "remove" -> list.remove(index);
                    default -> throw new IllegalStateException("patch op " + op + " is not rendered here");
                }
                return;
            }
            Map<String, Object> map = (Map<String, Object>) parent;
            if (!op.equals("add") && !map.containsKey(last)) {
                throw new IllegalStateException("patch path " + operation.get("path") + " does not exist");
            }
            switch (op) {
                case "add", "replace" -> map.put(last, value);
                case "remove" -> map.remove(last);
                default -> throw new IllegalStateException("patch op " + op + " is not rendered here");
            }
        }
    }

    /** A copy to compare with: objects keyed by kind/name. */
    static Map<String, Map<String, Object>> byKindAndName(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> keyed = new LinkedHashMap<>();
        objects.forEach(o -> keyed.put(o.get("kind") + "/" + DeployFilesTest.at(o, "metadata", "name"), o));
        return keyed;
    }
}
