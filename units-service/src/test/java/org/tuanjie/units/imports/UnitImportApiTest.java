package org.tuanjie.units.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.creditCode;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuanjie.units.imports.service.UnitImportService;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Tokens;

@QuarkusTest
class UnitImportApiTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static io.restassured.specification.RequestSpecification asAdmin(String unit, String contentType) {
        return given().auth().oauth2(Tokens.of("admin", unit)).contentType(contentType).accept("application/json");
    }

    @Test
    void reportsEveryBadRowAndImportsNothing() {
        String csv = """
                代码,名称,上级代码,类型
                640000000000,宁夏回族自治区,,省
                640300000000,吴忠市,640000000000,州
                640324000000,同心县,640300000000,县
                64032410000,短了一位的镇,640324000000,乡镇
                640324101000,丁塘镇,640399000000,乡镇
                640324102000,,640324000000,乡镇
                640324103000,王团镇,640324000000,城堡
                640324000000,同心县重复,640300000000,县
                """;
        asAdmin("640000000000", "text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/units/import")
                .then().statusCode(400)
                .body("type", equalTo("/problems/import-invalid"))
                .body("errors.line", contains(5, 6, 7, 8, 9))
                .body("errors.field", contains("code", "parent_code", "name_zh", "kind", "code"));
        admin("640000000000").get("/units").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void importsParentsAndChildrenInAnyOrderAndDryRunWritesNothing() {
        String school = creditCode("12650102MB0000001");
        String csv = "code,name,name_bo,parent_code,kind\n"
                + school + ",第一小学,,650102001000,SCHOOL\n"
                + "650102001000,燕儿窝街道,,650102000000,TOWNSHIP\n"
                + "650102000000,天山区,,650100000000,COUNTY\n"
                + "650100000000,乌鲁木齐市,,650000000000,PREFECTURE\n"
                + "650000000000,新疆维吾尔自治区,,,PROVINCE\n";
        asAdmin("650000000000", "text/csv").queryParam("dryRun", true).body(csv).post("/units/import")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("rows", equalTo(5)).body("created", equalTo(0));
        admin("650000000000").get("/units").then().body("items", hasSize(0));
        asAdmin("650000000000", "text/csv").body(csv).post("/units/import")
                .then().statusCode(200).body("created", equalTo(5));
        admin("650000000000").get("/units/by-code/" + school).then().statusCode(200)
                .body("path", contains("650000000000", "650100000000", "650102000000", "650102001000", school));
        // a second run finds every code taken
        asAdmin("650000000000", "text/csv").body(csv).post("/units/import").then().statusCode(400)
                .body("errors", hasSize(5));
    }

    @Test
    void importsAnXlsxWithNumericCodeCells() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("单位");
            String[][] rows = {
                    {"单位代码", "单位名称", "藏文名称", "上级单位代码", "单位类型"},
                    {"540000000000", "西藏自治区", "བོད་རང་སྐྱོང་ལྗོངས།", "", "省"},
                    {"540100000000", "拉萨市", "ལྷ་ས་གྲོང་ཁྱེར།", "540000000000", "州"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (r > 0 && (c == 0 || c == 3) && !rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c])); // as a clerk's Excel stores it
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        asAdmin("540000000000", XLSX).body(xlsx).post("/units/import").then().statusCode(200).body("created", equalTo(2));
        admin("540000000000").get("/units/by-code/540100000000").then().statusCode(200)
                .body("names.bo", equalTo("ལྷ་ས་གྲོང་ཁྱེར།"));
    }

    @Test
    void tenThousandRowsImportInOneRequest() {
        StringBuilder csv = new StringBuilder("code,name,parent_code,kind\n");
        csv.append("450000000000,广西壮族自治区,,PROVINCE\n");
        csv.append("450100000000,南宁市,450000000000,PREFECTURE\n");
        int rows = 2;
        int villages = 0;
        for (int county = 1; county <= 9 && rows < 10_000; county++) {
            String c = String.format("4501%02d", county);
            csv.append(c).append("000000,县").append(county).append(",450100000000,COUNTY\n");
            rows++;
            for (int township = 100; township < 110 && rows < 10_000; township++) {
                String t = c + township;
                csv.append(t).append("000,乡镇").append(t).append(',').append(c).append("000000,TOWNSHIP\n");
                rows++;
                for (int village = 1; village <= 120 && rows < 10_000; village++) {
                    csv.append(t).append(String.format("%03d", village)).append(",村").append(t).append(village)
                            .append(',').append(t).append("000,VILLAGE\n");
                    rows++;
                    villages++;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(10_000, rows);
        asAdmin("450000000000", "text/csv").body(csv.toString()).post("/units/import").then().statusCode(200)
                .body("created", equalTo(10_000));
        admin("450000000000").get("/units/by-code/450000000000").then().statusCode(200);
        String root = admin("450000000000").get("/units/by-code/450000000000").path("id");
        admin("450000000000").get("/units/" + root + "/subtree/counts").then()
                .body("total", equalTo(10_000)).body("counts.VILLAGE", equalTo(villages));
    }

    @Test
    void onlyAdminsImportAndOnlyIntoTheirJurisdiction() {
        String csv = "code,name,parent_code,kind\n660000000000,不存在的省,,PROVINCE\n";
        given().auth().oauth2(Tokens.of("auditor", "660000000000")).contentType("text/csv").body(csv)
                .post("/units/import").then().statusCode(403);
        asAdmin("650000000001", "text/csv").body(csv).post("/units/import").then().statusCode(400)
                .body("errors[0].field", equalTo("parent_code"));
        asAdmin("660000000000", "application/pdf").body(new byte[] {1, 2}).post("/units/import").then().statusCode(415);
        asAdmin("660000000000", "text/csv").body("name,kind\n").post("/units/import").then().statusCode(400)
                .body("errors.field", hasItems("code"));
    }

    @Test
    void aParentOutsideTheCallersReachIsSaidToBeSoNotMissing() {
        asAdmin("670000000000", "text/csv").body("""
                code,name,parent_code,kind
                670000000000,测试省,,省
                670100000000,测试州,670000000000,州
                670102000000,测试县,670100000000,县
                670102001000,甲镇,670102000000,乡镇
                670102002000,乙镇,670102000000,乡镇
                """.getBytes(StandardCharsets.UTF_8)).post("/units/import").then().statusCode(200).body("created", equalTo(5));
        asAdmin("670102002000", "text/csv").body("""
                code,name,parent_code,kind
                670102001001,甲镇一村,670102001000,村
                670102009001,无名村,670102009000,村
                """.getBytes(StandardCharsets.UTF_8)).post("/units/import").then().statusCode(400)
                .body("errors[0].line", equalTo(2)).body("errors[0].message", containsString("不在您的管辖范围内"))
                .body("errors[1].line", equalTo(3)).body("errors[1].message", containsString("既不在系统中也不在文件中"));
    }

    @Test
    void importsTheUnitsOfTheFirstSheetOfAWorkbookWhoseOtherSheetIsLong() throws IOException {
        byte[] xlsx;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet units = workbook.createSheet("单位");
            String[][] rows = {
                    {"单位代码", "单位名称", "上级单位代码", "单位类型"},
                    {"220000000000", "吉林省", "", "省"},
                    {"220100000000", "长春市", "220000000000", "州"},
                    {"220102000000", "南关区", "220100000000", "县"},
                    {"220102001000", "南岭街道", "220102000000", "乡镇"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = units.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            // a second sheet the clerk keeps beside the units (notes, a ledger): never read, whatever its length
            Sheet notes = workbook.createSheet("备注");
            SplittableRandom random = new SplittableRandom(3);
            for (int r = 0; r < 40_000; r++) {
                Row row = notes.createRow(r);
                for (int c = 0; c < 6; c++) {
                    StringBuilder text = new StringBuilder();
                    random.ints(10, 0x4E00, 0x9FA5).forEach(text::appendCodePoint);
                    row.createCell(c).setCellValue(text.toString());
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        org.junit.jupiter.api.Assertions.assertTrue(xlsx.length > 4_000_000, xlsx.length + " bytes");
        asAdmin("220000000000", XLSX).body(xlsx).post("/units/import").then().statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(4));
        admin("220000000000").get("/units/by-code/220102001000").then().statusCode(200)
                .body("path", contains("220000000000", "220100000000", "220102000000", "220102001000"));
    }

    @Test
    void aSheetOfMoreRowsThanAnImportTakesIsRefusedAndNothingImported() throws IOException {
        byte[] xlsx;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet units = workbook.createSheet("单位");
            Row header = units.createRow(0);
            String[] columns = {"code", "name", "parent_code", "kind"};
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            unitRow(units, 1, "230000000000", "黑龙江省", "", "PROVINCE");
            unitRow(units, 2, "230100000000", "哈尔滨市", "230000000000", "PREFECTURE");
            unitRow(units, 3, "230102000000", "道里区", "230100000000", "COUNTY");
            // townships 001 … 199 of the county, each with villages, to one row over the limit
            int r = 4;
            for (int township = 1; r <= UnitImportService.MAX_ROWS + 1; township++) {
                String t = String.format("230102%03d000", township);
                unitRow(units, r++, t, "街道" + township, "230102000000", "TOWNSHIP");
                for (int village = 1; village <= 199 && r <= UnitImportService.MAX_ROWS + 1; village++) {
                    unitRow(units, r++, t.substring(0, 9) + String.format("%03d", village), "社区" + village, t, "VILLAGE");
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        asAdmin("230000000000", XLSX).header("Accept-Language", "en").body(xlsx).post("/units/import").then()
                .statusCode(400).body("type", equalTo("/problems/import-invalid"))
                .body("errors.field", contains("file"))
                .body("errors[0].message", equalTo("At most 20,000 rows per import"));
        admin("230000000000").get("/units").then().statusCode(200).body("items", hasSize(0));
    }

    private static void unitRow(Sheet sheet, int r, String code, String name, String parent, String kind) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(code);
        row.createCell(1).setCellValue(name);
        row.createCell(2).setCellValue(parent);
        row.createCell(3).setCellValue(kind);
    }
}
