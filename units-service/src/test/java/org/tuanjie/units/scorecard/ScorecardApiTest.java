package org.tuanjie.units.scorecard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.UnitsApi;

/**
 * A village's scorecard through the API, against a catalogue the county publishes this year: the figures asserted are
 * worked out from the sheet and the entries filed here. Who may score on whose behalf is checked against the rule:
 * the unit scores itself; the office whose catalogue it is reviews, never the unit nor the township above it.
 */
@QuarkusTest
class ScorecardApiTest {

    /** 1.1: 4 points for one document; 1.2: 6 points for three publicity activities and a training; 2: schools only. */
    private static final String SHEET = """
            指标编号,上级指标,指标名称,分值,适用单位类型,评价方式,应有文件数,宣传活动次数,培训次数
            1,,组织领导,10,,评审打分,,,
            1.1,1,成立创建工作领导小组并印发文件,4,,系统计量,1,,
            1.2,1,开展民族团结宣传教育,6,,系统计量,,3,1
            2,,民族团结进学校,6,学校,评审打分,,,
            """;

    private static Hierarchy h;
    private static int year;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("84");
            year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            UnitsApi.publishCatalogue(h.county, h.id(h.county), year, SHEET);
        }
    }

    @Test
    void theVillageSeesWhatItHasSecuredWhatItMissesAndWhy() {
        String village = h.id(h.villageA);
        String jan = year + "-01-10";
        fileDocument("unit-liaison", h.villageA, village, document("阿东村发〔" + year + "〕1号", "成立领导小组", jan, "1.1"));
        fileActivity("unit-liaison", h.villageA, village, activity("PUBLICITY", "宣传一", jan, "1.2"));
        fileActivity("unit-liaison", h.villageA, village, activity("PUBLICITY", "宣传二", jan, "1.2"));
        fileActivity("unit-liaison", h.villageA, village, activity("PUBLICITY", "上一年的", (year - 1) + "-12-30", "1.2"));

        as("unit-liaison", h.villageA).header("Accept-Language", "zh-CN").get("/units/" + village + "/scorecard").then()
                .statusCode(200).body("year", equalTo(year)).body("catalogue.ownerCode", equalTo(h.county))
                .body("points", equalTo(10)).body("secured", equalTo(4)).body("atRisk", equalTo(0)).body("missing", equalTo(6))
                .body("ready", equalTo(false))
                .body("indicators.code", equalTo(List.of("1", "1.1", "1.2")))
                .body("indicators[1].status", equalTo("SECURED")).body("indicators[1].onFile.documents", equalTo(1))
                .body("indicators[2].status", equalTo("MISSING_EVIDENCE"))
                .body("indicators[2].onFile.activities.PUBLICITY", equalTo(2)) // last year's does not count
                .body("indicators[2].lacking.activities.PUBLICITY", equalTo(1))
                .body("indicators[2].lacking.activities.TRAINING", equalTo(1))
                .body("indicators[0].points", equalTo(10)).body("indicators[0].status", equalTo("INCOMPLETE"))
                .body("reasons.kind", hasItem("READINESS_INCOMPLETE"))
                .body("reasons.find { it.kind == 'MISSING_EVIDENCE' }.message", equalTo("指标 1.2：尚缺宣传活动 1 次、培训 1 次"));
        as("unit-liaison", h.villageA).header("Accept-Language", "en").get("/units/" + village + "/scorecard").then()
                .body("reasons.find { it.kind == 'MISSING_EVIDENCE' }.message", containsString("still lacking"));

        // the day before the county published, there was nothing to be judged by
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        as("auditor", h.county).get("/units/" + village + "/scorecard?asOf=" + yesterday).then().statusCode(200)
                .body("catalogue", nullValue()).body("reasons[0].kind", equalTo("NO_CATALOGUE")).body("ready", equalTo(false));

        // the village scores itself; the county's inspector decides
        as("unit-leader", h.villageA).body(Map.of("code", "1.2", "score", 6, "note", "宣传到位")).post("/units/" + village
                + "/scorecard/self-scores").then().statusCode(201).body("kind", equalTo("SELF"))
                .body("recordedBy", equalTo("user-unit-leader-" + h.villageA));
        as("inspector", h.county).body(Map.of("code", "1.2", "score", 4.5)).post("/units/" + village + "/scorecard/reviews")
                .then().statusCode(201).body("kind", equalTo("REVIEW"));
        as("auditor", h.county).get("/units/" + village + "/scorecard").then()
                .body("secured", equalTo(8.5F)).body("missing", equalTo(1.5F))
                .body("indicators[2].status", equalTo("PARTIAL")).body("indicators[2].selfScore", equalTo(6))
                .body("indicators[2].reviewScore", equalTo(4.5F));
    }

    @Test
    void theUnitScoresItselfAndOnlyTheJudgingOfficeReviews() {
        String village = "/units/" + h.id(h.villageB) + "/scorecard/";
        Map<String, Object> score = Map.of("code", "1.1", "score", 3);
        as("admin", h.townshipB).body(score).post(village + "reviews").then().statusCode(403)
                .body("type", equalTo("/problems/not-permitted")); // the township sits under the county's catalogue
        as("inspector", h.townshipB).body(score).post(village + "reviews").then().statusCode(403);
        as("unit-liaison", h.villageB).body(score).post(village + "reviews").then().statusCode(403);
        as("admin", h.county).body(score).post("/units/" + h.id(h.county) + "/scorecard/reviews").then().statusCode(403)
                .body("type", equalTo("/problems/not-permitted")); // nobody reviews their own unit
        as("inspector", h.province).body(score).post(village + "reviews").then().statusCode(201); // an office above

        as("inspector", h.county).body(score).post(village + "self-scores").then().statusCode(403);
        as("auditor", h.county).body(score).post(village + "self-scores").then().statusCode(403);
        as("unit-liaison", h.townshipB).body(score).post(village + "self-scores").then().statusCode(403)
                .body("type", equalTo("/problems/not-own-unit"));
        as("unit-liaison", h.townshipA).body(score).post(village + "self-scores").then().statusCode(404);
        as("unit-liaison", h.townshipA).get("/units/" + h.id(h.villageB) + "/scorecard").then().statusCode(404);

        as("inspector", h.county).body(Map.of("code", "1.1", "score", 5)).post(village + "reviews").then().statusCode(400)
                .body("errors[0].field", equalTo("score"));
        as("inspector", h.county).body(Map.of("code", "1", "score", 5)).post(village + "reviews").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        as("inspector", h.county).body(Map.of("code", "2", "score", 5)).post(village + "reviews").then().statusCode(400)
                .body("errors[0].message", containsString(h.villageB)); // for schools only
        as("inspector", h.county).body(Map.of("code", "1.1", "score", 1, "year", year + 3)).post(village + "reviews").then()
                .statusCode(422).body("type", equalTo("/problems/no-catalogue"));
        as("unit-liaison", h.villageA).get("/units/" + h.id(h.villageA) + "/scorecard?year=" + (year + 3)).then()
                .statusCode(200).body("catalogue", nullValue()).body("points", equalTo(0));
    }

    @Test
    void aFindingNotYetRectifiedPutsWhatWasEarnedAtRiskAndAnOutageOfTasksSaysSo() {
        String school = h.id(h.school);
        fileDocument("unit-liaison", h.school, school, document("小学发〔" + year + "〕1号", "成立领导小组", year + "-01-11", "1.1"));
        tasks("open/" + school, "[{\"code\": \"1\", \"open\": 2}]"); // a finding names the parent: its leaves are at risk
        as("unit-leader", h.school).get("/units/" + school + "/scorecard").then().statusCode(200)
                .body("points", equalTo(16)).body("secured", equalTo(0)).body("atRisk", equalTo(4))
                .body("indicators.find { it.code == '1.1' }.status", equalTo("AT_RISK"))
                .body("indicators.find { it.code == '1.1' }.openFindings", equalTo(2))
                .body("reasons.kind", hasItem("OPEN_FINDINGS"));
        tasks("mode", "down");
        try {
            as("unit-leader", h.school).get("/units/" + school + "/scorecard").then().statusCode(200)
                    .body("atRisk", equalTo(0)).body("secured", equalTo(4)).body("reasons.kind", hasItem("FINDINGS_UNKNOWN"))
                    .body("ready", equalTo(false));
        } finally {
            tasks("mode", "up");
        }
        tasks("open/" + school, "[]"); // rectified
        as("unit-leader", h.school).get("/units/" + school + "/scorecard").then()
                .body("secured", equalTo(4)).body("atRisk", equalTo(0));
    }

    private static void tasks(String what, String body) {
        given().baseUri(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.rest-client.tasks.url",
                String.class)).body(body).post("/__admin/" + what).then().statusCode(204);
    }
}
