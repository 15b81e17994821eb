package org.tuanjie.tasks;

import org.tuanjie.testing.FakeCounty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.testing.FakeCounty.as;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The source report's story, end to end: a March inspection by two groups over units of three
 * townships, findings in several categories, and tasks that end verified, rejected and
 * resubmitted, extended, and overdue. The figures and the ledger must then show exactly what the
 * test itself counted.
 */
@QuarkusTest
class ReportStoryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void theFiguresAndTheLedgerShowWhatHappened() throws IOException {
        FakeCounty c = new FakeCounty("513222");
        String a = c.townships.get(0);
        String b = c.townships.get(1);
        String cc = c.townships.get(2);
        String inspectionId = inspection(c.county, List.of(c.id(c.villages.get(0)), c.id(c.schools.get(0)),
                c.id(c.villages.get(1)), c.id(c.schools.get(1)), c.id(c.villages.get(2)), c.id(c.publicity)));

        // what the test expects, counted as it goes: township → [total, verified, overdue]
        Map<String, int[]> expected = new HashMap<>();
        Map<String, int[]> byCategory = new HashMap<>();
        List<String> ids = new ArrayList<>();

        // township A: two tasks, both verified, one after a rejection and resubmission
        String a1 = story(c, inspectionId, c.villages.get(0), "PUBLICITY", TODAY.plusDays(20), ids);
        work(c, c.villages.get(0), a1, false);
        String a2 = story(c, inspectionId, c.schools.get(0), "LEADERSHIP", TODAY.plusDays(20), ids);
        work(c, c.schools.get(0), a2, true);
        count(expected, a, true, false);
        count(expected, a, true, false);
        count(byCategory, "PUBLICITY", true, false);
        count(byCategory, "LEADERSHIP", true, false);

        // township B: one verified, one extended and still open, one overdue
        String b1 = story(c, inspectionId, c.villages.get(1), "GUARANTEES", TODAY.plusDays(5), ids);
        work(c, c.villages.get(1), b1, false);
        String b2 = story(c, inspectionId, c.schools.get(1), "PUBLICITY", TODAY.plusDays(2), ids);
        String ext = as("unit-liaison", c.schools.get(1))
                .body(Map.of("reason", "需招标", "requestedDeadline", TODAY.plusDays(40).toString()))
                .post("/tasks/" + b2 + "/extensions").then().statusCode(201).extract().path("id");
        as("inspector", c.county).header("If-Match", "\"0\"").body(Map.of("approve", true))
                .post("/tasks/" + b2 + "/extensions/" + ext + "/decision").then().statusCode(200);
        String b3 = story(c, inspectionId, c.villages.get(1), "CAPACITY", TODAY.minusDays(3), ids);
        act("unit-liaison", c.villages.get(1), b3, "start", null, 200);
        count(expected, b, true, false);
        count(expected, b, false, false);
        count(expected, b, false, true);
        count(byCategory, "GUARANTEES", true, false);
        count(byCategory, "PUBLICITY", false, false);
        count(byCategory, "CAPACITY", false, true);

        // township C: one task, overdue and untouched
        story(c, inspectionId, c.villages.get(2), "ATMOSPHERE", TODAY.minusDays(10), ids);
        count(expected, cc, false, true);
        count(byCategory, "ATMOSPHERE", false, true);

        // a county department: verified, outside any township
        String d1 = story(c, inspectionId, c.publicity, "COORDINATION", TODAY.plusDays(30), ids);
        work(c, c.publicity, d1, false);
        count(byCategory, "COORDINATION", true, false);

        as("admin", c.county).post("/tasks/overdue-check").then().statusCode(200);

        // figures by township, computed independently
        JsonPath league = as("auditor", c.county).get("/figures/townships").then().statusCode(200).extract().jsonPath();
        List<String> order = league.getList("townships.key");
        assertEquals(List.of(a, b, cc), order, "best closure rate first");
        for (String township : List.of(a, b, cc)) {
            int[] e = expected.get(township);
            Map<String, Object> row = league.getMap("townships.find { it.key == '" + township + "' }");
            assertEquals(e[0], ((Number) row.get("total")).intValue(), township);
            assertEquals(e[1], ((Number) row.get("verified")).intValue(), township);
            assertEquals(e[0] - e[1], ((Number) row.get("open")).intValue(), township);
            assertEquals(e[2], ((Number) row.get("overdue")).intValue(), township);
            assertEquals((double) e[1] / e[0], ((Number) row.get("closureRate")).doubleValue(), 1e-4);
        }
        List<Double> rates = List.of(1.0, 1.0 / 3, 0.0);
        double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(rates.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / rates.size());
        assertEquals(round4(sd / mean), league.getDouble("spread.coefficientOfVariation"), 1e-4);
        assertEquals(3, league.getInt("spread.townships"));

        // figures by category and in total
        JsonPath figures = as("auditor", c.county).queryParam("by", "CATEGORY").get("/figures").then().statusCode(200)
                .extract().jsonPath();
        byCategory.forEach((category, e) -> {
            Map<String, Object> row = figures.getMap("rows.find { it.key == '" + category + "' }");
            assertEquals(e[0], ((Number) row.get("total")).intValue(), category);
            assertEquals(e[1], ((Number) row.get("verified")).intValue(), category);
            assertEquals(e[2], ((Number) row.get("overdue")).intValue(), category);
        });
        assertEquals("宣传", figures.getString("rows.find { it.key == 'PUBLICITY' }.name"), "a category by its word");
        as("auditor", c.county).header("Accept-Language", "en").queryParam("by", "CATEGORY").get("/figures").then()
                .body("rows.find { it.key == 'PUBLICITY' }.name", equalTo("publicity"));
        // by township, the department's task is a row of its own, named, not a row of nulls
        as("auditor", c.county).queryParam("by", "TOWNSHIP").get("/figures").then().statusCode(200)
                .body("rows.find { it.key == null }.name", equalTo("县直部门等不属乡镇的单位"))
                .body("rows.find { it.key == null }.total", equalTo(1))
                .body("rows.find { it.key == null }.verified", equalTo(1));
        // each warning colour, in the figures and in the task list alike (open tasks: b3 and C's red, b2 extended green)
        Map.of("RED", 2, "YELLOW", 0, "GREEN", 1).forEach((light, n) -> {
            as("auditor", c.county).queryParam("warning", light).get("/figures").then().statusCode(200)
                    .body("total.total", equalTo(n));
            as("auditor", c.county).queryParam("warning", light).get("/tasks").then().statusCode(200)
                    .body("items.size()", equalTo(n));
        });
        assertEquals(ids.size(), figures.getInt("total.total"));
        assertEquals(4, figures.getInt("total.verified"));
        assertEquals(2, figures.getInt("total.overdue"));
        assertEquals(0.0, figures.getDouble("total.medianDaysToClose"), 0.1, "closed the day they were assigned");

        // by inspection, and a "9+N" domain (schools) whose members come from units-service
        as("auditor", c.county).queryParam("by", "INSPECTION").get("/figures").then()
                .body("rows[0].key", equalTo(inspectionId)).body("rows[0].name", equalTo("2026年3月民族团结进步创建工作督查"))
                .body("rows[0].total", equalTo(ids.size()));
        String schools = java.util.UUID.randomUUID().toString();
        c.domain(schools, List.of(c.schools.get(0), c.schools.get(1), c.schools.get(2)));
        as("auditor", c.county).get("/figures/domains/" + schools).then().statusCode(200)
                .body("memberUnits", equalTo(3)).body("total.total", equalTo(2)).body("total.verified", equalTo(1));
        as("auditor", c.county).get("/figures/domains/" + java.util.UUID.randomUUID()).then().statusCode(404);

        // the ledger, as CSV and as .xlsx, row for row the task list
        JsonPath list = as("auditor", c.county).queryParam("limit", 500).get("/tasks").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = list.getList("items");
        assertEquals(ids.size(), items.size());

        byte[] csv = as("auditor", c.county).accept("text/csv").get("/ledger.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)).getRecords();
        assertEquals(items.size(), records.size());
        for (int i = 0; i < items.size(); i++) {
            assertLine(items.get(i), records.get(i).get("责任单位"), records.get(i).get("整改时限"),
                    records.get(i).get("状态"), records.get(i).get("销号人"), records.get(i).get("整改措施"));
        }

        // what the suite adds to the ledger, checked on the extended task and on an overdue one
        Map<String, CSVRecord> byTitle = new HashMap<>();
        records.forEach(r -> byTitle.put(r.get("问题/任务"), r));
        CSVRecord extended = byTitle.get(as("auditor", c.county).get("/tasks/" + b2).then().extract().<String>path("title"));
        assertEquals(TODAY.plusDays(2).toString(), extended.get("原定时限"));
        assertEquals(TODAY.plusDays(40).toString(), extended.get("整改时限"));
        assertEquals(TODAY.plusDays(2) + "→" + TODAY.plusDays(40) + "（已批准）", extended.get("延期情况"));
        assertEquals("否", extended.get("是否逾期"));
        assertEquals(as("auditor", c.county).get("/inspections/" + inspectionId).then().extract().<String>path("title"),
                extended.get("督查"));
        assertEquals(as("auditor", c.county).get("/findings/" + as("auditor", c.county).get("/tasks/" + b2).then().extract()
                .<String>path("findingId")).then().extract().<String>path("description"), extended.get("问题描述"));
        assertEquals(overdueCount(items), records.stream().filter(r -> r.get("是否逾期").equals("是")).count());
        String disposition = as("auditor", c.county).accept("text/csv").get("/ledger.csv").header("Content-Disposition");
        assertTrue(disposition.contains("filename*=UTF-8''" + java.net.URLEncoder.encode("整改台账_县513222_" + TODAY,
                StandardCharsets.UTF_8)), disposition);

        byte[] xlsx = as("auditor", c.county).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/ledger.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("整改台账");
            DataFormatter text = new DataFormatter();
            Row header = sheet.getRow(0);
            assertEquals("责任单位", text.formatCellValue(header.getCell(1)));
            assertEquals("销号人", text.formatCellValue(header.getCell(12)));
            assertEquals(items.size(), sheet.getLastRowNum());
            for (int i = 0; i < items.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertEquals(Integer.toString(i + 1), text.formatCellValue(row.getCell(0)));
                assertLine(items.get(i), text.formatCellValue(row.getCell(1)), text.formatCellValue(row.getCell(8)),
                        text.formatCellValue(row.getCell(9)), text.formatCellValue(row.getCell(12)),
                        text.formatCellValue(row.getCell(6)));
            }
        }
        // the ledger takes the list's filters, and the caller's jurisdiction
        byte[] ofB = as("auditor", c.county).accept("text/csv").queryParam("township", b).get("/ledger.csv").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(1 + 3, new String(ofB, StandardCharsets.UTF_8).strip().split("\r\n").length);
        byte[] otherTownship = as("auditor", a).accept("text/csv").queryParam("township", b).get("/ledger.csv").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(1, new String(otherTownship, StandardCharsets.UTF_8).strip().split("\r\n").length);
    }

    private static void assertLine(Map<String, Object> item, String unit, String deadline, String state,
            String verifiedBy, String measures) {
        Map<String, String> states = Map.of("ASSIGNED", "已交办", "IN_PROGRESS", "整改中", "SUBMITTED", "待验收",
                "VERIFIED", "已销号", "REJECTED", "验收未通过", "HANDED_BACK", "已退办");
        assertEquals(((Map<?, ?>) item.get("unit")).get("name"), unit);
        assertEquals(item.get("deadline"), deadline);
        assertEquals(states.get((String) item.get("state")), state);
        assertEquals(item.get("verifiedBy") == null ? "" : item.get("verifiedBy"), verifiedBy);
        assertEquals(item.get("measures"), measures);
    }

    private static String story(FakeCounty c, String inspectionId, String unitCode, String category, LocalDate deadline,
            List<String> ids) {
        String id = task(c.county, finding(c.county, inspectionId, c.id(unitCode), category), deadline);
        ids.add(id);
        return id;
    }

    /** The unit works the task; the county's inspector signs it off, after one rejection if asked. */
    private static void work(FakeCounty c, String unitCode, String taskId, boolean rejectFirst) {
        act("unit-liaison", unitCode, taskId, "start", null, 200);
        act("unit-liaison", unitCode, taskId, "submit", Map.of("completionReport", "已整改"), 200);
        if (rejectFirst) {
            act("inspector", c.county, taskId, "reject", Map.of("reason", "材料不全"), 200);
            act("unit-liaison", unitCode, taskId, "start", null, 200);
            act("unit-liaison", unitCode, taskId, "submit", Map.of("completionReport", "已补充材料"), 200);
        }
        act("inspector", c.county, taskId, "verify", null, 200);
    }

    private static void count(Map<String, int[]> counts, String key, boolean verified, boolean overdue) {
        int[] e = counts.computeIfAbsent(key, k -> new int[3]);
        e[0]++;
        e[1] += verified ? 1 : 0;
        e[2] += overdue ? 1 : 0;
    }

    private static double round4(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    private static long overdueCount(List<Map<String, Object>> items) {
        return items.stream().filter(i -> Boolean.TRUE.equals(i.get("overdue"))).count();
    }
}
