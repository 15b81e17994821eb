package org.tuanjie.units.indicators;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.units.UnitsApi.activity;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Tokens;
import org.tuanjie.units.Hierarchy;

/**
 * Indicator catalogues through the API: the county office starts a draft, imports its sheet (every bad row reported,
 * nothing half-kept), publishes it, and from then on its units' dossiers are filed only under indicators that apply to
 * them. The figures asserted are those of the sheets written here.
 */
@QuarkusTest
class IndicatorCatalogueApiTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A county's table: two top-level indicators worth 10 and 6; 2.1 is for schools in the "进学校" domain only. */
    private static final String SHEET = """
            指标编号,上级指标,指标名称,藏文名称,分值,适用单位类型,适用领域,评价方式,应有文件数,宣传活动次数,培训次数
            1,,组织领导,,10,,,评审打分,,,
            1.1,1,成立创建工作领导小组并印发文件,,4,,,系统计量,1,,
            1.2,1,开展民族团结宣传教育,,6,乡镇、村/社区、学校,,,,3,1
            2,,民族团结进学校,,6,学校,SCHOOLS,,,2,
            """;

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("83");
            String schools = admin(h.county).get("/domains?owner=" + h.id(h.county)).then().statusCode(200).extract()
                    .path("find { it.code == 'SCHOOLS' }.id");
            admin(h.county).body(Map.of("unitId", h.id(h.school))).post("/domains/" + schools + "/members").then().statusCode(201);
        }
    }

    @Test
    void theCountyOfficeImportsPublishesAndEveryoneBelowReadsIt() {
        String id = draft(h.county, h.county, 2031);
        sheet(h.county, id, "\"0\"", SHEET, false).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("dryRun", equalTo(false)).body("indicators", equalTo(4)).body("leaves", equalTo(3))
                .body("totalPoints", equalTo(16));

        as("unit-liaison", h.villageA).get("/indicator-catalogues/" + id).then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("ownerCode", equalTo(h.county)).body("totalPoints", equalTo(16))
                .body("indicators.code", contains("1", "1.1", "1.2", "2"))
                .body("indicators[0].measuredBy", equalTo("REVIEWER")).body("indicators[1].expectedDocuments", equalTo(1))
                .body("indicators[2].unitKinds", containsInAnyOrder("TOWNSHIP", "VILLAGE", "SCHOOL"))
                .body("indicators[2].measuredBy", equalTo("SUITE"))
                .body("indicators[2].expectedActivities.PUBLICITY", equalTo(3))
                .body("indicators[2].expectedActivities.TRAINING", equalTo(1))
                .body("indicators[3].domains", contains("SCHOOLS")).body("indicators[1].parentCode", equalTo("1"));
        as("auditor", "500000000000").get("/indicator-catalogues/" + id).then().statusCode(404)
                .body("type", endsWithType("catalogue-not-found"));

        admin(h.county).header("If-Match", "\"1\"").post("/indicator-catalogues/" + id + "/publish").then().statusCode(200)
                .body("state", equalTo("PUBLISHED")).body("publishedBy", equalTo("user-admin-" + h.county))
                .body("publishedAt", not(nullValue()));
        sheet(h.county, id, "\"2\"", SHEET.replace("组织领导", "改过的"), false).then().statusCode(409)
                .body("type", endsWithType("catalogue-published"));
        as("auditor", h.county).get("/indicator-catalogues/" + id).then().statusCode(200)
                .body("indicators[0].titles.zh", equalTo("组织领导"));
        admin(h.county).body(Map.of("ownerUnitId", h.id(h.county), "year", 2031, "title", "更正"))
                .post("/indicator-catalogues").then().statusCode(201).body("edition", equalTo(2));

        assertEquals(List.of("1", "1.1", "1.2", "2"), applicable(h.school, 2031));
        assertEquals(List.of("1", "1.1", "1.2"), applicable(h.villageA, 2031), "2 is for schools only");
        assertEquals(List.of("1", "1.1"), applicable(h.temple, 2031), "1.2 names townships, villages and schools");
        as("unit-liaison", h.school).get("/units/" + h.id(h.school) + "/indicators?year=2031").then().statusCode(200)
                .body("catalogue.edition", equalTo(1)).body("catalogue.id", equalTo(id));
        as("unit-liaison", h.school).get("/units/" + h.id(h.school) + "/indicators?year=2040").then().statusCode(200)
                .body("catalogue", nullValue()).body("indicators.size()", equalTo(0));
    }

    @Test
    void aBadSheetIsReportedByLineAndColumnAndChangesNothing() {
        String id = draft(h.county, h.county, 2032);
        sheet(h.county, id, "\"0\"", SHEET, false).then().statusCode(200);
        String bad = """
                指标编号,上级指标,指标名称,分值,适用单位类型,评价方式,宣传活动次数
                1,,组织领导,abc,,,
                1.1,9,成立领导小组,4,,,1
                1.2,1,宣传,6,工厂,,1
                2,,进学校,6,,随便,1
                3,,,2,,,1
                """;
        sheet(h.county, id, "\"1\"", bad, false).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("type", endsWithType("import-invalid"))
                .body("errors.collect { it.line + ' ' + it.field }", contains("2 points", "3 parent_code", "4 unit_kinds",
                        "5 measured_by", "6 title_zh"));
        sheet(h.county, id, "\"1\"", SHEET.replace("1,,组织领导,,10", "1,,组织领导,,12"), false).then().statusCode(400)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("points"))
                .body("errors[0].message", containsString("10"));
        sheet(h.county, id, "\"1\"", SHEET + "3,,\"9+N进\"创建,2,,,1\n", false).then().statusCode(400)
                .body("errors[0].field", equalTo("file")).body("errors[0].line", equalTo(6)); // a quote that does not close
        sheet(h.county, id, "\"0\"", SHEET, false).then().statusCode(412);
        sheet(h.county, id, "\"1\"", SHEET.replace("2,,民族团结进学校", "3,,民族团结进学校"), true).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("indicators", equalTo(4));
        as("auditor", h.county).get("/indicator-catalogues/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("indicators.code", contains("1", "1.1", "1.2", "2"));

        String empty = draft(h.county, h.county, 2033);
        admin(h.county).header("If-Match", "\"0\"").post("/indicator-catalogues/" + empty + "/publish").then().statusCode(422)
                .body("type", endsWithType("catalogue-empty"));
        given().auth().oauth2(Tokens.of("admin", h.county)).contentType("application/pdf").header("If-Match", "\"0\"")
                .body(new byte[] {1, 2}).put("/indicator-catalogues/" + empty + "/sheet").then().statusCode(415);
    }

    @Test
    void anExportedSheetImportsUnchanged() throws Exception {
        String first = draft(h.county, h.county, 2034);
        sheet(h.county, first, "\"0\"", SHEET.replace(",,组织领导,,", ",,组织领导,སྒྲིག་འཛུགས་འགོ་ཁྲིད།,"), false)
                .then().statusCode(200);
        Response xlsx = as("unit-liaison", h.villageA).accept(XLSX).get("/indicator-catalogues/" + first + "/sheet.xlsx");
        xlsx.then().statusCode(200).contentType(startsWith(XLSX))
                .header("Content-Disposition", containsString("filename*=UTF-8''"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet table = workbook.getSheetAt(0);
            assertEquals("指标编号", table.getRow(0).getCell(0).getStringCellValue());
            assertEquals(4, table.getLastRowNum(), "a header and four indicators");
            assertEquals("སྒྲིག་འཛུགས་འགོ་ཁྲིད།", table.getRow(1).getCell(3).getStringCellValue());
        }
        String second = draft(h.county, h.county, 2035);
        given().auth().oauth2(Tokens.of("admin", h.county)).contentType(XLSX).header("If-Match", "\"0\"")
                .body(xlsx.asByteArray()).put("/indicator-catalogues/" + second + "/sheet").then().statusCode(200)
                .body("indicators", equalTo(4));
        byte[] csv = as("auditor", h.county).accept("text/csv").get("/indicator-catalogues/" + second + "/sheet.csv").then()
                .statusCode(200).extract().asByteArray();
        String third = draft(h.county, h.county, 2036);
        given().auth().oauth2(Tokens.of("admin", h.county)).contentType("text/csv").header("If-Match", "\"0\"")
                .body(csv).put("/indicator-catalogues/" + third + "/sheet").then().statusCode(200);
        List<Object> original = indicators(first);
        assertEquals(original, indicators(second), "through .xlsx");
        assertEquals(original, indicators(third), "through CSV");
    }

    @Test
    void onlyTheOwningOfficeOrOneAboveChangesACatalogue() {
        String id = draft(h.county, h.county, 2037);
        as("admin", h.townshipA).get("/indicator-catalogues/" + id).then().statusCode(200);
        sheet(h.townshipA, id, "\"0\"", SHEET, false).then().statusCode(403).body("type", endsWithType("not-permitted"));
        as("admin", h.townshipA).header("If-Match", "\"0\"").post("/indicator-catalogues/" + id + "/publish").then()
                .statusCode(403);
        for (String role : List.of("inspector", "auditor", "unit-leader", "unit-liaison", "integration")) {
            given().auth().oauth2(Tokens.of(role, h.county)).contentType("text/csv").header("If-Match", "\"0\"")
                    .body(SHEET.getBytes(StandardCharsets.UTF_8)).put("/indicator-catalogues/" + id + "/sheet").then()
                    .statusCode(403);
            as(role, h.county).body(Map.of("ownerUnitId", h.id(h.county), "year", 2038, "title", "x"))
                    .post("/indicator-catalogues").then().statusCode(403);
        }
        sheet(h.province, id, "\"0\"", SHEET, false).then().statusCode(200); // an office above
        as("admin", h.townshipA).body(Map.of("ownerUnitId", h.id(h.county), "year", 2038, "title", "县的"))
                .post("/indicator-catalogues").then().statusCode(404);
        String township = draft(h.townshipA, h.townshipA, 2037);
        as("unit-liaison", h.townshipB).get("/indicator-catalogues/" + township).then().statusCode(404);
        as("auditor", h.county).get("/indicator-catalogues/" + township).then().statusCode(200)
                .body("ownerCode", equalTo(h.townshipA));
        admin(h.county).body(Map.of("ownerUnitId", h.id(h.school), "year", 2037, "title", "学校的"))
                .post("/indicator-catalogues").then().statusCode(422).body("type", endsWithType("catalogue-owner-kind"));
        admin(h.county).body(Map.of("ownerUnitId", h.id(h.county), "year", 2037, "title", "第二份草稿"))
                .post("/indicator-catalogues").then().statusCode(409).body("type", endsWithType("catalogue-draft-exists"));
        List<String> seen = as("unit-liaison", h.villageA).get("/indicator-catalogues?year=2037").then().statusCode(200)
                .extract().path("ownerCode");
        assertEquals(List.of(h.county, h.townshipA), seen, "the county's and its own township's, not another's");
    }

    @Test
    void aDossierIsFiledOnlyUnderIndicatorsThatApplyToTheUnit() {
        // a dossier records what was done: dates up to today, so the catalogue is this year's
        publish(h.county, 2026);
        String village = "/units/" + h.id(h.villageA) + "/dossier/activities";
        as("unit-liaison", h.villageA).body(activity("PUBLICITY", "宣传月", "2026-05-01", "1.2")).post(village).then()
                .statusCode(201);
        as("unit-liaison", h.villageA).body(activity("PUBLICITY", "宣传月", "2026-05-02", "1.2", "9.9", "2")).post(village)
                .then().statusCode(400).body("errors.field", contains("indicatorCodes[1]", "indicatorCodes[2]"))
                .body("errors[0].message", containsString("9.9")).body("errors[1].message", containsString(h.villageA));
        as("unit-liaison", h.school).body(activity("SHOWCASE", "进校园", "2026-05-03", "2"))
                .post("/units/" + h.id(h.school) + "/dossier/activities").then().statusCode(201);
        as("unit-liaison", h.villageA).body(activity("PUBLICITY", "宣传月", "2025-05-01", "9.9")).post(village).then()
                .statusCode(201); // no catalogue in force that year: the code's form only

        // the township's own catalogue is nearer to its villages than the county's
        String township = draft(h.townshipA, h.townshipA, 2026);
        sheet(h.townshipA, township, "\"0\"", "指标编号,指标名称,分值,宣传活动次数\nT1,乡镇自定指标,5,1\n", false).then()
                .statusCode(200);
        as("admin", h.townshipA).header("If-Match", "\"1\"").post("/indicator-catalogues/" + township + "/publish").then()
                .statusCode(200);
        as("unit-liaison", h.villageA).body(activity("PUBLICITY", "宣传月", "2026-06-01", "1.2")).post(village).then()
                .statusCode(400);
        as("unit-liaison", h.villageA).body(activity("PUBLICITY", "宣传月", "2026-06-01", "t1")).post(village).then()
                .statusCode(201).body("indicatorCodes", contains("T1"));
        assertEquals(List.of("1", "1.1"), applicable(h.temple, 2026), "township B still follows the county");
    }

    private static String draft(String adminUnit, String owner, int year) {
        return admin(adminUnit).body(Map.of("ownerUnitId", h.id(owner), "year", year, "title", year + "年测评指标"))
                .post("/indicator-catalogues").then().statusCode(201).body("edition", equalTo(1))
                .body("state", equalTo("DRAFT")).body("year", equalTo(year)).extract().path("id");
    }

    private static void publish(String owner, int year) {
        String id = draft(owner, owner, year);
        sheet(owner, id, "\"0\"", SHEET, false).then().statusCode(200);
        admin(owner).header("If-Match", "\"1\"").post("/indicator-catalogues/" + id + "/publish").then().statusCode(200);
    }

    private static List<String> applicable(String unit, int year) {
        return as("auditor", h.county).get("/units/" + h.id(unit) + "/indicators?year=" + year).then().statusCode(200)
                .extract().path("indicators.code");
    }

    private static List<Object> indicators(String catalogue) {
        return as("auditor", h.county).get("/indicator-catalogues/" + catalogue).then().statusCode(200).extract()
                .path("indicators");
    }

    private static org.hamcrest.Matcher<String> endsWithType(String type) {
        return org.hamcrest.Matchers.endsWith("/" + type);
    }

    private static Response sheet(String adminUnit, String id, String etag, String csv, boolean dryRun) {
        return given().auth().oauth2(Tokens.of("admin", adminUnit)).contentType("text/csv").header("If-Match", etag)
                .accept("application/json").body(csv.getBytes(StandardCharsets.UTF_8))
                .put("/indicator-catalogues/" + id + "/sheet" + (dryRun ? "?dryRun=true" : ""));
    }
}
