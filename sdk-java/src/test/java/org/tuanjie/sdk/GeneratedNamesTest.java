package org.tuanjie.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The generator kept the contract's names: each schema is a model class of that very name (not
 * {@code ModelOffsetDateTime}, not {@code Kind1}), each operation a public method named by its operationId.
 * A generator that had to rename something would show here.
 */
class GeneratedNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"units", "tasks", "agreements"})
    @SuppressWarnings("unchecked")
    void everySchemaAndOperationKeepsItsNameInTheClient(String service) throws Exception {
        Map<String, Object> contract = new Yaml().load(Files.readString(
                Path.of("..", service + "-service", "src", "main", "openapi", "openapi.yaml")));
        List<String> missing = new ArrayList<>();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) contract.get("components")).get("schemas");
        for (String schema : schemas.keySet()) {
            try {
                Class.forName("org.tuanjie.sdk." + service + ".model." + schema);
            } catch (ClassNotFoundException e) {
                missing.add("model " + schema);
            }
        }
        Set<String> methods = apiMethods(service);
        int operations = 0;
        for (Object item : ((Map<String, Object>) contract.get("paths")).values()) {
            for (Object operation : ((Map<String, Object>) item).values()) {
                if (operation instanceof Map<?, ?> op && op.get("operationId") instanceof String id) {
                    operations++;
                    if (!methods.contains(id)) {
                        missing.add("operation " + id);
                    }
                }
            }
        }
        assertTrue(operations > 20, service + " has " + operations + " operations");
        assertEquals(List.of(), missing);
    }

    private static Set<String> apiMethods(String service) throws IOException, ClassNotFoundException {
        Set<String> names = new HashSet<>();
        Path api = Path.of("target", "classes", "org", "tuanjie", "sdk", service, "api");
        try (Stream<Path> files = Files.list(api)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Api.class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                for (Method method : Class.forName("org.tuanjie.sdk." + service + ".api." + name).getDeclaredMethods()) {
                    if (Modifier.isPublic(method.getModifiers())) {
                        names.add(method.getName());
                    }
                }
            }
        }
        return names;
    }
}
