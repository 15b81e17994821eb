package org.tuanjie.units.scorecard;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tuanjie.units.UnitsApi.activity;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.document;
import static org.tuanjie.units.UnitsApi.fileActivity;
import static org.tuanjie.units.UnitsApi.fileDocument;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.UnitsApi;

/**
 * A county's scorecards added up, with figures worked out by hand from the sheet: every unit is judged by 1.1 (4
 * points, one document) and 1.2 (6 points, three publicity activities and a training); schools also by 2 (6 points,
 * reviewed). The county, its two townships, two villages and the temple: 10 points each; the school 16; the organ 10.
 */
@QuarkusTest
class ScorecardRollupApiTest {

    private static final String SHEET = """
            指标编号,上级指标,指标名称,分值,适用单位类型,评价方式,应有文件数,宣传活动次数,培训次数
            1,,组织领导,10,,评审打分,,,
            1.1,1,成立创建工作领导小组并印发文件,4,,系统计量,1,,
            1.2,1,开展民族团结宣传教育,6,,系统计量,,3,1
            2,,民族团结进学校,6,学校,评审打分,,,
            """;

    private static Hierarchy h;

    @BeforeEach
    void county() {
        if (h != null) {
            return;
        }
        h = new Hierarchy("85");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        UnitsApi.publishCatalogue(h.county, h.id(h.county), year, SHEET);
        String jan = year + "-01-15";
        // the village secures 1.1; the organ secures 1.1 and 1.2
        fileDocument("unit-liaison", h.villageA, h.id(h.villageA), document("阿东村发〔" + year + "〕1号", "领导小组", jan, "1.1"));
        fileDocument("unit-liaison", h.organ, h.id(h.organ), document("统战发〔" + year + "〕1号", "领导小组", jan, "1.1"));
        for (String kind : new String[] {"PUBLICITY", "PUBLICITY", "PUBLICITY", "TRAINING"}) {
            fileActivity("unit-liaison", h.organ, h.id(h.organ), activity(kind, "活动", jan, "1.2"));
        }
        String schools = admin(h.county).get("/domains?owner=" + h.id(h.county)).then().extract()
                .path("find { it.code == 'SCHOOLS' }.id");
        admin(h.county).body(Map.of("unitId", h.id(h.school))).post("/domains/" + schools + "/members").then().statusCode(201);
    }

    @Test
    void theCountyAddsUpItsTownshipsAndDepartmentsWithTheSpreadBetweenThem() {
        as("auditor", h.county).get("/units/" + h.id(h.county) + "/scorecard/rollup").then().statusCode(200)
                .body("total.units", equalTo(8)).body("total.points", equalTo(86)).body("total.secured", equalTo(14))
                .body("total.missing", equalTo(72)).body("total.ready", equalTo(0)).body("findingsKnown", equalTo(true))
                .body("regions.code", contains(h.townshipA, h.townshipB))
                .body("regions[0].totals.units", equalTo(3)).body("regions[0].totals.points", equalTo(36))
                .body("regions[0].totals.secured", equalTo(4)).body("regions[0].totals.securedRate", equalTo(0.1111F))
                .body("regions[1].totals.points", equalTo(30)).body("regions[1].totals.secured", equalTo(0))
                .body("regionSpread.groups", equalTo(2)).body("regionSpread.mean", equalTo(0.0556F))
                .body("regionSpread.standardDeviation", equalTo(0.0556F)).body("regionSpread.coefficientOfVariation", equalTo(1.0F))
                .body("departments.code", contains(h.organ)).body("departments[0].totals.securedRate", equalTo(1.0F))
                .body("departmentSpread.groups", equalTo(1)).body("departmentSpread.standardDeviation", equalTo(0.0F))
                .body("domains.code", contains("SCHOOLS")).body("domains[0].totals.units", equalTo(1))
                .body("domains[0].totals.points", equalTo(16));
    }

    @Test
    void aTownshipAddsUpItsOwnAndNobodyElseReadsIt() {
        as("admin", h.townshipA).get("/units/" + h.id(h.townshipA) + "/scorecard/rollup").then().statusCode(200)
                .body("total.units", equalTo(3)).body("regions.code", contains(h.villageA))
                .body("departments.code", contains(h.school));
        as("unit-liaison", h.townshipB).get("/units/" + h.id(h.townshipA) + "/scorecard/rollup").then().statusCode(404);
        as("unit-liaison", h.townshipB).get("/units/" + h.id(h.county) + "/scorecard/rollup").then().statusCode(404);
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        as("auditor", h.county).get("/units/" + h.id(h.county) + "/scorecard/rollup?asOf=" + yesterday).then().statusCode(200)
                .body("total.units", equalTo(8)).body("total.points", equalTo(0)).body("regionSpread.coefficientOfVariation", nullValue());
    }

    @Test
    void aDayThatCannotBeReadSaysTheFormExpected() {
        as("auditor", h.county).get("/units/" + h.id(h.county) + "/scorecard?asOf=2026-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("YYYY-MM-DD"));
        as("unit-liaison", h.villageB).body(activity("PUBLICITY", "宣传", "2026/05/12", "1.2"))
                .post("/units/" + h.id(h.villageB) + "/dossier/activities").then().statusCode(400)
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("YYYY-MM-DD"));
    }
}
