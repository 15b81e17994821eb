package org.tuanjie.tasks.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/**
 * A county that adopts the suite mid-campaign brings its ledger in: the history keeps its own dates (median days to
 * close, the timeline), the timeline says when and by whom it was brought in, and a bad file changes nothing.
 */
@QuarkusTest
class LedgerImportTest {

    private static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.now(COUNTY_TIME);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "序号,单位代码,问题类别,问题/任务,整改措施,责任人,整改时限,状态,督查,督查日期,发现日期,交办日期,"
            + "报送日期,销号日期,销号人,问题描述,测评指标,整改完成情况,配合单位,原定时限\n";

    @Test
    void bringsALedgerInWithItsHistoricalDates() {
        FakeCounty c = new FakeCounty("513261");
        int year = TODAY.minusDays(50).getYear(); // the year the finding naming it was made
        c.judgedBy(c.publicity, year, "A1", "A1.1");
        String csv = HEADER
                + line(1, c.villages.get(0), "宣传", "未设置宣传栏", "PUBLICITY", d(10), "已销号", "2026年督查", d(100), d(100),
                        d(98), d(80), d(78), "王芳", "", "", "已设置宣传栏三处", "", "")
                + line(2, c.schools.get(0), "领导重视", "未成立领导小组", "LEADERSHIP", d(10), "", "2026年督查", "", d(100),
                        d(100), "", d(90), "", "", "", "", "", "")
                + line(3, c.villages.get(1), "基本保障", "办公室无标识", "GUARANTEES", TODAY.plusDays(10).toString(), "整改中",
                        "", "", "", d(60), "", "", "", "", "", "", "", "")
                + line(4, c.publicity, "创建水平", "指标理解有误", "CAPACITY", d(1), "待验收", "2026年督查", "", d(50), "",
                        d(5), "", "", "档案归类错误", "a1.1", "已重新归档", "县教育局（" + c.education + "）", d(20))
                + line(5, c.villages.get(2), "宣传", "宣传标语缺失", "PUBLICITY", d(5), "已销号", "", "", "", d(40), "",
                        d(10), "", "", "", "", "", "");
        JsonPath result = post(as("clerk-513261", "admin", c.county), csv.getBytes(StandardCharsets.UTF_8), "text/csv", false)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(5, result.getInt("rows"));
        assertEquals(5, result.getInt("tasks"));
        assertEquals(3, result.getInt("findings"), "lines naming an inspection");
        assertEquals(1, result.getInt("inspections"), "one 督查 title");
        assertEquals(3, result.getInt("verified"));
        String importId = result.getString("importId");

        // closed in 20, 10 and 30 days, counted from the ledger's days: the median is 20
        as("auditor", c.county).get("/figures").then().statusCode(200)
                .body("total.total", equalTo(5)).body("total.verified", equalTo(3))
                .body("total.medianDaysToClose", equalTo(20.0f)).body("total.overdue", equalTo(1));

        // the figures as of earlier days, counted by hand from the lines above
        as("auditor", c.county).queryParam("asOf", d(85)).get("/figures").then().statusCode(200)
                .body("total.total", equalTo(2)).body("total.verified", equalTo(1)).body("total.open", equalTo(1))
                .body("total.submitted", equalTo(0)).body("total.overdue", equalTo(0))
                .body("total.medianDaysToClose", equalTo(10.0f));
        as("auditor", c.county).queryParam("asOf", d(45)).get("/figures").then().statusCode(200)
                .body("total.total", equalTo(4)).body("total.verified", equalTo(2)).body("total.open", equalTo(2))
                .body("total.closureRate", equalTo(0.5f)).body("total.medianDaysToClose", equalTo(15.0f));
        as("auditor", c.county).queryParam("asOf", d(3)).get("/figures").then().statusCode(200)
                .body("total.total", equalTo(5)).body("total.verified", equalTo(3)).body("total.submitted", equalTo(1))
                .body("total.overdue", equalTo(0)); // line 4's deadline, yesterday, had not passed three days ago
        as("auditor", c.county).queryParam("asOf", d(3)).get("/figures/townships").then().statusCode(200)
                .body("townships.size()", equalTo(3));
        as("auditor", c.county).queryParam("asOf", TODAY.plusDays(1).toString()).get("/figures").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as("auditor", c.county).queryParam("asOf", d(3)).queryParam("state", "VERIFIED").get("/figures").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));

        Map<String, String> byTitle = titles(c);
        String first = byTitle.get("未设置宣传栏");
        JsonPath timeline = as("auditor", c.county).get("/tasks/" + first + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ASSIGNED", "STATE_CHANGED", "STATE_CHANGED", "STATE_CHANGED"), timeline.getList("type"));
        assertEquals(List.of("ASSIGNED", "IN_PROGRESS", "SUBMITTED", "VERIFIED"), timeline.getList("toState"));
        List<LocalDate> days = new ArrayList<>();
        for (String at : timeline.<String>getList("at")) {
            days.add(OffsetDateTime.parse(at).atZoneSameInstant(COUNTY_TIME).toLocalDate());
        }
        assertEquals(List.of(TODAY.minusDays(98), TODAY.minusDays(98), TODAY.minusDays(80), TODAY.minusDays(78)), days);
        for (int i = 0; i < 4; i++) {
            OffsetDateTime recorded = OffsetDateTime.parse(timeline.getString("recordedAt[" + i + "]"));
            assertTrue(recorded.isAfter(OffsetDateTime.now().minusMinutes(5)), "recorded now: " + recorded);
            assertEquals("clerk-513261", timeline.getString("actor[" + i + "]"), "brought in by");
            assertEquals(importId, timeline.getString("detail[" + i + "].importId"));
        }
        assertEquals("王芳", timeline.getString("detail[3].verifier"));
        assertEquals("已设置宣传栏三处", timeline.getString("detail[2].note"));

        // the extended, reported and overdue one: its finding, indicator, co-operating unit and old deadline
        String fourth = byTitle.get("指标理解有误");
        JsonPath task = as("auditor", c.county).get("/tasks/" + fourth).then().statusCode(200).extract().jsonPath();
        assertEquals("SUBMITTED", task.getString("state"));
        assertEquals(c.education, task.getString("cooperatingUnits[0].code"));
        assertEquals(TODAY.minusDays(1).toString(), task.getString("deadline"));
        assertTrue(task.getBoolean("overdue"));
        as("auditor", c.county).get("/tasks/" + fourth + "/timeline").then()
                .body("find { it.type == 'DEADLINE_EXTENDED' }.detail.from", equalTo(d(20)))
                .body("find { it.type == 'DEADLINE_EXTENDED' }.detail.to", equalTo(d(1)));
        JsonPath finding = as("auditor", c.county).get("/findings/" + task.getString("findingId")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("A1.1", finding.getString("indicatorCode"));
        assertEquals("档案归类错误", finding.getString("description"));
        JsonPath inspection = as("auditor", c.county).get("/inspections/" + task.getString("inspectionId")).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("2026年督查", inspection.getString("title"));
        assertEquals(d(100), inspection.getString("startDate"));
        assertEquals(d(50), inspection.getString("endDate"), "the last day a finding of it was made");

        // open at the indicator while its task is not signed off: as of the day before it was found, not yet
        as("auditor", c.county).queryParam("unitId", c.id(c.publicity)).queryParam("asOf", d(49))
                .get("/findings/open-by-indicator").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].indicatorCode", equalTo("A1.1"));
        as("auditor", c.county).queryParam("unitId", c.id(c.publicity)).queryParam("asOf", d(51))
                .get("/findings/open-by-indicator").then().statusCode(200).body("items.size()", equalTo(0));

        // the ledger the suite writes names the verifier the old ledger named
        String ledger = as("auditor", c.county).accept("text/csv").get("/ledger.csv").then().statusCode(200).extract().asString();
        assertTrue(ledger.lines().anyMatch(l -> l.contains("未设置宣传栏") && l.contains("王芳")), ledger);
        // and reads back in as it was written: every line, inspection and sign-off (checked only: it is the same history)
        post(as("clerk-513261", "admin", c.county), ledger.getBytes(StandardCharsets.UTF_8), "text/csv", true).then()
                .statusCode(200).body("tasks", equalTo(5)).body("findings", equalTo(3)).body("inspections", equalTo(1))
                .body("verified", equalTo(3));
    }

    @Test
    void readsGbkCsvAsExcelSavesItAndXlsxWithExcelDates() throws IOException {
        FakeCounty c = new FakeCounty("513262");
        String csv = HEADER + line(1, c.villages.get(0), "宣传", "横幅未悬挂", "PUBLICITY", d(1), "已销号", "", "", "", d(30),
                "", d(9), "", "", "", "", "", "");
        post(as("admin", c.county), csv.getBytes(Charset.forName("GBK")), "text/csv", false).then().statusCode(200)
                .body("tasks", equalTo(1));
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("整改台账");
            String[] header = {"单位代码", "问题类别", "问题/任务", "整改措施", "责任人", "整改时限", "交办日期", "销号日期"};
            var top = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                top.createCell(i).setCellValue(header[i]);
            }
            var dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(Double.parseDouble(c.villages.get(1)));
            row.createCell(1).setCellValue("氛围营造");
            row.createCell(2).setCellValue("氛围不浓");
            row.createCell(3).setCellValue("布置展板");
            row.createCell(4).setCellValue("张三");
            for (int[] cell : new int[][] {{5, 1}, {6, 20}, {7, 4}}) {
                var dated = row.createCell(cell[0]);
                dated.setCellValue(TODAY.minusDays(cell[1]));
                dated.setCellStyle(dates);
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        post(as("admin", c.county), xlsx, XLSX, false).then().statusCode(200).body("tasks", equalTo(1)).body("verified", equalTo(1));
        Map<String, String> byTitle = titles(c);
        assertEquals(2, byTitle.size());
        assertTrue(byTitle.containsKey("横幅未悬挂"), "GBK read as Chinese: " + byTitle.keySet());
        // 21 and 16 days to close
        as("auditor", c.county).queryParam("by", "CATEGORY").get("/figures").then().statusCode(200)
                .body("rows.find { it.key == 'ATMOSPHERE' }.medianDaysToClose", equalTo(16.0f))
                .body("rows.find { it.key == 'PUBLICITY' }.medianDaysToClose", equalTo(21.0f));
    }

    @Test
    void everyBadLineIsReportedByLineAndColumnAndNothingIsWritten() {
        FakeCounty c = new FakeCounty("513263");
        FakeCounty elsewhere = new FakeCounty("513264");
        c.judgedBy(c.villages.get(0), TODAY.minusDays(3).getYear(), "A1");
        String good = line(1, c.villages.get(0), "宣传", "好的一行", "M", d(1), "", "", "", "", d(3), "", "", "", "", "", "",
                "", "");
        String csv = HEADER + good
                + line(2, "513263999999", "宣传", "t", "m", d(1), "", "", "", "", d(3), "", "", "", "", "", "", "", "")
                + line(3, elsewhere.villages.get(0), "宣传", "t", "m", d(1), "", "", "", "", d(3), "", "", "", "", "", "", "", "")
                + line(4, c.county, "宣传", "t", "m", d(1), "", "", "", "", d(3), "", "", "", "", "", "", "", "")
                + line(5, c.villages.get(0), "杂项", "t", "m", d(1), "", "", "", "", d(3), "", "", "", "", "", "", "", "")
                + line(6, c.villages.get(0), "宣传", "t", "m", TODAY.plusDays(9).toString(), "", "", "", "", TODAY.plusDays(3).toString(), "", "", "",
                        "", "", "", "", "")
                + line(7, c.villages.get(0), "宣传", "t", "m", d(1), "已销号", "", "", "", d(3), "", d(5), "", "", "", "", "", "")
                + line(8, c.villages.get(0), "宣传", "t", "m", d(1), "验收未通过", "", "", "", d(3), "", "", "", "", "", "", "", "")
                + line(9, c.villages.get(0), "宣传", "t", "m", d(1), "", "", "", "", d(3), "", "", "", "", "", "", "县教育局", "")
                + line(10, c.villages.get(0), "宣传", "t", "m", "下个月", "", "", "", "", d(3), "", "", "", "", "", "", "", "")
                + line(11, c.villages.get(0), "宣传", "t", "m", d(1), "", "", "", "", d(3), "", "", "", "无督查的问题", "", "", "",
                        "")
                + line(12, c.villages.get(0), "宣传", "t", "m", d(1), "", "督查", "", "", d(3), "", "", "", "", "Z9", "", "", "")
                + line(13, c.villages.get(0), "宣传", "t", "m", d(1), "", "", "", "", "", "", "", "", "", "", "", "", "");
        JsonPath problem = post(as("admin", c.county), csv.getBytes(StandardCharsets.UTF_8), "text/csv", false).then()
                .statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/ledger-invalid"))
                .extract().jsonPath();
        List<String> where = new ArrayList<>();
        List<Map<String, Object>> errors = problem.getList("errors");
        for (Map<String, Object> e : errors) {
            where.add(e.get("line") + ":" + e.get("field"));
        }
        assertEquals(List.of("3:单位代码", "4:单位代码", "5:单位代码", "6:问题类别", "7:交办日期", "8:销号日期", "9:状态",
                "10:配合单位", "11:整改时限", "12:问题描述", "13:测评指标", "14:交办日期"), where);
        assertTrue(errors.get(1).get("message").toString().equals(errors.get(0).get("message").toString()
                .replace("513263999999", elsewhere.villages.get(0))), "a unit elsewhere reads as unknown: " + errors);
        assertTrue(errors.get(5).get("message").toString().contains(d(5)), "verified before assigned: " + errors.get(5));
        // nothing of the good line was written
        as("admin", c.county).get("/tasks").then().statusCode(200).body("items.size()", equalTo(0));

        // a file in no encoding the reader knows, and one of another kind
        post(as("admin", c.county), new byte[] {(byte) 0xFF, (byte) 0x80, (byte) 0xFF, '\n'}, "text/csv", false).then()
                .statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("GBK"));
        post(as("admin", c.county), "{}".getBytes(StandardCharsets.UTF_8), "application/json", false).then().statusCode(415)
                .contentType("application/problem+json").header("Accept", "text/csv, " + XLSX)
                .body("detail", org.hamcrest.Matchers.containsString("text/csv, " + XLSX));
    }

    @Test
    void aDryRunWritesNothingAndTheSameFileComesInOnce() {
        FakeCounty c = new FakeCounty("513265");
        byte[] csv = (HEADER + line(1, c.villages.get(0), "宣传", "一次", "m", d(1), "", "", "", "", d(3), "", "", "", "", "", "",
                "", "")).getBytes(StandardCharsets.UTF_8);
        post(as("admin", c.county), csv, "text/csv", true).then().statusCode(200).body("dryRun", equalTo(true))
                .body("tasks", equalTo(1)).body("importId", nullValue());
        as("admin", c.county).get("/tasks").then().body("items.size()", equalTo(0));
        post(as("admin", c.county), csv, "text/csv", false).then().statusCode(200).body("dryRun", equalTo(false));
        post(as("inspector", c.county), csv, "text/csv", false).then().statusCode(409)
                .body("type", equalTo("/problems/ledger-imported-before"));
        as("admin", c.county).get("/tasks").then().body("items.size()", equalTo(1));
    }

    /**
     * Who may bring history in: the office (admin, inspector), for units below its own unit and within its reach; the
     * history is then the office's own (it assigned the tasks). The supervised, auditors and other platforms may not.
     */
    @Test
    void onlyAnOfficeBringsHistoryInAndOnlyBelowItself() {
        FakeCounty c = new FakeCounty("513266");
        String township = c.townships.get(0);
        byte[] village = (HEADER + line(1, c.villages.get(0), "宣传", "村的任务", "m", d(1), "待验收", "", "", "", d(9), d(2), "",
                "", "", "", "", "", "")).getBytes(StandardCharsets.UTF_8);
        for (String role : List.of("unit-liaison", "unit-leader", "auditor", "integration")) {
            post(as(role, township), village, "text/csv", false).then().statusCode(403);
        }
        // a township's office reaches its villages, not a county department
        byte[] department = (HEADER + line(1, c.publicity, "宣传", "部门的任务", "m", d(1), "", "", "", "", d(9), "", "", "", "",
                "", "", "", "")).getBytes(StandardCharsets.UTF_8);
        post(as("admin", township), department, "text/csv", false).then().statusCode(400)
                .body("errors[0].field", equalTo("单位代码"));
        post(as("township-inspector", "inspector", township), village, "text/csv", false).then().statusCode(200);
        String task = titles(c).get("村的任务");
        // the township assigned it, so the township's office signs it off; the village itself may not
        as("auditor", c.county).get("/tasks/" + task).then().body("state", equalTo("SUBMITTED"));
        long version = as("auditor", c.county).get("/tasks/" + task).then().extract().jsonPath().getLong("version");
        as("admin", c.villages.get(0)).header("If-Match", "\"" + version + "\"").post("/tasks/" + task + "/verify").then()
                .statusCode(403);
        as("other-township-admin", "admin", township).header("If-Match", "\"" + version + "\"").post("/tasks/" + task + "/verify")
                .then().statusCode(200).body("state", equalTo("VERIFIED"));
    }

    private static io.restassured.response.Response post(RequestSpecification as, byte[] body, String type, boolean dryRun) {
        return as.contentType(type).queryParam("dryRun", dryRun).body(body).post("/ledger/import");
    }

    /** The county's tasks by title. */
    private static Map<String, String> titles(FakeCounty c) {
        JsonPath list = as("auditor", c.county).queryParam("limit", 100).get("/tasks").then().statusCode(200).extract().jsonPath();
        Map<String, String> byTitle = new java.util.HashMap<>();
        List<Map<String, Object>> items = list.getList("items");
        items.forEach(t -> byTitle.put((String) t.get("title"), (String) t.get("id")));
        return byTitle;
    }

    /** The day so many days ago. */
    private static String d(int daysAgo) {
        return TODAY.minus(daysAgo, ChronoUnit.DAYS).toString();
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static String line(int n, String unit, String category, String title, String measures, String deadline,
            String state, String inspection, String inspectionDate, String found, String assigned, String submitted,
            String verified, String verifier, String description, String indicator, String report, String cooperating,
            String original) {
        return String.join(",", String.valueOf(n), unit, category, title, measures, "李明", deadline, state, inspection,
                inspectionDate, found, assigned, submitted, verified, verifier, description, indicator, report, cooperating,
                original) + "\n";
    }
}
