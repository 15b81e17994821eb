package org.tuanjie.units.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.etag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuanjie.bundle.BundleVerifier;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.history.service.UnitHistoryChain;

/**
 * The units' part of an auditor's evidence bundle: the history chain's segment of a township and a period, which
 * tasks-service joins to its bundles. It verifies offline, shows the township's closings in full and the neighbour's
 * as links only; who may take it, for which unit.
 */
@QuarkusTest
class HistoryBundleTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Hierarchy h;

    @Inject
    UnitHistoryChain history;

    @TempDir
    Path temp;

    /** A village closed in each township, before a checkpoint and after it. */
    @BeforeEach
    void hierarchy() {
        if (h != null) {
            return;
        }
        h = new Hierarchy("57");
        close(h.villageA, "撤村并居");
        history.chain().checkpoint();
        close(h.villageB, "行政区划调整");
    }

    @Test
    void theCountysAuditorTakesATownshipsHistoryChainThatVerifiesOfflineWithOnlyItsOwnEntriesInFull() throws Exception {
        Response part = as("auditor", h.county).accept("application/zip").get(query(h.townshipA));
        part.then().statusCode(200).contentType("application/zip").header("Content-Disposition", startsWith("attachment"));
        Map<String, byte[]> entries = entries(part.asByteArray());
        assertTrue(entries.keySet().containsAll(List.of("README.txt", "history/checkpoints.json", "history/chain.jsonl",
                "public-keys.json", "manifest.json", "manifest.seal.json")), entries.keySet().toString());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(entries.get("history/chain.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        String own = h.id(h.villageA);
        String neighbour = h.id(h.villageB);
        assertTrue(lines.stream().anyMatch(l -> own.equals(l.path("unitId").asText()) && "撤村并居".equals(l.path("reason").asText())),
                "the township's own closing in full");
        assertFalse(lines.stream().anyMatch(l -> neighbour.equals(l.path("unitId").asText())), "the neighbour's not shown");
        assertTrue(lines.stream().anyMatch(l -> l.path("withheld").asBoolean()), "but linked, as position and hashes");
        for (int i = 1; i < lines.size(); i++) {
            assertEquals(lines.get(i - 1).path("hash").asText(), lines.get(i).path("prevHash").asText(), "one chain");
        }
        assertFalse(JSON.readTree(entries.get("history/checkpoints.json")).isEmpty(), "anchored by a checkpoint");

        Path file = temp.resolve("history.zip");
        Files.write(file, part.asByteArray());
        BundleVerifier.Report report = BundleVerifier.verify(file, Optional.empty());
        assertTrue(report.valid(), () -> "verifies offline: " + report.problems());
        assertEquals(lines.size(), report.chainEntriesChecked());
    }

    @Test
    void onlyAuditorsAndTheOfficeTakeItForUnitsInTheirReach() {
        for (String[] who : List.of(new String[] {"unit-liaison", h.villageA}, new String[] {"unit-leader", h.townshipA},
                new String[] {"inspector", h.county}, new String[] {"integration", h.county})) {
            as(who[0], who[1]).get(query(h.townshipA)).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        given().get(query(h.townshipA)).then().statusCode(401);
        // a township's admin and auditor take their own township's, not the neighbour's nor the county's
        as("admin", h.townshipA).accept("application/zip").get(query(h.townshipA)).then().statusCode(200);
        as("auditor", h.townshipA).accept("application/zip").get(query(h.villageA)).then().statusCode(200);
        as("auditor", h.townshipA).get(query(h.townshipB)).then().statusCode(404);
        as("admin", h.townshipA).get(query(h.county)).then().statusCode(404);
        as("auditor", new Hierarchy("58").county).get(query(h.townshipA)).then().statusCode(404);
    }

    @Test
    void aReversedOrTooLongPeriodIsRefusedWithItsField() {
        as("auditor", h.county).get("/history/bundle.zip?unitId=" + h.id(h.townshipA) + "&from=" + TODAY + "&to="
                + TODAY.minusDays(1)).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("to"));
        as("auditor", h.county).get("/history/bundle.zip?unitId=" + h.id(h.townshipA) + "&from=2000-01-01&to=" + TODAY)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        as("auditor", h.county).get("/history/bundle.zip?from=" + TODAY + "&to=" + TODAY).then().statusCode(400);
    }

    private static String query(String unitCode) {
        return "/history/bundle.zip?unitId=" + h.id(unitCode) + "&from=" + TODAY.minusDays(30) + "&to=" + TODAY;
    }

    private static void close(String code, String reason) {
        String id = h.id(code);
        admin(h.county).header("If-Match", etag("admin", h.county, "/units/" + id))
                .body(Map.of("endDate", TODAY.toString(), "reason", reason)).post("/units/" + id + "/close")
                .then().statusCode(200);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws java.io.IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
