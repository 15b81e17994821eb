package org.tuanjie.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake answers as units-service's committed contract allows, and nothing else. */
class FakeUnitsServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNTY = "519999000000";
    private static final String TOWNSHIP = "519999100000";
    private static final String VILLAGE_ID = UUID.randomUUID().toString();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeUnitsService fake;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeUnitsService();
        url = fake.start().get("quarkus.rest-client.units.url");
        post("/__admin/units", List.of(
                Map.of("id", UUID.randomUUID().toString(), "code", COUNTY, "kind", "COUNTY", "name", "县"),
                Map.of("id", UUID.randomUUID().toString(), "code", TOWNSHIP, "kind", "TOWNSHIP", "name", "镇",
                        "parentCode", COUNTY),
                Map.of("id", VILLAGE_ID, "code", "519999100001", "kind", "VILLAGE", "name", "村", "parentCode", TOWNSHIP)));
        post("/__admin/dossier/519999100001", List.of(Map.of("kind", "PUBLICITY", "date", "2026-03-01"),
                Map.of("kind", "PUBLICITY", "date", "2025-12-31"), Map.of("kind", "TRAINING", "date", "2026-04-01",
                        "indicatorCodes", List.of("4.2")),
                Map.of("kind", "PUBLICITY", "date", "2026-05-01", "withdrawn", true)));
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    @Test
    void countsTheDossierAsUnitsServiceDoes() throws Exception {
        HttpResponse<String> counts = get("/units/" + VILLAGE_ID + "/dossier/counts?kind=PUBLICITY&from=2026-01-01&to=2026-12-31",
                COUNTY);
        assertEquals(200, counts.statusCode(), counts.body());
        JsonNode body = JSON.readTree(counts.body());
        assertEquals(1, body.get("total").asInt());
        assertEquals(1, body.get("byKind").get("PUBLICITY").asInt());
        HttpResponse<String> all = get("/units/" + VILLAGE_ID + "/dossier/counts", COUNTY);
        assertEquals(3, JSON.readTree(all.body()).get("total").asInt(), all.body());
        assertEquals(404, get("/units/" + VILLAGE_ID + "/dossier/counts", "519999101000").statusCode());
    }

    @Test
    void anAnswerTheContractDoesNotHaveIsAServerErrorNamingIt() throws Exception {
        HttpResponse<String> answer = get("/units/" + VILLAGE_ID + "/nonsense", COUNTY);
        assertEquals(500, answer.statusCode());
        assertTrue(answer.body().contains("outside units-service's contract"), answer.body());
        assertEquals(200, get("/units/" + VILLAGE_ID, COUNTY).statusCode());
        HttpResponse<String> missing = get("/units/" + UUID.randomUUID(), COUNTY);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    private static HttpResponse<String> get(String path, String unitCode) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + Tokens.of("admin", unitCode))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void post(String path, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode(), r.body());
    }
}
