package org.tuanjie.units.scorecard;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.document;
import static org.tuanjie.units.UnitsApi.fileDocument;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.TestDatabase;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.UnitsApi;

/**
 * A scorecard read again after any write it depends on shows that write, though the service keeps what it read
 * before: each kind of write through the API, and writes the service did not make itself (another replica's, an
 * operator's SQL), read both as one unit's card and in its county's roll-up. The expected points are worked out from
 * the sheet below.
 */
@QuarkusTest
class ScorecardFreshnessTest {

    /** 1: 4 points for one document (every unit); 2: 6 points for one document, members of SCHOOLS; 3: 5, schools. */
    private static final String SHEET = """
            指标编号,上级指标,指标名称,分值,适用单位类型,适用领域,评价方式,应有文件数
            1,,组织领导,4,,,系统计量,1
            2,,民族团结进学校,6,,SCHOOLS,系统计量,1
            3,,学校专项,5,学校,,系统计量,1
            """;

    private static Hierarchy h;
    private static int year;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("86");
            year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            UnitsApi.publishCatalogue(h.county, h.id(h.county), year, SHEET);
        }
    }

    @Test
    void everyWriteAScorecardDependsOnShowsAtTheNextRead() {
        String village = h.id(h.villageA);
        card(village).body("points", equalTo(4)).body("secured", equalTo(0));
        Map<String, Object> total = rollup();

        String doc = fileDocument("unit-liaison", h.villageA, village, document("阿东村发〔" + year + "〕7号", "领导小组",
                year + "-01-05", "1"));
        card(village).body("secured", equalTo(4)).body("missing", equalTo(0));
        rollupSecured(total, 4);

        as("unit-liaison", h.villageA).header("If-Match", "\"0\"").body(Map.of("reason", "文号有误"))
                .post("/documents/" + doc + "/withdraw").then().statusCode(200);
        card(village).body("secured", equalTo(0)).body("missing", equalTo(4));
        rollupSecured(total, 0);

        String schools = admin(h.county).queryParam("owner", h.id(h.county)).get("/domains").then().statusCode(200)
                .extract().path("find { it.code == 'SCHOOLS' }.id");
        admin(h.county).body(Map.of("unitId", village)).post("/domains/" + schools + "/members").then().statusCode(201);
        card(village).body("points", equalTo(10)).body("indicators.code", hasItem("2"));
        String etag = admin(h.county).get("/domains/" + schools).header("ETag");
        admin(h.county).header("If-Match", etag).delete("/domains/" + schools + "/members/" + village).then().statusCode(204);
        card(village).body("points", equalTo(4));

        as("inspector", h.county).body(Map.of("code", "1", "score", 2.5)).post("/units/" + village + "/scorecard/reviews")
                .then().statusCode(201);
        card(village).body("secured", equalTo(2.5F)).body("indicators[0].status", equalTo("PARTIAL"));

        card(village).body("reasons.kind", hasItem("READINESS_INCOMPLETE"));
        admin(h.county).header("If-Match", "\"0\"").body(UnitsApi.completeReadiness()).put("/units/" + village + "/readiness")
                .then().statusCode(200);
        UnitsApi.recordLeaderAndLiaison(h.county, village);
        card(village).body("reasons.kind", not(hasItem("READINESS_INCOMPLETE")));
    }

    @Test
    void writesTheServiceDidNotMakeShowToo() throws Exception {
        String village = h.id(h.villageB);
        card(village).body("points", equalTo(4)).body("secured", equalTo(0));
        Map<String, Object> total = rollup();
        // as another replica, or an operator correcting data, would: straight into the database
        TestDatabase.update("""
                insert into dossier_entry (id, entry_type, unit_id, kind, entry_date, title, indicator_codes, doc_number, issuer,
                    created_at, created_by, updated_at, updated_by, version)
                values (gen_random_uuid(), 'DOCUMENT', '%s', 'DOCUMENT', date '%d-02-01', '补录文件', array['1'], '补〔1〕号', '县委办',
                    now(), 'operator', now(), 'operator', 0)""".formatted(village, year));
        card(village).body("secured", equalTo(4));
        rollupSecured(total, 4);

        TestDatabase.update("update unit set kind = 'SCHOOL' where id = '%s'".formatted(village));
        try {
            card(village).body("points", equalTo(9)).body("indicators.code", equalTo(List.of("1", "3")));
        } finally {
            TestDatabase.update("update unit set kind = 'VILLAGE' where id = '%s'".formatted(village));
        }
        card(village).body("points", equalTo(4));
    }

    private static ValidatableResponse card(String unitId) {
        return as("auditor", h.county).get("/units/" + unitId + "/scorecard").then().statusCode(200);
    }

    private static Map<String, Object> rollup() {
        return as("auditor", h.county).get("/units/" + h.id(h.county) + "/scorecard/rollup").then().statusCode(200)
                .extract().path("total");
    }

    /** The county's roll-up secures {@code more} points over what it did at {@code before}. */
    private static void rollupSecured(Map<String, Object> before, int more) {
        Number now = as("auditor", h.county).get("/units/" + h.id(h.county) + "/scorecard/rollup").then().statusCode(200)
                .extract().path("total.secured");
        assertEquals(((Number) before.get("secured")).doubleValue() + more, now.doubleValue(), 0.001);
    }
}
