package org.tuanjie.tasks.bulletin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/**
 * The bulletins offices print, read back as Word documents: what the findings and the figures say, where a reader
 * looks for it, numbered as official documents number it, and only what the caller may see.
 */
@QuarkusTest
class BulletinTest {

    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void theInspectionBulletinListsEachProblemUnderItsCategoryAndUnit() throws IOException {
        FakeCounty c = new FakeCounty("513271");
        String inspectionId = inspection(c.county, List.of(c.id(c.villages.get(0)), c.id(c.schools.get(0)),
                c.id(c.villages.get(1)), c.id(c.publicity)));
        // recorded in this order; the bulletin groups by category (in the categories' order), then unit
        String f1 = finding(c, inspectionId, c.villages.get(0), "PUBLICITY", "未制作民族团结进步宣传栏");
        finding(c, inspectionId, c.schools.get(0), "LEADERSHIP", "无专职工作人员、无办公室");
        String f3 = finding(c, inspectionId, c.publicity, "PUBLICITY", "政府门户网未设民族团结专栏");
        finding(c, inspectionId, c.villages.get(0), "PUBLICITY", "未开展任何宣传活动。");
        String f5 = finding(c, inspectionId, c.villages.get(1), "GUARANTEES", "领导小组办公室牌子、人员、设备未到位");
        String verified = task(c.county, f1, TODAY.plusDays(10));
        act("unit-liaison", c.villages.get(0), verified, "start", null, 200);
        act("unit-liaison", c.villages.get(0), verified, "submit", Map.of("completionReport", "已制作"), 200);
        act("inspector", c.county, verified, "verify", null, 200);
        task(c.county, f3, TODAY.plusDays(20));
        task(c.county, f5, TODAY.minusDays(2));

        XWPFDocument bulletin = docx(as("admin", c.county).queryParam("reference", "县民创办通〔2026〕3号"),
                "/inspections/" + inspectionId + "/bulletin.docx");
        assertEquals(List.of("一、存在的问题", "二、整改要求", "附件"), styled(bulletin, "Heading1"));
        assertEquals(List.of("（一）领导重视不够，思想认识不足。", "（二）宣传力度不够。", "（三）基本保障不到位。"),
                styled(bulletin, "Heading2"));
        Map<String, List<String>> sections = sections(bulletin);
        assertEquals(List.of("1. 学校A：无专职工作人员、无办公室。"), sections.get("（一）领导重视不够，思想认识不足。"));
        assertEquals(List.of("1. 村A：未制作民族团结进步宣传栏；未开展任何宣传活动。", "2. 县委宣传部：政府门户网未设民族团结专栏。"),
                sections.get("（二）宣传力度不够。"));
        assertEquals(List.of("1. 村B：领导小组办公室牌子、人员、设备未到位。"), sections.get("（三）基本保障不到位。"));

        String text = text(bulletin);
        assertTrue(text.startsWith("县民创办通〔2026〕3号\n关于2026年3月民族团结进步创建工作督查情况的通报\n"), text);
        assertTrue(text.contains("2026年3月19日至2026年3月21日，县513271分二个督查组（第一督查组：组长张明，成员李华、卓玛；"
                + "第二督查组：组长王强，成员扎西），对4个单位"), text);
        // the figures as the figures API counts them
        JsonPath figures = as("auditor", c.county).queryParam("inspectionId", inspectionId).get("/figures").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, figures.getInt("total.total"));
        assertTrue(text.contains("本次督查共发现问题5个，涉及4个单位；交办整改任务" + figures.getInt("total.total") + "项，已整改销号"
                + figures.getInt("total.verified") + "项，正在整改" + figures.getInt("total.open") + "项（其中已报送待验收"
                + figures.getInt("total.submitted") + "项），逾期未完成" + figures.getInt("total.overdue") + "项，整改销号率33.3%。"), text);
        // requirements by responsible unit, soonest deadline first, and the appendix's table
        List<String> requirements = sections.get("二、整改要求");
        assertEquals(6, requirements.size(), requirements.toString());
        assertEquals(List.of("县513271", ChineseNumerals.date(TODAY)), requirements.subList(4, 6), "signed by the office, dated");
        assertTrue(requirements.get(1).startsWith("1. 村B：整改任务"), requirements.toString());
        assertTrue(requirements.get(1).endsWith("；责任人：扎西；" + ChineseNumerals.date(TODAY.minusDays(2)) + "前完成）。"));
        XWPFTable appendix = bulletin.getTables().get(0);
        assertEquals(List.of("序号", "责任单位", "问题类别", "整改任务", "整改措施", "责任人", "整改时限", "状态"), cells(appendix.getRow(0)));
        assertEquals(1 + 3, appendix.getRows().size());
        assertEquals(List.of("1", "村B", "基本保障"), cells(appendix.getRow(1)).subList(0, 3));
        assertEquals(List.of("2", "村A", "宣传"), cells(appendix.getRow(2)).subList(0, 3));
        assertEquals("已销号", cells(appendix.getRow(2)).get(7));

        // the same content as PDF: every paragraph, in the same order, on A4 pages numbered as official documents are
        byte[] pdf = as("admin", c.county).queryParam("reference", "县民创办通〔2026〕3号").accept(PDF)
                .get("/inspections/" + inspectionId + "/bulletin.pdf").then().statusCode(200).contentType(PDF)
                .header("Content-Disposition", containsString(".pdf")).extract().asByteArray();
        assertSameContent(bulletin, pdf);

        // a township's staff get their township's part only: no other township's problem, no department's
        Map<String, List<String>> township = sections(docx(as("auditor", c.townships.get(0)),
                "/inspections/" + inspectionId + "/bulletin.docx"));
        assertEquals(List.of("1. 村A：未制作民族团结进步宣传栏；未开展任何宣传活动。"), township.get("（二）宣传力度不够。"));
        assertFalse(township.containsKey("（三）基本保障不到位。"));
        // another county's staff do not see the inspection at all; nobody without a token
        FakeCounty other = new FakeCounty("513272");
        as("admin", other.county).accept(DOCX).get("/inspections/" + inspectionId + "/bulletin.docx").then().statusCode(404);
        io.restassured.RestAssured.given().accept(DOCX).get("/inspections/" + inspectionId + "/bulletin.docx").then()
                .statusCode(401);
        as("admin", c.county).accept(DOCX).queryParam("title", "长".repeat(201))
                .get("/inspections/" + inspectionId + "/bulletin.docx").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theProgressBulletinRanksTownshipsNamesRedTasksAndCountsUrgings() throws IOException {
        FakeCounty c = new FakeCounty("513273");
        String inspectionId = inspection(c.county, List.of(c.id(c.villages.get(0)), c.id(c.villages.get(1)), c.id(c.publicity)));
        String a1 = task(c.county, finding(c, inspectionId, c.villages.get(0), "PUBLICITY", "宣传栏缺失"), TODAY.plusDays(5));
        act("unit-liaison", c.villages.get(0), a1, "start", null, 200);
        act("unit-liaison", c.villages.get(0), a1, "submit", Map.of("completionReport", "已完成"), 200);
        act("inspector", c.county, a1, "verify", null, 200);
        task(c.county, finding(c, inspectionId, c.villages.get(0), "PROGRESS", "进度慢"), TODAY.plusDays(5));
        String late = task(c.county, finding(c, inspectionId, c.villages.get(1), "CAPACITY", "档案不规范"), TODAY.minusDays(4));
        String lateTitle = as("auditor", c.county).get("/tasks/" + late).then().extract().path("title");
        String d1 = task(c.county, finding(c, inspectionId, c.publicity, "PUBLICITY", "专栏缺失"), TODAY.plusDays(9));
        act("unit-liaison", c.publicity, d1, "start", null, 200);
        act("unit-liaison", c.publicity, d1, "submit", Map.of("completionReport", "已开设"), 200);
        act("inspector", c.county, d1, "verify", null, 200);
        as("inspector", c.county).body(Map.of("message", "请三日内完成")).post("/tasks/" + late + "/urgings").then().statusCode(201);

        XWPFDocument bulletin = docx(as("admin", c.county).queryParam("within", c.id(c.county)),
                "/bulletins/progress.docx");
        assertEquals(List.of("一、总体情况", "二、各乡镇整改进展", "三、县直部门整改进展", "四、红灯任务", "五、下步要求"),
                styled(bulletin, "Heading1"));
        String text = text(bulletin);
        assertTrue(text.contains("共交办整改任务4项，已整改销号2项，整改销号率50.0%；正在整改2项，其中已报送待验收0项，逾期未完成1项。"
                + "本期新销号2项，发出督办通知1次（其中系统自动催办0次）。"), text);
        // the league table as the figures API ranks it
        JsonPath league = as("auditor", c.county).get("/figures/townships").then().statusCode(200).extract().jsonPath();
        XWPFTable townships = bulletin.getTables().get(0);
        assertEquals(1 + league.getList("townships").size(), townships.getRows().size());
        for (int i = 0; i < league.getList("townships").size(); i++) {
            List<String> row = cells(townships.getRow(i + 1));
            assertEquals(Integer.toString(i + 1), row.get(0));
            assertEquals(league.getString("townships[" + i + "].name"), row.get(1));
            assertEquals(league.getString("townships[" + i + "].total"), row.get(2));
            assertEquals(league.getString("townships[" + i + "].verified"), row.get(3));
            assertEquals(league.getString("townships[" + i + "].overdue"), row.get(4));
        }
        assertEquals(List.of("1", "乡镇A", "2", "1", "0", "50.0%"), cells(townships.getRow(1)));
        assertEquals(List.of("2", "乡镇B", "1", "0", "1", "0.0%"), cells(townships.getRow(2)));
        assertEquals(List.of("1", "县委宣传部", "1", "1", "0", "100.0%"), cells(bulletin.getTables().get(1).getRow(1)));
        List<String> red = sections(bulletin).get("四、红灯任务");
        assertEquals(List.of("1. 村B：" + lateTitle + "（整改时限" + ChineseNumerals.date(TODAY.minusDays(4)) + "，已逾期4天）。"),
                red.subList(1, red.size()));

        // as of the day before the last sign-offs nothing was verified in a period that ends then
        XWPFDocument before = docx(as("admin", c.county).queryParam("to", TODAY.minusDays(1).toString())
                .queryParam("from", TODAY.minusDays(1).toString()), "/bulletins/progress.docx");
        assertTrue(text(before).contains("共交办整改任务0项"), text(before));

        byte[] pdf = as("admin", c.county).queryParam("within", c.id(c.county)).accept(PDF).get("/bulletins/progress.pdf")
                .then().statusCode(200).contentType(PDF).extract().asByteArray();
        assertSameContent(bulletin, pdf);
        as("admin", c.county).accept(PDF).get("/bulletins/progress.odt").then().statusCode(404);

        as("admin", c.county).accept(DOCX).queryParam("from", TODAY.toString()).queryParam("to", TODAY.minusDays(1).toString())
                .get("/bulletins/progress.docx").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("admin", c.county).accept(DOCX).queryParam("to", TODAY.plusDays(1).toString())
                .get("/bulletins/progress.docx").then().statusCode(400).body("errors[0].field", equalTo("to"));
        FakeCounty other = new FakeCounty("513274");
        as("admin", other.county).accept(DOCX).queryParam("within", c.id(c.county)).get("/bulletins/progress.docx").then()
                .statusCode(404);
    }

    /**
     * The PDF says what the Word document says: each paragraph's text, in order (spacing aside: justified lines are
     * spread), on A4 pages, each numbered "— n —", set in a font that is embedded where the machine has a CJK font.
     */
    private static void assertSameContent(XWPFDocument word, byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            int at = 0;
            for (XWPFParagraph paragraph : word.getParagraphs()) {
                String expected = paragraph.getText().replaceAll("\\s+", "");
                int found = text.indexOf(expected, at);
                assertTrue(found >= 0, "「" + expected + "」 after position " + at + " of " + text);
                at = found + expected.length();
            }
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                assertEquals(PDRectangle.A4.getWidth(), document.getPage(page - 1).getMediaBox().getWidth(), 0.01);
                assertEquals(PDRectangle.A4.getHeight(), document.getPage(page - 1).getMediaBox().getHeight(), 0.01);
                assertTrue(text.contains("—" + page + "—"), "page number " + page);
            }
            for (XWPFTable table : word.getTables()) {
                for (String header : cells(table.getRow(0))) {
                    assertTrue(text.contains(header), header);
                }
            }
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames()
                    .iterator().next());
            boolean machineHasCjkFont = Stream.of("wqy/wqy-zenhei.ttc", "wqy/wqy-microhei.ttc", "arphic/uming.ttc",
                    "droid/DroidSansFallbackFull.ttf").anyMatch(f -> Files.isReadable(Path.of("/usr/share/fonts/truetype", f)));
            assertEquals(machineHasCjkFont, font.isEmbedded(), font.getName());
            assertEquals("zh-CN", document.getDocumentCatalog().getLanguage());
        }
    }

    private static String finding(FakeCounty c, String inspectionId, String unitCode, String category, String description) {
        return as("admin", c.county).body(Map.of("unitId", c.id(unitCode), "category", category, "severity", "MEDIUM",
                "description", description)).post("/inspections/" + inspectionId + "/findings").then().statusCode(201)
                .extract().path("id");
    }

    private static XWPFDocument docx(RequestSpecification request, String path) throws IOException {
        byte[] body = request.accept(DOCX).get(path).then().statusCode(200).contentType(DOCX)
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();
        return new XWPFDocument(new ByteArrayInputStream(body));
    }

    private static List<String> styled(XWPFDocument document, String style) {
        return document.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    /** The body paragraphs after each heading, up to the next heading. */
    private static Map<String, List<String>> sections(XWPFDocument document) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph && !paragraph.getText().isBlank()) {
                if (paragraph.getStyle() != null && paragraph.getStyle().startsWith("Heading")) {
                    current = new ArrayList<>();
                    sections.put(paragraph.getText(), current);
                } else if (current != null) {
                    current.add(paragraph.getText());
                }
            }
        }
        return sections;
    }

    private static String text(XWPFDocument document) {
        StringBuilder text = new StringBuilder();
        document.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank())
                .forEach(t -> text.append(t).append('\n'));
        return text.toString();
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(cell -> cell.getText()).toList();
    }
}
