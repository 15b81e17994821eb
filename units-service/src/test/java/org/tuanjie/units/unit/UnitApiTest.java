package org.tuanjie.units.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.create;
import static org.tuanjie.units.UnitsApi.etag;
import static org.tuanjie.units.UnitsApi.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Tokens;
import org.tuanjie.units.Hierarchy;

@QuarkusTest
class UnitApiTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("53");
        }
    }

    @Test
    void createsAUnitWithLocationEtagAndAuditFields() {
        String code = "533422102000";
        Response created = admin(h.province).body(unit(code, "TOWNSHIP", h.id(h.county), "佛山乡")).post("/units");
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/units/"))
                .body("code", equalTo(code))
                .body("kind", equalTo("TOWNSHIP"))
                .body("category", equalTo("REGION"))
                .body("path", contains(h.province, h.prefecture, h.county, code))
                .body("depth", equalTo(3))
                .body("status", equalTo("OPEN"))
                .body("createdBy", equalTo("user-admin-" + h.province));
        String location = created.header("Location");
        given().auth().oauth2(Tokens.of("auditor", h.province)).get(location).then().statusCode(200)
                .body("names.zh", equalTo("佛山乡"));
        admin(h.province).get("/units/by-code/" + code).then().statusCode(200).body("id", equalTo(created.path("id")));
    }

    @Test
    void tibetanAndChineseNamesRoundTripByteExactAndAreSearchable() {
        String tibetan = "བདེ་ཆེན་གྲོང་རྡལ།"; // with tsheg and shad, stacked letters
        Map<String, Object> body = unit("533422103000", "TOWNSHIP", h.id(h.county), "德钦镇");
        body.put("names", Map.of("zh", "德钦镇", "bo", tibetan, "en", "Deqen Town"));
        String id = create(h.province, body).extract().path("id");
        String stored = admin(h.province).get("/units/" + id).then().statusCode(200).extract().path("names.bo");
        assertEquals(List.of(tibetan.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                List.of(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertEquals(tibetan, stored);
        admin(h.province).queryParam("q", "ཆེན་གྲོང").get("/units").then().statusCode(200)
                .body("items.id", contains(id));
        admin(h.province).queryParam("q", "deqen").get("/units").then().statusCode(200).body("items.id", contains(id));
        admin(h.province).queryParam("q", "533422103").get("/units").then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void badCodesAreFieldErrorsAndNothingIsStored() {
        Response response = admin(h.province).body(unit("53342210400", "TOWNSHIP", h.id(h.county), "少一位")).post("/units");
        response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("status", equalTo(400))
                .body("title", equalTo("请求参数无效"))
                .body("instance", equalTo("/units"))
                .body("requestId", notNullValue())
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", equalTo("统计用区划代码必须是 12 位数字"));
        admin(h.province).body(unit("543422104000", "TOWNSHIP", h.id(h.county), "别省的镇")).post("/units")
                .then().statusCode(400).body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("前缀不符"));
        admin(h.province).body(unit(UnitsApiCodes.wrongCheck(), "SCHOOL", h.id(h.county), "校验错")).post("/units")
                .then().statusCode(400).body("errors[0].message", equalTo("统一社会信用代码校验位错误"));
        admin(h.province).queryParam("q", "少一位").get("/units").then().body("items", hasSize(0));
    }

    @Test
    void missingAndMalformedFieldsAreListedInEnglishWhenAsked() {
        admin(h.province).header("Accept-Language", "en-GB,en;q=0.9").body(Map.of("kind", "COUNTY")).post("/units")
                .then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItems("code", "names"));
        admin(h.province).body("{\"code\": \"533422105000\", \"kind\": \"CASTLE\", \"names\": {\"zh\": \"x\"}}").post("/units")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        admin(h.province).body("{not json").post("/units").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWithType("unreadable-body"));
        admin(h.province).contentType("text/plain").body("x").post("/units").then().statusCode(415)
                .contentType("application/problem+json");
        admin(h.province).queryParam("q", "a\u0000b").get("/units").then().statusCode(400)
                .contentType("application/problem+json");
        admin(h.province).body(Map.of("code", "533422105000", "kind", "TOWNSHIP", "parentId", h.id(h.county),
                "names", Map.of("zh", "控制\u0000字符"))).post("/units").then().statusCode(400)
                .body("errors[0].field", equalTo("names.zh"));
        admin(h.province).get("/units/by-code/533422105000").then().statusCode(404);
    }

    @Test
    void placementRulesAreUnprocessable() {
        admin(h.province).body(unit("533400000000", "PREFECTURE", h.id(h.villageA), "村下的州")).post("/units")
                .then().statusCode(422).body("type", endsWithType("placement-not-allowed"))
                .body("detail", org.hamcrest.Matchers.equalTo("州（市）不能隶属于村（社区）")); // in words, never PREFECTURE
        admin(h.province).header("Accept-Language", "en").body(unit("533400000000", "PREFECTURE", h.id(h.villageA), "村下的州"))
                .post("/units").then().statusCode(422).body("detail", org.hamcrest.Matchers.equalTo(
                        "prefecture: not allowed under village or community"));
        admin(h.province).body(Map.of("kind", "VILLAGE", "names", Map.of("zh", "无码村"))).post("/units").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("code"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("必填")); // not "不能为空" or "不能为null"
        String etag = etag("admin", h.province, "/units/" + h.id(h.county));
        admin(h.province).header("If-Match", etag).body(Map.of("parentId", h.id(h.townshipA)))
                .post("/units/" + h.id(h.county) + "/move").then().statusCode(422)
                .body("type", endsWithType("move-creates-cycle"));
        admin(h.province).get("/units/" + h.id(h.county)).then().body("parentId", equalTo(h.id(h.prefecture)))
                .header("ETag", equalTo(etag));
    }

    @Test
    void movesAnOrganizationWithItsNewPathAndBumpsTheVersion() {
        String code = UnitsApi2.credit("12", "MB0000011");
        String id = create(h.province, code, "SCHOOL", h.id(h.townshipA), "流动教学点");
        String etag = etag("admin", h.province, "/units/" + id);
        admin(h.province).header("If-Match", etag).body(Map.of("parentId", h.id(h.townshipB)))
                .post("/units/" + id + "/move").then().statusCode(200)
                .body("parentId", equalTo(h.id(h.townshipB)))
                .body("path", contains(h.province, h.prefecture, h.county, h.townshipB, code))
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void writesNeedIfMatchAndAStaleOneIsRefused() {
        String id = create(h.province, UnitsApi2.credit("11", "MB0000021"), "ORGAN", h.id(h.county), "县民宗局");
        Map<String, Object> rename = Map.of("names", Map.of("zh", "县民族宗教事务局"));
        admin(h.province).body(rename).put("/units/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("type", endsWithType("precondition-required"));
        admin(h.province).header("If-Match", "\"0\"").body(rename).put("/units/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("names.zh", equalTo("县民族宗教事务局"));
        admin(h.province).header("If-Match", "\"0\"").body(Map.of("names", Map.of("zh", "旧版本覆盖")))
                .put("/units/" + id).then().statusCode(412).body("type", endsWithType("precondition-failed"));
        admin(h.province).get("/units/" + id).then().body("names.zh", equalTo("县民族宗教事务局"));
    }

    @Test
    void ofTwoConcurrentUpdatesExactlyOneWins() throws Exception {
        String id = create(h.province, UnitsApi2.credit("11", "MB0000031"), "ORGAN", h.id(h.county), "县文旅局");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> updates = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "县文化广播电视和旅游局" + i;
                updates.add(() -> admin(h.province).header("If-Match", "\"0\"")
                        .body(Map.of("names", Map.of("zh", name))).put("/units/" + id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(updates)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        admin(h.province).get("/units/" + id).then().header("ETag", equalTo("\"1\""));
    }

    @Test
    void aRetriedPostWithTheSameKeyCreatesOnce() {
        Map<String, Object> body = unit(UnitsApi2.credit("11", "MB0000041"), "ORGAN", h.id(h.county), "县教育局");
        Response first = admin(h.province).header("Idempotency-Key", "retry-41").body(body).post("/units");
        first.then().statusCode(201);
        Response second = admin(h.province).header("Idempotency-Key", "retry-41").body(body).post("/units");
        second.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        admin(h.province).queryParam("q", "县教育局").get("/units").then().body("items", hasSize(1));
        Map<String, Object> other = unit(UnitsApi2.credit("11", "MB0000042"), "ORGAN", h.id(h.county), "县卫健局");
        admin(h.province).header("Idempotency-Key", "retry-41").body(other).post("/units").then().statusCode(422)
                .body("type", endsWithType("idempotency-key-reused"));
        admin(h.province).queryParam("q", "县卫健局").get("/units").then().body("items", hasSize(0));
    }

    @Test
    void concurrentRetriesWithTheSameKeyCreateOnceAndAllGetItsAnswer() throws Exception {
        Map<String, Object> body = unit(UnitsApi2.credit("11", "MB0000043"), "ORGAN", h.id(h.county), "县应急管理局");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> retries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                retries.add(() -> admin(h.province).header("Idempotency-Key", "retry-43").body(body).post("/units"));
            }
            for (Future<Response> f : pool.invokeAll(retries)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        String statuses = answers.stream().map(r -> r.statusCode() + "/" + r.header("Idempotent-Replayed")).toList().toString();
        assertEquals(5, answers.stream().filter(r -> r.statusCode() == 201).count(), statuses);
        assertEquals(4, answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count(), statuses);
        assertEquals(1, answers.stream().map(r -> r.<String>path("id")).distinct().count(), statuses);
        admin(h.province).queryParam("q", "县应急管理局").get("/units").then().body("items", hasSize(1));
    }

    @Test
    void aFailedIdempotentPostCanBeRetried() {
        Map<String, Object> bad = unit(h.county, "COUNTY", h.id(h.prefecture), "重复的县");
        admin(h.province).header("Idempotency-Key", "retry-dup").body(bad).post("/units").then().statusCode(409)
                .body("type", endsWithType("unit-code-taken"));
        admin(h.province).header("Idempotency-Key", "retry-dup").body(bad).post("/units").then().statusCode(409);
    }

    @Test
    void tokensAreChecked() {
        given().get("/units").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        String publicKey = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.public-key", String.class);
        for (String token : List.of(Tokens.expired("admin", h.province), Tokens.wrongIssuer("admin", h.province),
                Tokens.wrongAudience("admin", h.province),
                Tokens.wrongKey("admin", h.province), Tokens.unsigned("admin", h.province),
                Tokens.hs256WithPublicKey("admin", h.province, publicKey), "not.a.jwt")) {
            given().auth().oauth2(token).get("/units").then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aRememberedTokenEndsAtItsExpiryAndNoOtherTokenRidesOnIt() throws InterruptedException {
        String brief = Tokens.expiringIn(3, "auditor", h.province);
        given().auth().oauth2(brief).get("/units/" + h.id(h.county)).then().statusCode(200);
        given().auth().oauth2(brief).get("/units/" + h.id(h.county)).then().statusCode(200); // remembered
        // the same header and claims with a damaged signature is another token: verified, refused
        String forged = brief.substring(0, brief.length() - 4) + (brief.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(forged).get("/units/" + h.id(h.county)).then().statusCode(401);
        Thread.sleep(4_000);
        given().auth().oauth2(brief).get("/units/" + h.id(h.county)).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void rolesAreChecked() {
        for (String role : List.of("auditor", "integration", "inspector", "unit-liaison", "unit-leader")) {
            as(role, h.province).body(unit("533422106000", "TOWNSHIP", h.id(h.county), "越权乡")).post("/units")
                    .then().statusCode(403).contentType("application/problem+json");
            as(role, h.province).get("/units/" + h.id(h.county)).then().statusCode(200);
        }
        as("guest", h.province).get("/units").then().statusCode(403);
        admin(h.province).queryParam("q", "越权乡").get("/units").then().body("items", hasSize(0));
    }

    @Test
    void outsideTheSubtreeEverythingIsNotFound() {
        String townshipA = h.id(h.townshipA);
        admin(h.townshipB).get("/units/" + townshipA).then().statusCode(404)
                .body("type", endsWithType("unit-not-found"));
        admin(h.townshipB).get("/units/by-code/" + h.townshipA).then().statusCode(404);
        admin(h.townshipB).get("/units/" + townshipA + "/children").then().statusCode(404);
        admin(h.townshipB).get("/units/" + townshipA + "/ancestors").then().statusCode(404);
        admin(h.townshipB).get("/units/" + townshipA + "/subtree").then().statusCode(404);
        admin(h.townshipB).body(unit("533422100009", "VILLAGE", townshipA, "越界村")).post("/units").then().statusCode(404);
        admin(h.townshipB).header("If-Match", "\"0\"").body(Map.of("names", Map.of("zh", "改名")))
                .put("/units/" + townshipA).then().statusCode(404);
        admin(h.townshipB).get("/units/" + java.util.UUID.randomUUID()).then().statusCode(404);
        admin(h.townshipB).get("/units").then().statusCode(200).body("items.path", everyItem(hasItem(h.townshipB)))
                .body("items.code", not(hasItem(h.townshipA)));
        admin("999999999999").get("/units").then().statusCode(200).body("items", hasSize(0));
        // and every read of the contract, not only the ones above
        String person = admin(h.county).body(Map.of("role", "STAFF", "nameZh", "次仁", "from", "2025-01-01"))
                .post("/units/" + townshipA + "/people").then().statusCode(201).extract().path("id");
        int checked = org.tuanjie.testing.SecurityMatrix.outsideTheSubtreeIsNotFound(Tokens.of("admin", h.townshipB),
                Map.of("id", townshipA, "code", h.townshipA, "unitId", h.id(h.villageA), "personId", person));
        assertEquals(true, checked >= 10, "reads checked: " + checked);
    }

    @Test
    void forgedCursorsAndNumbersThatDoNotFitAreRefusedOnEveryRead() {
        String domain = admin(h.county).queryParam("owner", h.id(h.county)).get("/domains").then().statusCode(200)
                .extract().path("[0].id");
        java.util.function.UnaryOperator<String> paths = path -> path.replace("/domains/{id}", "/domains/" + domain)
                .replace("{id}", h.id(h.county));
        String token = Tokens.of("admin", h.county);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEquals(10, org.tuanjie.testing.QueryAbuse.forgedCursorsAreRefused(token, paths)),
                () -> assertEquals(18, org.tuanjie.testing.QueryAbuse.numbersThatDoNotFitAreRefused(token, paths)));
    }

    @Test
    void treeReads() {
        admin(h.province).get("/units/" + h.id(h.townshipA) + "/ancestors").then().statusCode(200)
                .body("code", contains(h.province, h.prefecture, h.county, h.townshipA));
        admin(h.county).get("/units/" + h.id(h.townshipA) + "/ancestors").then().statusCode(200)
                .body("code", contains(h.county, h.townshipA));
        admin(h.province).get("/units/" + h.id(h.townshipA) + "/children").then().statusCode(200)
                .body("items.code", hasItems(h.villageA, h.school));
        admin(h.province).queryParam("depth", 1).get("/units/" + h.id(h.county) + "/subtree").then().statusCode(200)
                .body("items.code", hasItems(h.county, h.townshipA, h.townshipB, h.organ))
                .body("items.code", not(hasItem(h.villageA)));
        String township = create(h.province, "533422108000", "TOWNSHIP", h.id(h.county), "计数乡");
        create(h.province, "533422108001", "VILLAGE", township, "计数一村");
        create(h.province, "533422108002", "VILLAGE", township, "计数二村");
        String temple = UnitsApi2.credit("71", "MB0000081");
        create(h.province, temple, "RELIGIOUS_VENUE", township, "计数寺");
        admin(h.province).get("/units/" + township + "/subtree/counts").then().statusCode(200)
                .body("counts.TOWNSHIP", equalTo(1)).body("counts.VILLAGE", equalTo(2))
                .body("counts.RELIGIOUS_VENUE", equalTo(1)).body("counts.SCHOOL", equalTo(0)).body("total", equalTo(4));
        admin(h.province).queryParam("depth", 0).get("/units/" + township + "/subtree/counts").then()
                .body("total", equalTo(1));
        admin(h.province).queryParam("category", "ORGANIZATION").queryParam("subtreeOf", township)
                .get("/units").then().statusCode(200).body("items.code", contains(temple));
        admin(h.province).queryParam("kind", "SCHOOL").queryParam("category", "REGION").get("/units").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void pagesFollowTheLinkHeaderWithoutOverlap() {
        Response first = admin(h.province).queryParam("limit", 3).get("/units");
        first.then().statusCode(200).body("items", hasSize(3)).body("next", notNullValue())
                .header("Link", containsString("rel=\"next\""));
        String link = first.header("Link");
        String nextUrl = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        Response second = given().auth().oauth2(Tokens.of("admin", h.province)).get(nextUrl);
        second.then().statusCode(200).body("items", hasSize(3));
        List<String> a = first.path("items.code");
        List<String> b = second.path("items.code");
        for (String code : b) {
            assertEquals(false, a.contains(code), "pages overlap at " + code);
        }
        admin(h.province).queryParam("limit", 501).get("/units").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        admin(h.province).queryParam("limit", 0).get("/units").then().statusCode(400);
        admin(h.province).queryParam("cursor", "garbage!").get("/units").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void closingKeepsTheUnitReadableAndRefusesWhileChildrenAreOpen() {
        String townshipId = create(h.province, "533422107000", "TOWNSHIP", h.id(h.county), "将撤并乡");
        String villageId = create(h.province, "533422107001", "VILLAGE", townshipId, "将撤并村");
        String townshipEtag = etag("admin", h.province, "/units/" + townshipId);
        Map<String, Object> closure = Map.of("endDate", "2026-12-31", "reason", "撤乡并镇");
        admin(h.province).header("If-Match", townshipEtag).body(closure).post("/units/" + townshipId + "/close")
                .then().statusCode(409).body("type", endsWithType("unit-has-open-children"));
        admin(h.province).header("If-Match", "\"0\"").body(closure).post("/units/" + villageId + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedOn", equalTo("2026-12-31"));
        admin(h.province).header("If-Match", townshipEtag).body(closure).post("/units/" + townshipId + "/close")
                .then().statusCode(200).body("closeReason", equalTo("撤乡并镇"));
        admin(h.province).get("/units/" + townshipId).then().statusCode(200).body("status", equalTo("CLOSED"));
        admin(h.province).queryParam("q", "将撤并").get("/units").then().body("items", hasSize(0));
        admin(h.province).queryParam("q", "将撤并").queryParam("status", "CLOSED").get("/units").then()
                .body("items", hasSize(2));
        admin(h.province).header("If-Match", "\"1\"").body(closure).post("/units/" + villageId + "/close")
                .then().statusCode(409).body("type", endsWithType("unit-closed"));
        admin(h.province).body(unit("533422107002", "VILLAGE", townshipId, "撤后新村")).post("/units")
                .then().statusCode(409);
    }

    @Test
    void onlyTheOfficeOfACodeMayCreateItsRoot() {
        admin("460000000000").body(unit("460000000000", "PROVINCE", null, "海南省")).post("/units")
                .then().statusCode(201).body("depth", equalTo(0));
        admin("460000000000").body(unit("210000000000", "PROVINCE", null, "辽宁省")).post("/units")
                .then().statusCode(403).body("type", endsWithType("root-not-in-jurisdiction"));
    }

    @Test
    void requestIdsAreEchoedAndPutIntoProblems() {
        admin(h.province).header("X-Request-Id", "clerk-call-0042").get("/units/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", equalTo("clerk-call-0042"))
                .body("requestId", equalTo("clerk-call-0042"));
        given().get("/units").then().statusCode(401).header("X-Request-Id", notNullValue());
        admin(h.province).get("/units/not-a-uuid").then().statusCode(404).contentType("application/problem+json")
                .body("detail", notNullValue()).body("trace", nullValue());
    }

    private static org.hamcrest.Matcher<String> endsWithType(String type) {
        return equalTo("/problems/" + type);
    }

    /** Codes built for this class's county (533422). */
    static final class UnitsApi2 {
        static String credit(String prefix, String orgCode) {
            return org.tuanjie.units.UnitsApi.creditCode(prefix + "533422" + orgCode);
        }
    }

    static final class UnitsApiCodes {
        static String wrongCheck() {
            String valid = UnitsApi2.credit("12", "MB0000099");
            char last = valid.charAt(17);
            return valid.substring(0, 17) + (last == '0' ? '1' : '0');
        }
    }
}
