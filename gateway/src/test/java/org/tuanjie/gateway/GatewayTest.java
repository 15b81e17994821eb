package org.tuanjie.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tuanjie.gateway.proxy.ReverseProxy;
import org.tuanjie.testing.Tokens;
import org.yaml.snakeyaml.Yaml;

@QuarkusTest
class GatewayTest {

    private static final String COUNTY = "513221000000";

    /** The management interface (health, metrics): a port of its own, random in tests. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    private String managementBase() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }

    private static String backend(String service) {
        return ConfigProvider.getConfig().getValue("gateway.services." + service + ".url", String.class);
    }

    private static void mode(String service, String mode) {
        given().baseUri(backend(service)).body(mode).post("/__admin/mode").then().statusCode(204);
    }

    /** One of the fake backend's counters: seen (answered), attempts (whatever the mode), streamsCut, received (all). */
    private static int count(String service, String counter) {
        return given().baseUri(backend(service)).get("/__admin/seen").then().extract().path(counter);
    }

    private static int seen(String service) {
        return count(service, "seen");
    }

    private static void stub(String service, String path, int status, Object body) {
        given().baseUri(backend(service)).contentType(ContentType.JSON)
                .body(Map.of("path", path, "status", status, "body", body)).post("/__admin/stub").then().statusCode(204);
    }

    private static String token(String subject) {
        return Tokens.of(subject, "admin", COUNTY);
    }

    @Test
    void passesMethodPathQueryHeadersBodyAndStatusThrough() {
        String token = token("fidelity");
        Response response = given().auth().oauth2(token).contentType("application/json; charset=UTF-8")
                .header("If-Match", "\"3\"").header("Idempotency-Key", "k-1").header("Accept-Language", "en")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .header("X-Request-Id", "gw-test-1")
                .queryParam("q", "德钦 镇").queryParam("kind", "TOWNSHIP").queryParam("kind", "VILLAGE")
                .body("{\"names\":{\"zh\":\"德钦镇\",\"bo\":\"བདེ་ཆེན\"}}")
                .put("/api/units/" + UUID.nameUUIDFromBytes(new byte[] {1}) + "/created");
        response.then().statusCode(201)
                .header("ETag", equalTo("\"7\""))
                // the unversioned path of the first release: deprecated since 2026-12-03, may go after 2027-12-31
                .header("Deprecation", equalTo("@1796256000"))
                .header("Sunset", equalTo("Fri, 31 Dec 2027 00:00:00 GMT"))
                .header("RateLimit-Policy", equalTo("\"client\";q=8;w=4"))
                .header("RateLimit", org.hamcrest.Matchers.matchesPattern("\"client\";r=[0-7];t=[0-9]+"))
                .header("X-Backend", equalTo("units"))
                .header("X-Request-Id", equalTo("gw-test-1"))
                .header("Location", org.hamcrest.Matchers.matchesPattern("http://localhost:\\d+/api/units/.*/created/1"))
                .header("Link", org.hamcrest.Matchers.matchesPattern("<http://localhost:\\d+/api/units/.*/created\\?cursor=abc>; rel=\"next\""))
                .body("service", equalTo("units"))
                .body("method", equalTo("PUT"))
                .body("path", equalTo("/units/" + UUID.nameUUIDFromBytes(new byte[] {1}) + "/created"))
                .body("query", containsString("kind=TOWNSHIP&kind=VILLAGE"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.if-match", equalTo("\"3\""))
                .body("headers.idempotency-key", equalTo("k-1"))
                .body("headers.accept-language", equalTo("en"))
                // the caller's trace goes on, with the gateway's own span as the service's parent
                .body("headers.traceparent", org.hamcrest.Matchers.matchesPattern("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01"))
                .body("headers.traceparent", org.hamcrest.Matchers.not(equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")))
                .body("headers.x-request-id", equalTo("gw-test-1"))
                .body("headers.x-forwarded-for", notNullValue())
                .body("body", equalTo("{\"names\":{\"zh\":\"德钦镇\",\"bo\":\"བདེ་ཆེན\"}}"));
        given().auth().oauth2(token).get("/api/inspections?x=1").then().statusCode(200)
                .body("service", equalTo("tasks")).body("path", equalTo("/inspections")).body("query", equalTo("x=1"));
        // the versioned path is the same operation; its links keep the version, and it is not deprecated
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"3\"").body("{}")
                .put("/api/v1/units/" + UUID.nameUUIDFromBytes(new byte[] {1}) + "/created").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern("http://localhost:\\d+/api/v1/units/.*/created/1"))
                .header("Deprecation", org.hamcrest.Matchers.nullValue())
                .header("Sunset", org.hamcrest.Matchers.nullValue())
                .body("path", equalTo("/units/" + UUID.nameUUIDFromBytes(new byte[] {1}) + "/created"));
        // behind the TLS edge (a trusted proxy: here the loopback address) links are the caller's: https, public host
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"3\"").body("{}")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tuanjie.county.example.gov.cn")
                .header("X-Forwarded-For", "203.0.113.7")
                .put("/api/v1/units/" + UUID.nameUUIDFromBytes(new byte[] {1}) + "/created").then().statusCode(201)
                .header("Location", equalTo("https://tuanjie.county.example.gov.cn/api/v1/units/"
                        + UUID.nameUUIDFromBytes(new byte[] {1}) + "/created/1"))
                .header("Link", equalTo("<https://tuanjie.county.example.gov.cn/api/v1/units/"
                        + UUID.nameUUIDFromBytes(new byte[] {1}) + "/created?cursor=abc>; rel=\"next\""))
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("tuanjie.county.example.gov.cn"))
                .body("headers.x-forwarded-for", org.hamcrest.Matchers.startsWith("203.0.113.7"));
        given().auth().oauth2(token).get("/api/audit").then().statusCode(200).body("service", equalTo("agreements"));
        given().auth().oauth2(token).get("/api/unitsX").then().statusCode(404);
        // a request id is made when the caller sends none
        given().auth().oauth2(token).get("/api/tasks/echo").then().header("X-Request-Id", notNullValue())
                .body("headers.x-request-id", notNullValue());
    }

    @Test
    void requestMetricsNameTheOperationNotEachId() {
        String token = token("metrics");
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (UUID id : ids) {
            given().auth().oauth2(token).get("/api/tasks/" + id + "/timeline").then().statusCode(200);
        }
        given().auth().oauth2(token).get("/api/units/by-code/513221100000").then().statusCode(200);
        String metrics = given().baseUri(managementBase()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("uri=\"/api/tasks/{id}/timeline\""));
        assertThat(metrics, containsString("uri=\"/api/units/by-code/{code}\""));
        for (UUID id : ids) {
            assertThat(metrics, not(containsString(id.toString())));
        }
        assertThat(metrics, not(containsString("513221100000")));
    }

    @Test
    void aCallerLeavingMidStreamStopsTheServiceAnswerToo() throws Exception {
        int before = count("tasks", "streamsCut");
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/tasks/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token("leaver") + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            byte[] some = socket.getInputStream().readNBytes(32 * 1024);
            assertThat(new String(some, java.nio.charset.StandardCharsets.ISO_8859_1), containsString("200"));
        }
        // the service stops writing within a few of its 50 ms chunks, not after its 20 s
        long deadline = System.nanoTime() + 5_000_000_000L;
        int cut = before;
        while (cut == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
            cut = count("tasks", "streamsCut");
        }
        assertEquals(before + 1, cut, "the stream to the service was closed when the caller left");
        given().auth().oauth2(token("after-leaver")).get("/api/tasks").then().statusCode(200);
    }

    @Test
    void aChunkedBodyIsRefusedBeforeAnyServiceSeesIt() throws Exception {
        int before = seen("units");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/units"))
                .header("Authorization", "Bearer " + token("chunked")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"code\":\"513221000000\"}".getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(411, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertThat(answer.body(), containsString("length-required"));
        assertEquals(before, seen("units"));
    }

    /** What the three fake services received in all, {@code /q/…} included. */
    private static int receivedByAll() {
        return count("units", "received") + count("tasks", "received") + count("agreements", "received");
    }

    /** The raw path each fake service received last, to tell what got through when a test fails. */
    private static Map<String, String> lastPaths() {
        return Map.of("units", lastPath("units"), "tasks", lastPath("tasks"), "agreements", lastPath("agreements"));
    }

    private static String lastPath(String service) {
        return given().baseUri(backend(service)).get("/__admin/seen").then().extract().path("lastPath");
    }

    /**
     * A request sent byte for byte as written: an HTTP client would normalize or reject the paths
     * these tests are about before the gateway ever saw them.
     */
    private static RawAnswer raw(String path, String... headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.split(" ", 3)[1]);
            int split = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, split).toLowerCase(java.util.Locale.ROOT);
            return new RawAnswer(status, head, answer.substring(split + 4));
        }
    }

    private record RawAnswer(int status, String head, String body) {
        String json(String field) {
            return io.restassured.path.json.JsonPath.from(body).getString(field);
        }
    }

    /** Every way of writing a path that means another one to whoever reads it next, as the gateway receives it. */
    private static final List<String> UNNORMALIZED_PATHS = List.of(
            "/api/units/../q/metrics",
            "/api/units/x/../../q/metrics",
            "/api/units/%2e%2e/q/metrics",
            "/api/units/%2E%2E/q/metrics",
            "/api/units/%2e%2E/q/health/ready",
            "/api/units/.%2e/q/metrics",
            "/api/units/%2e./q/metrics",
            "/api/units/..%2fq/metrics",
            "/api/units/..%2Fq%2Fmetrics",
            "/api/units/%2e%2e%2fq/metrics",
            "/api/units/x%2f..%2f..%2fq/metrics",
            "/api/units/..%5cq/metrics",
            "/api/units/..%5Cq/metrics",
            "/api/units//q/metrics",
            "/api/units/./" + UUID.nameUUIDFromBytes(new byte[] {1}),
            "/api/units/%2e/" + UUID.nameUUIDFromBytes(new byte[] {1}),
            "/api/units/..;/q/metrics",
            "/api/units/%252e%252e/q/metrics",
            "/api/units/..",
            "/api/tasks/../../q/health/ready",
            "/api/agreements/%2e%2e/%2e%2e/q/metrics",
            "/api/seal/../q/metrics",
            "/api/../q/metrics",
            "/api//units",
            "//api/units");

    @Test
    void pathsThatAreNotNormalizedAreRefusedBeforeAnyServiceSeesThem() throws Exception {
        String token = token("traversal");
        int before = receivedByAll();
        for (String path : UNNORMALIZED_PATHS) {
            RawAnswer answer = raw(path, "Authorization: Bearer " + token);
            assertEquals(400, answer.status(), path + " -> " + answer.body());
            assertThat(path, answer.head(), containsString("content-type: application/problem+json"));
            assertEquals("/problems/path-not-normalized", answer.json("type"), path);
            assertEquals("请求路径不规范", answer.json("title"), path);
            assertEquals("400", answer.json("status"), path);
            assertThat(path, answer.head(), containsString("x-request-id: "));
            assertEquals(before, receivedByAll(), () -> path + " reached a service: " + lastPaths());
        }
        // a backslash is not allowed in a URI at all: Vert.x's HTTP decoder refuses it (a bare 400) before any handler runs
        for (String path : List.of("/api/units/..\\q/metrics", "/api/units\\..\\q/metrics")) {
            assertEquals(400, raw(path, "Authorization: Bearer " + token).status(), path);
            assertEquals(before, receivedByAll(), () -> path + " reached a service: " + lastPaths());
        }
        RawAnswer english = raw("/api/units/%2e%2e/q/metrics", "Accept-Language: en", "Authorization: Bearer " + token);
        assertEquals(400, english.status());
        assertEquals("Path not normalized", english.json("title"));
        // without a token too: the path is judged before anything else
        assertEquals(400, raw("/api/units/../q/metrics").status());
        assertEquals(before, receivedByAll());
        // the same request with a clean path goes through
        RawAnswer clean = raw("/api/units/" + UUID.nameUUIDFromBytes(new byte[] {1}), "Authorization: Bearer " + token);
        assertEquals(200, clean.status(), clean.body());
        assertEquals("/units/" + UUID.nameUUIDFromBytes(new byte[] {1}), clean.json("path"));
    }

    @Test
    void aServiceManagementEndpointsAreNeverReachedThroughTheApi() throws Exception {
        String token = token("management");
        int before = receivedByAll();
        for (String path : List.of("/api/units/q/metrics", "/api/units/q/health/ready", "/api/tasks/q/metrics",
                "/api/agreements/q", "/api/units/%71/metrics", "/api/units/Q/metrics", "/api/q/metrics",
                "/api/q/health/live", "/api/q")) {
            RawAnswer answer = raw(path, "Authorization: Bearer " + token);
            assertEquals(404, answer.status(), path + " -> " + answer.body());
            assertThat(path, answer.head(), containsString("content-type: application/problem+json"));
            assertEquals("未找到", answer.json("title"), path);
            assertEquals(before, receivedByAll(), () -> path + " reached a service: " + lastPaths());
        }
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/units/q/metrics").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not found"));
        assertEquals(before, receivedByAll());
    }

    @Test
    void theGatewayOwnMetricsAndHealthAreOnlyOnTheManagementPort() {
        given().auth().oauth2(token("metrics-port")).get("/api/readiness").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().baseUri(managementBase()).get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/readiness\""));
        given().baseUri(managementBase()).get("/q/health/ready").then().statusCode(200);
        // what auditors use stays on the main port
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void badTokensAreStoppedBeforeAnyServiceSeesThem() {
        int before = seen("agreements");
        String publicKey = ConfigProvider.getConfig().getValue("quarkus.oidc.public-key", String.class);
        for (String token : List.of(Tokens.expired("admin", COUNTY), Tokens.wrongIssuer("admin", COUNTY),
                Tokens.wrongAudience("admin", COUNTY),
                Tokens.wrongKey("admin", COUNTY), Tokens.unsigned("admin", COUNTY),
                Tokens.hs256WithPublicKey("admin", COUNTY, publicKey), "garbage")) {
            given().auth().oauth2(token).get("/api/agreements").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401));
        }
        given().get("/api/agreements").then().statusCode(401).body("title", equalTo("未认证"));
        given().header("Accept-Language", "en").get("/api/agreements").then().statusCode(401)
                .body("title", equalTo("Unauthorized"));
        assertEquals(before, seen("agreements"));
        // what anyone needs to verify a seal is served without a token
        given().get("/api/seal/public-key").then().statusCode(200).body("service", equalTo("agreements"));
    }

    @Test
    void corsPreflightForTheConfiguredOrigin() {
        given().header("Origin", "https://app.tuanjie.test").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .options("/api/units/x").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://app.tuanjie.test"))
                .header("Access-Control-Allow-Methods", containsString("PUT"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/api/units/x").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void eachPersonOnThePublicFieldAppClientHasTheirOwnRateBudget() {
        String flooding = Tokens.viaClient("mobile-app", "liaison-" + UUID.randomUUID(), "unit-liaison", COUNTY);
        String colleague = Tokens.viaClient("mobile-app", "liaison-" + UUID.randomUUID(), "unit-liaison", COUNTY);
        int limited = 0;
        for (int i = 0; i < 20; i++) {
            limited += given().auth().oauth2(flooding).get("/api/units").statusCode() == 429 ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(limited >= 10, "one phone flooding is limited, got " + limited);
        given().auth().oauth2(colleague).get("/api/units").then().statusCode(200);
    }

    @Test
    void eachClientHasItsOwnRateBudget() {
        String flooder = token("flooder-" + UUID.randomUUID());
        String quiet = token("quiet-" + UUID.randomUUID());
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 20; i++) {
            Response r = given().auth().oauth2(flooder).get("/api/units");
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
                r.then().header("RateLimit", org.hamcrest.Matchers.startsWith("\"client\";r=0;t="));
                r.then().contentType("application/problem+json")
                        .body("type", equalTo("/problems/rate-limited"));
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(limited >= 10, "burst 8 at 2/s: most of 20 quick calls are refused, got " + limited);
        org.junit.jupiter.api.Assertions.assertNotNull(retryAfter);
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(retryAfter) >= 1);
        given().auth().oauth2(quiet).get("/api/units").then().statusCode(200);
    }

    @Test
    void jsonGoesCompressedAndAPageTheCallerHoldsIsNotSentAgain() throws Exception {
        String token = token("phone-on-a-weak-network");
        List<Map<String, Object>> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(Map.of("id", UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString(), "title", "整改宣传栏藏汉双语内容 " + i,
                    "measures", "制作藏汉双语宣传栏，补充宣传活动记录、签到表和照片，镇党委专题研究一次。".repeat(8),
                    "state", "ASSIGNED", "deadline", "2026-12-31", "unit", Map.of("code", "513221100000", "name", "威州镇")));
        }
        stub("tasks", "/tasks/page-of-a-phone", 200, Map.of("items", tasks));
        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create("http://localhost:" + RestAssured.port + "/api/v1/tasks/page-of-a-phone");
        java.util.function.BiFunction<String, String, HttpResponse<byte[]>> get = (encoding, ifNoneMatch) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(page).header("Authorization", "Bearer " + token)
                    .header("Accept-Encoding", encoding);
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        HttpResponse<byte[]> brotli = get.apply("br, gzip", null);
        assertEquals(200, brotli.statusCode());
        assertEquals("br", brotli.headers().firstValue("Content-Encoding").orElse(null));
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        byte[] json = com.aayushatharva.brotli4j.decoder.Decoder.decompress(brotli.body()).getDecompressedData();
        assertEquals(100, new ObjectMapper().readTree(json).path("items").size());
        assertThat("a page larger than what is relayed whole otherwise", json.length, greaterThan(64 * 1024));
        assertThat("compressed to a fraction", brotli.body().length * 4, lessThan(json.length));

        HttpResponse<byte[]> gzip = get.apply("gzip", null);
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null));
        byte[] gunzipped = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes();
        assertEquals(new String(json, java.nio.charset.StandardCharsets.UTF_8), new String(gunzipped, java.nio.charset.StandardCharsets.UTF_8));

        // the page carries a tag of what it holds; asking again with it costs no body while nothing changed
        String tag = brotli.headers().firstValue("ETag").orElseThrow();
        assertThat(tag, org.hamcrest.Matchers.matchesPattern("W/\"[A-Za-z0-9_-]{22}\""));
        assertEquals(tag, gzip.headers().firstValue("ETag").orElse(null), "the tag is the content's, not the encoding's");
        assertEquals("private, no-cache", brotli.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<byte[]> held = get.apply("br, gzip", tag);
        assertEquals(304, held.statusCode());
        assertEquals(0, held.body().length);
        assertEquals(tag, held.headers().firstValue("ETag").orElse(null));

        tasks.remove(0);
        stub("tasks", "/tasks/page-of-a-phone", 200, Map.of("items", tasks));
        HttpResponse<byte[]> changed = get.apply("gzip", tag);
        assertEquals(200, changed.statusCode(), "changed since: the whole page again");
        assertThat(changed.headers().firstValue("ETag").orElse(null), not(equalTo(tag)));
        // a single resource keeps the service's own tag (its version)
        String unit = "/api/v1/units/" + UUID.nameUUIDFromBytes(new byte[] {2});
        given().auth().oauth2(token).get(unit).then().statusCode(200).header("ETag", equalTo("\"7\""));
        given().auth().oauth2(token).header("If-None-Match", "\"7\"").get(unit).then().statusCode(304);
        given().auth().oauth2(token).header("If-None-Match", "\"6\"").get(unit).then().statusCode(200);
    }

    @Test
    void aDeadServiceIs502AndAHungOne504WithinTheBoundWhileOthersWork() {
        String token = token("outage");
        try {
            mode("tasks", "down");
            java.util.List<org.jboss.logmanager.ExtLogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Handler capture = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord record) {
                    org.jboss.logmanager.ExtLogRecord line = (org.jboss.logmanager.ExtLogRecord) record;
                    line.copyAll(); // the MDC as it was when the line was written
                    logged.add(line);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            java.util.logging.Logger proxyLog = java.util.logging.Logger.getLogger(ReverseProxy.class.getName());
            proxyLog.addHandler(capture);
            try {
                given().auth().oauth2(token).header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .get("/api/tasks").then().statusCode(502)
                        .contentType("application/problem+json")
                        .body("type", equalTo("/problems/downstream-unavailable"))
                        .time(lessThan(3000L));
            } finally {
                proxyLog.removeHandler(capture);
            }
            // the operator's log line of the outage names the caller's trace and the request
            var line = logged.stream().filter(r -> r.getFormattedMessage().startsWith("tasks-service unreachable")).findFirst()
                    .orElseThrow(() -> new AssertionError("no log line of the outage among " + logged.size()));
            assertThat(line.getMdc("traceId"), equalTo("4bf92f3577b34da6a3ce929d0e0e4736"));
            assertThat(line.getMdc("spanId"), org.hamcrest.Matchers.matchesPattern("[0-9a-f]{16}"));
            assertThat(line.getMdc("requestId"), notNullValue());
            mode("tasks", "hang");
            given().auth().oauth2(token).get("/api/tasks").then().statusCode(504)
                    .body("type", equalTo("/problems/downstream-timeout"))
                    .time(lessThan(3000L));
            given().auth().oauth2(token).get("/api/units").then().statusCode(200);
            given().baseUri(managementBase()).get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'suite' }.data.tasks-service", equalTo("DOWN"))
                    .body("checks.find { it.name == 'suite' }.data.units-service", equalTo("UP"));
        } finally {
            mode("tasks", "up");
        }
    }

    /**
     * An upload announcing {@code slices} × 64 KiB, sent a slice every {@code pauseMs}, then {@code stallMs} of
     * silence before the rest (0: none); returns the status line and what the gateway answered.
     */
    private static String slowUpload(String token, int slices, long pauseMs, int stallAfter, long stallMs) throws Exception {
        byte[] slice = new byte[64 * 1024];
        java.util.Arrays.fill(slice, (byte) 'x');
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/evidence/uploads/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + (long) slices * slice.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            try {
                for (int i = 0; i < slices; i++) {
                    out.write(slice);
                    out.flush();
                    Thread.sleep(i == stallAfter ? stallMs : pauseMs);
                }
            } catch (java.io.IOException refused) {
                // the gateway answered and closed while the slices were still coming: its answer is read below
            }
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void anUploadLongerThanTheBoundGoesThroughWhileItFlowsAndA504EndsAStall() throws Exception {
        // the bound is 1 s in tests: 8 slices 300 ms apart take 2.4 s, never pausing for 1 s
        long start = System.nanoTime();
        String flowing = slowUpload(token("slow-phone"), 8, 300, -1, 0);
        assertThat(flowing, org.hamcrest.Matchers.startsWith("HTTP/1.1 200"));
        assertThat((System.nanoTime() - start) / 1_000_000, greaterThan(2_000L));
        String echoed = flowing.substring(flowing.indexOf("\r\n\r\n") + 4);
        assertEquals(8 * 64 * 1024, io.restassured.path.json.JsonPath.from(echoed).getString("body").length(),
                "every byte reached the service");
        // a caller that stops sending for longer than the bound is let go with a 504, as a service that stops answering
        String stalled = slowUpload(token("lost-network"), 4, 100, 1, 3_000);
        assertThat(stalled, org.hamcrest.Matchers.startsWith("HTTP/1.1 504"));
        assertThat(stalled, containsString("downstream-timeout"));
    }

    /**
     * curl, .NET and Java's HttpURLConnection hold a large body back until they hear 100 Continue, and curl waits
     * a second for it: every upload through a gateway that stays silent would start a second late.
     */
    @Test
    void aCallerExpectingContinueHearsItOnlyOnceAdmittedAndItsBodyGoesThrough() throws Exception {
        byte[] body = "y".repeat(5_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String head = "POST /api/evidence/continued HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream"
                + "\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n";
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(500); // well under the second curl waits before sending anyway
            socket.getOutputStream().write((head + "Authorization: Bearer " + token("expecting") + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String interim = readHead(socket.getInputStream());
            assertThat(interim, org.hamcrest.Matchers.startsWith("HTTP/1.1 100"));
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(body);
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer, org.hamcrest.Matchers.startsWith("HTTP/1.1 200"));
            assertEquals(new String(body, java.nio.charset.StandardCharsets.US_ASCII),
                    io.restassured.path.json.JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4)).getString("body"));
        }
        // a caller the gateway refuses is told so at once, and never asked for its body
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(readHead(socket.getInputStream()), org.hamcrest.Matchers.startsWith("HTTP/1.1 401"));
        }
    }

    /** Reads one response head, up to its blank line. */
    private static String readHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /**
     * Over HTTP/2 a body may come with no Content-Length (a stream), and a POST may come with no body. A body
     * without a length is refused with 411 as the services refuse a chunked one, never passed on without its
     * bytes (a multipart upload arriving empty made a service fail with 500); a POST without one goes through.
     */
    @Test
    void anHttp2BodyWithoutALengthIsRefusedAndAnEmptyPostGoesThrough() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String token = token("h2-phone");
        URI base = URI.create("http://localhost:" + RestAssured.port);
        // the first request upgrades the connection to h2c; the next go over HTTP/2
        h2.send(HttpRequest.newBuilder(base.resolve("/api/tasks/warm")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding());
        int before = count("tasks", "attempts");
        HttpResponse<String> streamed = h2.send(HttpRequest.newBuilder(base.resolve("/api/evidence/streamed"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[70_000])))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_2, streamed.version());
        assertEquals(411, streamed.statusCode(), streamed.body());
        assertEquals("/problems/length-required",
                io.restassured.path.json.JsonPath.from(streamed.body()).getString("type"));
        assertEquals(before, count("tasks", "attempts"), "the service heard nothing of it");

        HttpResponse<String> empty = h2.send(HttpRequest.newBuilder(base.resolve("/api/tasks/1/start"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, empty.version());
        assertEquals(200, empty.statusCode(), empty.body());
        assertEquals("POST", io.restassured.path.json.JsonPath.from(empty.body()).getString("method"));
    }

    @Test
    void aServiceStoringAnUploadMayAnswerLaterThanTheBoundButNoOtherMay() {
        String token = token("storing");
        String photo = "x".repeat(100_000);
        given().auth().oauth2(token).contentType("application/octet-stream")
                .body(photo.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .post("/api/evidence/stored-slowly").then().statusCode(200)
                .body("body", equalTo(photo)).time(greaterThan(2_000L));
        // a sheet import: every row checked, then all written, before the answer
        for (String sheet : List.of("/api/units/import", "/api/v1/ledger/import", "/api/indicator-catalogues/7/sheet")) {
            given().auth().oauth2(token).contentType("text/csv").body("code,name\n")
                    .put(sheet + "?stored-slowly").then().statusCode(200).time(greaterThan(2_000L));
        }
        // the same wait on a path that takes no files is a hung service
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/tasks/stored-slowly").then().statusCode(504)
                .body("type", equalTo("/problems/downstream-timeout"));
        given().auth().oauth2(token).contentType("text/csv").body("code,name\n")
                .put("/api/units/import/extra?stored-slowly").then().statusCode(504);
    }

    private String circuit(String service) {
        return given().baseUri(managementBase()).get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'suite' }.data." + service + "-service-circuit");
    }

    @Test
    void aServiceFailingRepeatedlyIsNotAskedUntilATrialCallSucceeds() throws InterruptedException {
        // a caller per request: the rate limit (burst 8 in tests) is not what this test is about
        java.util.function.Supplier<String> caller = () -> token("breaker-" + UUID.randomUUID());
        UUID unit = UUID.randomUUID();
        stub("units", "/units/" + unit, 200, Map.of("id", unit.toString(), "code", "513221100000"));
        given().auth().oauth2(caller.get()).get("/api/tasks").then().statusCode(200); // failures counted from here
        try {
            mode("tasks", "down");
            for (int i = 0; i < 5; i++) {
                given().auth().oauth2(caller.get()).get("/api/tasks").then().statusCode(502);
            }
            assertEquals("OPEN", circuit("tasks"));
            int asked = count("tasks", "attempts");
            Response refused = given().auth().oauth2(caller.get()).header("Accept-Language", "en").get("/api/tasks");
            refused.then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("/problems/downstream-circuit-open"))
                    .body("detail", containsString("tasks-service"))
                    .header("Retry-After", "3")
                    .time(lessThan(500L));
            given().auth().oauth2(caller.get()).contentType(ContentType.JSON).body("{}").post("/api/inspections").then().statusCode(503);
            given().auth().oauth2(caller.get()).get("/api/views/units/" + unit).then().statusCode(200)
                    .body("unit.code", equalTo("513221100000"))
                    .body("degraded", hasItems("tasks"))
                    .time(lessThan(500L));
            assertEquals(asked, count("tasks", "attempts"), "an open circuit asks the service nothing");
            given().auth().oauth2(caller.get()).get("/api/units").then().statusCode(200);
            given().baseUri(managementBase()).get("/q/metrics").then().statusCode(200)
                    .body(containsString("gateway_circuit_state{service=\"tasks\"} 2.0"));

            Thread.sleep(3_100);
            given().auth().oauth2(caller.get()).get("/api/tasks").then().statusCode(502); // the trial, still down
            assertEquals(asked + 1, count("tasks", "attempts"));
            given().auth().oauth2(caller.get()).get("/api/tasks").then().statusCode(503);
            assertEquals("OPEN", circuit("tasks"));

            mode("tasks", "up");
            given().auth().oauth2(caller.get()).get("/api/tasks").then().statusCode(503); // open until its time is up
            Thread.sleep(3_100);
            given().auth().oauth2(caller.get()).get("/api/tasks").then().statusCode(200);
            assertEquals("CLOSED", circuit("tasks"));
            given().auth().oauth2(caller.get()).get("/api/tasks").then().statusCode(200);
        } finally {
            mode("tasks", "up");
        }
    }

    @Test
    void theUnitPageDegradesWhenAServiceIsDown() {
        UUID unit = UUID.randomUUID();
        stub("units", "/units/" + unit, 200, Map.of("id", unit.toString(), "code", "513221100000", "names", Map.of("zh", "威州镇")));
        stub("units", "/units/" + unit + "/readiness", 200, Map.of("score", 75, "complete", false));
        stub("tasks", "/tasks", 200, Map.of("items", List.of(Map.of("id", "t1", "warning", "RED"),
                Map.of("id", "t2", "warning", "GREEN"), Map.of("id", "t3", "warning", "RED"))));
        stub("agreements", "/agreements", 200, Map.of("items", List.of(
                Map.of("id", "a1", "year", 2026, "state", "SUPERSEDED", "versionNo", 1),
                Map.of("id", "a2", "year", 2026, "state", "SIGNED", "versionNo", 2))));
        String token = token("viewer");
        given().auth().oauth2(token).get("/api/views/units/" + unit).then().statusCode(200)
                .body("unit.code", equalTo("513221100000"))
                .body("readiness.score", equalTo(75))
                .body("openTasks.counts.RED", equalTo(2))
                .body("openTasks.counts.GREEN", equalTo(1))
                .body("agreement.state", equalTo("SIGNED"))
                .body("degraded", org.hamcrest.Matchers.empty());
        try {
            mode("tasks", "hang");
            mode("agreements", "down");
            given().auth().oauth2(token).get("/api/views/units/" + unit).then().statusCode(200)
                    .time(lessThan(3000L))
                    .body("unit.code", equalTo("513221100000"))
                    .body("openTasks", org.hamcrest.Matchers.nullValue())
                    .body("degraded", hasItems("tasks", "agreement"));
        } finally {
            mode("tasks", "up");
            mode("agreements", "up");
        }
        stub("units", "/units/" + UUID.nameUUIDFromBytes(new byte[] {9}), 404, Map.of("status", 404));
        given().auth().oauth2(token).get("/api/views/units/" + UUID.nameUUIDFromBytes(new byte[] {9})).then()
                .statusCode(404).contentType("application/problem+json");
        given().get("/api/views/units/" + unit).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void servesAllThreeContractsWithTheGatewayAsServerAndAnOauthLogin() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/units"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tasks"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/agreements"))
                .body("paths", not(org.hamcrest.Matchers.hasKey("/api/units")))
                .body("paths.'/api/v1/units'.get.responses", org.hamcrest.Matchers.hasKey("502"))
                .body("paths.'/api/v1/units'.get.responses", org.hamcrest.Matchers.hasKey("504"))
                // reads are tagged and revalidated at the gateway; writes are not
                .body("paths.'/api/v1/units'.get.responses", org.hamcrest.Matchers.hasKey("304"))
                .body("paths.'/api/v1/units'.get.responses.'200'.headers", org.hamcrest.Matchers.hasKey("ETag"))
                .body("paths.'/api/v1/units'.get.parameters.name", hasItems("If-None-Match"))
                .body("paths.'/api/v1/units'.post.responses", not(org.hamcrest.Matchers.hasKey("304")))
                .body("servers[0].url", equalTo("/"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        containsString("/protocol/openid-connect/auth"))
                .body("paths.'/api/v1/units'.get.description", containsString("Roles: "))
                .body("paths.'/api/v1/units'.get", not(org.hamcrest.Matchers.hasKey("security")));
        given().get("/api/docs/tasks.json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tasks"));
        given().get("/api/docs/nothing.json").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void eachProblemTypeLeadsToAPageSayingWhatItMeansAndWhatToDo() {
        // the gateway's own
        given().get("/problems/rate-limited").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Too many requests")).body(containsString("Retry-After"));
        // the platform's, as every service answers it
        given().get("/problems/precondition-required").then().statusCode(200)
                .body(containsString("If-Match required")).body(containsString("with the ETag you read"));
        // one only units-service answers with, read from its contract
        given().get("/problems/unit-closed").then().statusCode(200).body(containsString("/problems/unit-closed"));
        given().accept("application/json").get("/problems").then().statusCode(200)
                .body("'/problems/unit-closed'.title-en", notNullValue())
                .body("'/problems/rate-limited'.title-zh", notNullValue());
        given().get("/problems/no-such-problem").then().statusCode(404);
    }

    /** Generated clients are made from the merged contract: every operation and type of each service must be in it, apart. */
    @Test
    void theMergedContractKeepsEachServicesOperationsAndTypesApart() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode merged = json.readTree(given().get("/api/docs/openapi.json").then()
                .statusCode(200).extract().asString());
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (String service : List.of("units", "tasks", "agreements")) {
            JsonNode doc = json.valueToTree(new Yaml().load(
                    Files.readString(Path.of("..", service + "-service", "src", "main", "openapi", "openapi.yaml"))));
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                    String method = methods.next();
                    operations++;
                    String id = merged.path("paths").path("/api/v1" + path.getKey()).path(method).path("operationId").asText("");
                    assertEquals(path.getValue().get(method).get("operationId").asText(), id, service + " " + method + " " + path.getKey());
                    assertThat("operationId used twice: " + id, ids.add(id), equalTo(true));
                }
            }
            doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> assertThat(service + " schema " + name,
                    merged.path("components").path("schemas").has(name) || merged.path("components").path("schemas")
                            .has(service.substring(0, 1).toUpperCase() + service.substring(1) + name), equalTo(true)));
        }
        assertThat(operations, greaterThan(100));
        List<String> refs = merged.findValuesAsText("$ref");
        assertThat(refs.size(), greaterThan(100));
        for (String ref : refs) {
            assertThat(ref, merged.at(ref.substring(1)).isMissingNode(), equalTo(false));
        }
    }
}
