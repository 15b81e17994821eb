package org.tuanjie.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class RoutesTest {

    private static final String ID = "75a7b2bf-1fae-4886-aac0-b6b6921de10d";

    @Test
    void pathsGoToTheServiceOwningTheirFirstSegment() {
        assertEquals(new Routes.Target("units", "/units/" + ID, true), Routes.resolve("/api/v1/units/" + ID).orElseThrow());
        assertEquals(new Routes.Target("units", "/units/" + ID, false), Routes.resolve("/api/units/" + ID).orElseThrow());
        assertEquals("/api/v1", Routes.resolve("/api/v1/tasks").orElseThrow().prefix());
        assertTrue(Routes.resolve("/api/v2/tasks").isEmpty());
        assertEquals("tasks", Routes.resolve("/api/ledger.csv").orElseThrow().service());
        assertEquals("agreements", Routes.resolve("/api/seal/public-key").orElseThrow().service());
        assertTrue(Routes.resolve("/api/unitsX").isEmpty());
        assertTrue(Routes.resolve("/q/health").isEmpty());
    }

    @Test
    void everyPathOfEachServicesCommittedContractGoesToThatService() throws Exception {
        for (String service : Routes.SEGMENTS.keySet()) {
            Path contract = Path.of("..", service + "-service", "src", "main", "openapi", "openapi.yaml");
            Map<String, Object> spec = new Yaml().load(Files.readString(contract));
            @SuppressWarnings("unchecked")
            Set<String> paths = ((Map<String, Object>) spec.get("paths")).keySet();
            assertFalse(paths.isEmpty(), contract.toString());
            for (String path : paths) {
                String concrete = path.replaceAll("\\{[^}]+}", ID);
                assertEquals(service, Routes.resolve(Routes.API + Routes.VERSION + concrete).map(Routes.Target::service).orElse(null),
                        path + " of " + contract);
                assertEquals(service, Routes.resolve(Routes.API + concrete).map(Routes.Target::service).orElse(null),
                        path + " of " + contract + ", unversioned");
            }
        }
    }

    @Test
    void aServiceManagementPathsAreNeverATarget() {
        for (String path : List.of("/api/q", "/api/q/metrics", "/api/Q/health", "/api/%71/metrics", "/api/units/q",
                "/api/units/q/metrics", "/api/tasks/%71/health/ready", "/api/agreements/Q/metrics", "/api/seal/%51/x", "/api/v1/q/metrics",
                "/api/v1/units/q/health")) {
            assertTrue(Routes.namesManagement(path), path);
            assertTrue(Routes.resolve(path).isEmpty(), path);
        }
        assertFalse(Routes.namesManagement("/api/units/by-code/q"));
        assertFalse(Routes.namesManagement("/api/units/" + ID + "/q"));
        assertFalse(Routes.namesManagement("/api/units/qq"));
        assertFalse(Routes.namesManagement("/q/metrics"));
        // no service segment is "q": whatever resolves, the path asked downstream never starts with /q
        Routes.SEGMENTS.values().forEach(segments -> assertFalse(segments.contains("q"), segments.toString()));
    }

    @Test
    void templatesReplaceIdsAndCodesOnly() {
        assertEquals("/api/units/{id}", Routes.template("/api/units/" + ID));
        assertEquals("/api/tasks/{id}/extensions/{id}/decision",
                Routes.template("/api/tasks/" + ID + "/extensions/" + ID.toUpperCase() + "/decision"));
        assertEquals("/api/units/by-code/{code}", Routes.template("/api/units/by-code/11513330MB00000020"));
        assertEquals("/api/figures/townships", Routes.template("/api/figures/townships"));
        assertEquals("/api/units/", Routes.template("/api/units/"));
        // almost an id: kept as it is (the service answers 404, which metrics tag as NOT_FOUND)
        assertEquals("/api/units/75a7b2bf-1fae-4886-aac0-b6b6921de10dX",
                Routes.template("/api/units/75a7b2bf-1fae-4886-aac0-b6b6921de10dX"));
        assertEquals("/api/units/75a7b2bf_1fae-4886-aac0-b6b6921de10d",
                Routes.template("/api/units/75a7b2bf_1fae-4886-aac0-b6b6921de10d"));
    }
}
