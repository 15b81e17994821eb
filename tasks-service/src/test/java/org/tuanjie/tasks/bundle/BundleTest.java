package org.tuanjie.tasks.bundle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuanjie.bundle.BundleVerifier;
import org.tuanjie.tasks.FakeAgreementsService;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.FakeUnitsService;
import org.tuanjie.testing.Multipart;
import org.tuanjie.testing.TestFiles;
import org.tuanjie.testing.Tokens;

/**
 * What an auditor takes away: a township's tasks over a period in one ZIP, built in the background, downloaded
 * through HTTP and checked with the offline verifier auditors run; who may ask for one, for which unit.
 */
@QuarkusTest
class BundleTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static FakeCounty c;
    private static String township;
    private static String village;
    private static String verifiedTask;
    private static String openElsewhere;
    private static String photoId;
    private static byte[] photo;

    @TempDir
    Path temp;

    /** One county for the class, with a township's task verified on the evidence of a photo. */
    @BeforeEach
    void county() {
        if (c != null) {
            return;
        }
        c = new FakeCounty("513281");
        township = c.townships.get(0);
        village = c.villages.get(0);
        String inspectionId = inspection(c.county, List.of(c.id(village), c.id(c.villages.get(1))));
        verifiedTask = task(c.county, finding(c.county, inspectionId, c.id(village), "PUBLICITY"), TODAY.plusDays(10));
        openElsewhere = task(c.county, finding(c.county, inspectionId, c.id(c.villages.get(1)), "PUBLICITY"), TODAY.plusDays(10));
        photo = TestFiles.jpeg(640, 480, LocalDateTime.now(ZoneId.of("Asia/Shanghai")), null, null);
        photoId = given().auth().oauth2(Tokens.of("liaison-bundle", "unit-liaison", village))
                .contentType(Multipart.CONTENT_TYPE).body(Multipart.file("宣传栏.jpg", photo, "image/jpeg"))
                .post("/evidence").then().statusCode(201).extract().path("id");
        act("liaison-bundle", "unit-liaison", village, verifiedTask, "start", null, 200);
        act("liaison-bundle", "unit-liaison", village, verifiedTask, "submit",
                Map.of("completionReport", "已设置宣传栏", "evidence", List.of(photoId)), 200);
        act("inspector", c.county, verifiedTask, "verify", null, 200);
    }

    @Test
    void theCountysAuditorTakesAwayATownshipsBundleThatVerifiesOfflineAndReportsAChangedByteByName() throws Exception {
        String auditor = Tokens.of("auditor", c.county);
        Response asked = given().auth().oauth2(auditor).contentType("application/json")
                .body(Map.of("unitId", c.id(township), "from", TODAY.minusDays(30).toString(), "to", TODAY.toString()))
                .post("/bundles");
        asked.then().statusCode(202).body("state", equalTo("BUILDING")).body("unit.code", equalTo(township));
        String location = asked.header("Location");
        String status = location.substring(location.indexOf("/bundles/"));
        JsonPath ready = awaitReady("auditor", c.county, status);
        assertEquals(1, ready.getInt("tasks"), "only the township's task, not the other township's");

        Response download = as("auditor", c.county).get(status + "/content");
        download.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", startsWith("attachment"));
        byte[] zip = download.asByteArray();
        assertEquals(ready.getLong("size"), zip.length);
        assertEquals(ready.getString("sha256"), sha256(zip));
        assertEquals("\"" + ready.getString("sha256") + "\"", download.header("ETag"));

        Map<String, byte[]> entries = entries(zip);
        String folder = "tasks/" + verifiedTask + "/";
        assertTrue(entries.containsKey("ledger.xlsx"));
        assertTrue(entries.containsKey(folder + "task.json"));
        assertTrue(new String(entries.get(folder + "timeline.json"), StandardCharsets.UTF_8).contains("VERIFIED"));
        String photoEntry = folder + "evidence/" + photoId + "/宣传栏.jpg";
        assertArrayEquals(photo, entries.get(photoEntry), "the evidence file as uploaded");
        assertFalse(entries.keySet().stream().anyMatch(name -> name.contains(openElsewhere)));
        assertTrue(new String(entries.get("manifest.json"), StandardCharsets.UTF_8).contains("\"" + township + "\""));

        // the agreements' part, asked of agreements-service on the auditor's behalf (their own token), joins the bundle
        Map<String, String> agreementsAsked = FakeAgreementsService.lastRequest();
        assertEquals("Bearer " + auditor, agreementsAsked.get("authorization"), "asked with the auditor's own token");
        assertEquals("unitId=" + c.id(township) + "&from=" + TODAY.minusDays(30) + "&to=" + TODAY, agreementsAsked.get("query"));
        String agreementEntry = "agreements/" + FakeAgreementsService.agreementOf(c.id(township)) + "/agreement.json";
        assertArrayEquals(FakeAgreementsService.agreementJson(c.id(township)), entries.get(agreementEntry));
        assertEquals(1, JsonPath.from(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).getInt("agreements"));
        // and so does the units' history chain, asked of units-service likewise
        Map<String, String> historyAsked = FakeCounty.lastHistoryPartRequest();
        assertEquals("Bearer " + auditor, historyAsked.get("authorization"), "asked with the auditor's own token");
        assertEquals("unitId=" + c.id(township) + "&from=" + TODAY.minusDays(30) + "&to=" + TODAY, historyAsked.get("query"));
        assertArrayEquals(FakeUnitsService.historyLine(c.id(township)), entries.get("history/chain.jsonl"));
        assertEquals(1, entries.keySet().stream().filter(name -> name.equals("manifest.json")).count());
        JsonPath seal = JsonPath.from(new String(entries.get("manifest.seal.json"), StandardCharsets.UTF_8));
        assertFalse(seal.prettify().contains("the part's own"), "one seal, the bundle's own, over everything");
        assertEquals("Ed25519", seal.getString("algorithm"));
        assertEquals("SM2", seal.getString("coAlgorithm"), "and its co-seal: the tests seal with both algorithms");

        Path file = temp.resolve("bundle.zip");
        Files.write(file, zip);
        BundleVerifier.Report report = BundleVerifier.verify(file, Optional.empty());
        assertTrue(report.valid(), () -> "verifies offline: " + report.problems());

        // one byte changed in any file is reported with that file's name
        for (String name : List.of(photoEntry, "ledger.xlsx", folder + "timeline.json", agreementEntry, "history/chain.jsonl",
                "manifest.json")) {
            Path changed = temp.resolve("changed.zip");
            Files.write(changed, rewritten(entries, name));
            BundleVerifier.Report tampered = BundleVerifier.verify(changed, Optional.empty());
            assertFalse(tampered.valid(), name);
            assertTrue(tampered.problems().toString().contains(name), () -> name + " named in " + tampered.problems());
        }

        // a download broken off goes on where it stopped
        as("auditor", c.county).header("Range", "bytes=100-199").get(status + "/content").then().statusCode(206)
                .header("Content-Range", equalTo("bytes 100-199/" + zip.length));
        byte[] part = as("auditor", c.county).header("Range", "bytes=100-199").get(status + "/content").asByteArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(zip, 100, 200), part);
    }

    @Test
    void aBundleWithoutItsWholeAgreementsPartFailsWithTheReasonAndCannotBeDownloaded() {
        Map<String, Object> ofTownship = Map.of("unitId", c.id(township), "from", TODAY.minusDays(7).toString(),
                "to", TODAY.toString());
        Map<String, String> reasons = Map.of("down", "agreements-service", "refuse", "answered 403",
                "cut", "not a whole ZIP");
        try {
            for (Map.Entry<String, String> fault : reasons.entrySet()) {
                FakeAgreementsService.mode(fault.getKey());
                String id = as("auditor", c.county).contentType("application/json").body(ofTownship).post("/bundles")
                        .then().statusCode(202).extract().path("id");
                JsonPath failed = awaitBuilt("auditor", c.county, "/bundles/" + id);
                assertEquals("FAILED", failed.getString("state"), fault.getKey());
                assertTrue(failed.getString("failure").startsWith("agreements-service"), failed.getString("failure"));
                assertTrue(failed.getString("failure").contains(fault.getValue()), failed.getString("failure"));
                as("auditor", c.county).get("/bundles/" + id + "/content").then().statusCode(409)
                        .contentType(startsWith("application/problem+json"));
            }
        } finally {
            FakeAgreementsService.mode("up");
        }
    }

    @Test
    void onlyAuditorsAndTheOfficeTakeBundlesOfUnitsInTheirReach() {
        Map<String, Object> ofTownship = Map.of("unitId", c.id(township), "from", TODAY.minusDays(7).toString(),
                "to", TODAY.toString());
        // the people of units, inspectors and other platforms do not take bundles away
        for (String[] who : List.of(new String[] {"unit-liaison", village}, new String[] {"unit-leader", township},
                new String[] {"inspector", c.county}, new String[] {"integration", c.county})) {
            as(who[0], who[1]).contentType("application/json").body(ofTownship).post("/bundles").then()
                    .statusCode(403).contentType(startsWith("application/problem+json"));
        }
        given().contentType("application/json").body(ofTownship).post("/bundles").then().statusCode(401);
        // a township's admin takes its own township's bundle, not its neighbour's nor the county's
        String own = as("admin", township).contentType("application/json").body(ofTownship).post("/bundles").then()
                .statusCode(202).extract().path("id");
        as("admin", township).contentType("application/json").body(Map.of("unitId", c.id(c.townships.get(1)),
                "from", TODAY.minusDays(7).toString(), "to", TODAY.toString())).post("/bundles").then().statusCode(404);
        as("admin", township).contentType("application/json").body(Map.of("unitId", c.id(c.county),
                "from", TODAY.minusDays(7).toString(), "to", TODAY.toString())).post("/bundles").then().statusCode(404);
        awaitReady("admin", township, "/bundles/" + own);
        // the county's auditor reads it (the township lies in the county); the neighbouring township's does not
        as("auditor", c.county).get("/bundles/" + own).then().statusCode(200);
        as("auditor", c.townships.get(1)).get("/bundles/" + own).then().statusCode(404);
        as("auditor", c.townships.get(1)).get("/bundles/" + own + "/content").then().statusCode(404);
        as("unit-leader", township).get("/bundles/" + own + "/content").then().statusCode(403);
        as("auditor", new FakeCounty("513282").county).get("/bundles/" + own).then().statusCode(404);
    }

    @Test
    void aBadRequestIsRefusedWithItsFieldAndNothingIsBuilt() {
        as("auditor", c.county).contentType("application/json").body(Map.of("unitId", c.id(township),
                "from", TODAY.toString(), "to", TODAY.minusDays(1).toString())).post("/bundles").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("to"));
        as("auditor", c.county).contentType("application/json").body(Map.of("unitId", c.id(township),
                "from", "2000-01-01", "to", TODAY.toString())).post("/bundles").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        as("auditor", c.county).contentType("application/json").body(Map.of("from", TODAY.toString(), "to", TODAY.toString()))
                .post("/bundles").then().statusCode(400).body("errors[0].field", equalTo("unitId"));
        as("auditor", c.county).contentType("application/json").body(Map.of("unitId", java.util.UUID.randomUUID(),
                "from", TODAY.toString(), "to", TODAY.toString())).post("/bundles").then().statusCode(404);
        as("auditor", c.county).get("/bundles/" + java.util.UUID.randomUUID() + "/content").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    private static JsonPath awaitReady(String role, String unit, String status) {
        JsonPath bundle = awaitBuilt(role, unit, status);
        assertEquals("READY", bundle.getString("state"), () -> "built: " + bundle.getString("failure"));
        return bundle;
    }

    /** The bundle once its build ended, ready or failed. */
    private static JsonPath awaitBuilt(String role, String unit, String status) {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonPath bundle = as(role, unit).get(status).then().statusCode(200).extract().jsonPath();
            if (!"BUILDING".equals(bundle.getString("state"))) {
                return bundle;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the bundle was not built within a minute");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The same ZIP with one byte of one entry changed. */
    private static byte[] rewritten(Map<String, byte[]> entries, String changed) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] content = e.getValue().clone();
                if (e.getKey().equals(changed)) {
                    content[content.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
