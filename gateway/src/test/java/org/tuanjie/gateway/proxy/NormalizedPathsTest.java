package org.tuanjie.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizedPathsTest {

    @Test
    void acceptsThePathsTheApiHas() {
        for (String path : List.of("/api/units", "/api/units/", "/api/units/75a7b2bf-1fae-4886-aac0-b6b6921de10d/subtree/counts",
                "/api/units/by-code/513330000000", "/api/ledger.csv", "/api/units/a.b", "/api/units/...",
                "/api/units/%E5%BE%B7", "/api/units/100%25", "/q/swagger-ui/index.html", "/")) {
            assertTrue(NormalizedPaths.isNormalized(path), path);
        }
    }

    @Test
    void refusesDotSegmentsEncodedSlashesBackslashesAndDoubleSlashes() {
        for (String path : List.of("/api/units/../q/metrics", "/api/units/./x", "/api/units/..", "/api/units/.",
                "/api/units/%2e%2e/q", "/api/units/%2E%2E/q", "/api/units/.%2e/q", "/api/units/%2E./q", "/api/units/%2e/x",
                "/api/units/..%2fq", "/api/units/x%2Fy", "/api/units/..%5cq", "/api/units/x%5Cy", "/api/units/..\\q",
                "/api/units\\x", "/api/units//x", "//api/units", "/api//units", "/api/units/..;/q", "/api/units/.;x/q",
                "/api/units/%2e%2e;x/q", "/api/units/%252e%252e/q", "/api/units/%252f", "/api/units/%25252e%25252e/q",
                "/api/units/%zz", "/api/units/%2", "api/units", "")) {
            assertFalse(NormalizedPaths.isNormalized(path), path);
        }
        assertFalse(NormalizedPaths.isNormalized(null));
    }
}
