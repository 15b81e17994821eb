package org.tuanjie.units;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tuanjie.testing.Tokens;
import org.tuanjie.units.unit.CreditCode;

/**
 * Test client for units-service: requests as a role of a unit, and fixtures built through the API.
 */
public final class UnitsApi {

    private UnitsApi() {
    }

    public static RequestSpecification as(String role, String unitCode) {
        return given().auth().oauth2(Tokens.of(role, unitCode)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification admin(String unitCode) {
        return as("admin", unitCode);
    }

    public static Map<String, Object> unit(String code, String kind, String parentId, String zh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("kind", kind);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.put("names", Map.of("zh", zh));
        return body;
    }

    /** Creates a unit as the admin of {@code adminUnit} and returns its id. */
    public static String create(String adminUnit, String code, String kind, String parentId, String zh) {
        return create(adminUnit, unit(code, kind, parentId, zh)).extract().path("id");
    }

    public static ValidatableResponse create(String adminUnit, Map<String, Object> body) {
        return admin(adminUnit).body(body).post("/units").then().statusCode(201);
    }

    public static String etag(String role, String unitCode, String path) {
        return as(role, unitCode).get(path).then().statusCode(200).extract().header("ETag");
    }

    /**
     * Records the unit's principal leader 扎西 and liaison 李娜 (since 2026-01-01) as its people, by an admin at
     * {@code adminUnit}: the readiness profile's two people items.
     */
    public static void recordLeaderAndLiaison(String adminUnit, String unitId) {
        for (Map<String, Object> person : List.of(
                Map.<String, Object>of("role", "LEADER", "nameZh", "扎西", "phone", "13800001111", "from", "2026-01-01"),
                Map.<String, Object>of("role", "LIAISON", "nameZh", "李娜", "phone", "13900002222", "from", "2026-01-01"))) {
            admin(adminUnit).body(person).post("/units/" + unitId + "/people").then().statusCode(201);
        }
    }

    /** A readiness profile with every item in place but its people ({@link #recordLeaderAndLiaison}). */
    public static Map<String, Object> completeReadiness() {
        Map<String, Object> body = new HashMap<>();
        body.put("staffCount", 2);
        body.put("staffNames", List.of("卓玛", "王伟"));
        body.put("office", true);
        body.put("officeLocation", "镇政府 2 楼");
        body.put("leadingGroupDocNo", "升镇发〔2026〕3号");
        body.put("leadingGroupDate", "2026-03-01");
        body.put("workPlan", true);
        body.put("signage", true);
        body.put("equipment", true);
        return body;
    }

    /** An activity as its unit files it (ActivityFiling), held on {@code date}, under the indicator codes given. */
    public static Map<String, Object> activity(String kind, String title, String date, String... indicatorCodes) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("date", date);
        body.put("place", "村委会会议室");
        body.put("attendees", 45);
        body.put("summary", "宣讲党的民族政策，发放双语宣传册");
        body.put("indicatorCodes", List.of(indicatorCodes));
        return body;
    }

    /** A document as its unit files it (DocumentFiling), issued on {@code date}. */
    public static Map<String, Object> document(String number, String title, String date, String... indicatorCodes) {
        Map<String, Object> body = new HashMap<>();
        body.put("number", number);
        body.put("title", title);
        body.put("date", date);
        body.put("issuer", "中共德钦县委办公室");
        body.put("indicatorCodes", List.of(indicatorCodes));
        return body;
    }

    /** Files an activity in the dossier of {@code unitId} as {@code role} of {@code unitCode}; returns its id. */
    public static String fileActivity(String role, String unitCode, String unitId, Map<String, Object> activity) {
        return as(role, unitCode).body(activity).post("/units/" + unitId + "/dossier/activities").then().statusCode(201)
                .extract().path("id");
    }

    public static String fileDocument(String role, String unitCode, String unitId, Map<String, Object> document) {
        return as(role, unitCode).body(document).post("/units/" + unitId + "/dossier/documents").then().statusCode(201)
                .extract().path("id");
    }

    /** Creates, fills from a CSV sheet and publishes the catalogue of {@code county} for {@code year}, as its admin. */
    public static String publishCatalogue(String county, String countyId, int year, String sheet) {
        String id = admin(county).body(Map.of("ownerUnitId", countyId, "year", year, "title", "测评指标"))
                .post("/indicator-catalogues").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("admin", county)).contentType("text/csv").header("If-Match", "\"0\"")
                .body(sheet.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/indicator-catalogues/" + id + "/sheet")
                .then().statusCode(200);
        admin(county).header("If-Match", "\"1\"").post("/indicator-catalogues/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** A valid unified social credit code: the given 17 characters plus their check character. */
    public static String creditCode(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }
}
