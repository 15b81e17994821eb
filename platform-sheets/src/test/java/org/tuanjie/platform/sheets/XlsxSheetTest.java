package org.tuanjie.platform.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader reads an .xlsx as the workbook model did before it: every cell, row and line the same, for cells
 * of every kind a clerk's workbook holds.
 */
class XlsxSheetTest {

    private static final int COLUMNS = 12;
    private static final Function<String, String> EVERY_COLUMN = header -> header.isEmpty() ? null : header;

    @TempDir
    Path dir;

    @Test
    void readsEveryCellAsTheWorkbookModelDoes() throws IOException {
        for (boolean date1904 : List.of(false, true)) {
            for (long seed = 1; seed <= 5; seed++) {
                Path file = write(workbook(new Random(seed), date1904));
                SheetReader.ReadSheet expected = WorkbookModel.read(file, EVERY_COLUMN);
                SheetReader.ReadSheet read = SheetReader.read(file, SheetReader.XLSX, 1_000, EVERY_COLUMN);
                assertEquals(expected.header(), read.header(), "seed " + seed + ", 1904: " + date1904);
                assertEquals(expected.rows(), read.rows(), "seed " + seed + ", 1904: " + date1904);
            }
        }
    }

    @Test
    void aFormulaReadsAsItsValueWhenLastSavedNotAsItsText() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("code");
            header.createCell(1).setCellValue("parent");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(513330100000d);
            row.createCell(1).setCellFormula("LEFT(A2,6)&\"000000\"");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            SheetReader.ReadSheet read = SheetReader.read(write(workbook), SheetReader.XLSX, 10, EVERY_COLUMN);
            assertEquals("513330000000", read.rows().get(0).get("parent"));
        }
    }

    @Test
    void rowsAndCellsWithoutReferencesFollowTheOnesBefore() throws IOException {
        // as some tools write them: a row's number and a cell's column left out, cells right of the header
        Path file = dir.resolve("bare.xlsx");
        WorkbookParts.write(file, sst -> sst.write("<si><t>name</t></si><si><t>麦宿镇</t></si><si><t> </t></si>"), sheet -> sheet.write(
                "<row><c t=\"inlineStr\"><is><t>code</t></is></c><c t=\"s\"><v>0</v></c></row>"
                        + "<row><c><v>513330100000</v></c><c t=\"inlineStr\"><is><t>更庆镇</t></is></c></row>"
                        + "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>1</v></c><c><v>7</v></c></row>"
                        + "<row><c><v>513330101000</v></c></row>"
                        + "<row><c r=\"D7\" t=\"s\"><v>2</v></c></row>"
                        + "<row><c r=\"E8\" t=\"inlineStr\"><is><t>表头之外</t></is></c></row>"),
                other -> other.write("<row><c t=\"inlineStr\"><is><t>not read</t></is></c></row>"));

        SheetReader.ReadSheet read = SheetReader.read(file, SheetReader.XLSX, 10, EVERY_COLUMN);

        assertEquals(List.of("code", "name"), read.header());
        assertEquals(List.of(2, 5, 6, 8), read.rows().stream().map(SheetRow::line).toList(),
                "line 7 holds a blank shared string only; line 8 text right of the header");
        assertEquals("513330100000", read.rows().get(0).get("code"));
        assertEquals("更庆镇", read.rows().get(0).get("name"));
        assertEquals("麦宿镇", read.rows().get(1).get("name"));
        assertEquals(null, read.rows().get(1).get("code"));
        assertEquals("513330101000", read.rows().get(2).get("code"));
    }

    @Test
    void stopsAtTheFirstDataRowOverTheLimit() throws IOException {
        int limit = 500;
        // blank rows and the header do not count: exactly the limit is read
        Path full = write(rows(limit, true));
        SheetReader.ReadSheet read = SheetReader.read(full, SheetReader.XLSX, limit, EVERY_COLUMN);
        assertEquals(limit, read.rows().size());
        assertEquals(String.valueOf(limit), read.rows().get(limit - 1).get("n"));

        Path over = write(rows(limit + 1, true));
        SheetTooLong e = assertThrows(SheetTooLong.class, () -> SheetReader.read(over, SheetReader.XLSX, limit, EVERY_COLUMN));
        assertEquals(limit, e.maxRows());

        StringBuilder csv = new StringBuilder("n\n");
        for (int n = 1; n <= limit + 1; n++) {
            csv.append(n).append(n % 50 == 0 ? "\n\n" : "\n");
        }
        Path csvFile = Files.writeString(dir.resolve("rows.csv"), csv);
        assertEquals(limit + 1, SheetReader.csv(csvFile, limit + 1, EVERY_COLUMN).rows().size());
        assertThrows(SheetTooLong.class, () -> SheetReader.csv(csvFile, limit, EVERY_COLUMN));
    }

    @Test
    void aFileThatIsNoWorkbookIsUnreadable() throws IOException {
        for (byte[] content : List.of("code,name\n1,x\n".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            Path file = Files.write(dir.resolve("not.xlsx"), content);
            SheetUnreadable e = assertThrows(SheetUnreadable.class,
                    () -> SheetReader.read(file, SheetReader.XLSX, 10, EVERY_COLUMN));
            assertEquals("import.unreadable", e.violation().messageKey());
        }
    }

    /** A sheet "n" with the numbers 1 … count, a blank row after every fiftieth. */
    private static Workbook rows(int count, boolean blankRows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("n");
        int r = 1;
        for (int n = 1; n <= count; n++) {
            sheet.createRow(r++).createCell(0).setCellValue(n);
            if (blankRows && n % 50 == 0) {
                sheet.createRow(r++).createCell(1).setCellValue(" ");
            }
        }
        return workbook;
    }

    /**
     * A workbook whose first sheet holds every kind of cell, with gaps between rows and cells, blank rows and styled
     * blank cells; its second sheet's text comes first in the shared strings, so that the first sheet's do not start
     * at 0.
     */
    private static Workbook workbook(Random random, boolean date1904) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        if (date1904) {
            (workbook.getCTWorkbook().isSetWorkbookPr() ? workbook.getCTWorkbook().getWorkbookPr()
                    : workbook.getCTWorkbook().addNewWorkbookPr()).setDate1904(true);
        }
        XSSFSheet first = workbook.createSheet("单位");
        XSSFSheet other = workbook.createSheet("说明");
        for (int r = 0; r < 40; r++) {
            other.createRow(r).createCell(0).setCellValue("说明第" + r + "行");
        }
        other.createRow(40).createCell(0).setCellValue("已销号"); // also in the first sheet
        String[] formats = {"General", "0.00", "#,##0.000", "0.0%", "yyyy-mm-dd", "m/d/yy", "yyyy-mm-dd hh:mm",
                "yyyy\"年\"m\"月\"d\"日\"", "0.00E+00", "# ?/?", "@", "[h]:mm:ss"};
        List<CellStyle> styles = new ArrayList<>();
        for (String format : formats) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            styles.add(style);
        }
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);

        Row header = first.createRow(0);
        for (int c = 0; c < COLUMNS; c++) {
            header.createCell(c).setCellValue("c" + c);
        }
        int r = 0;
        for (int n = 0; n < 80; n++) {
            r += 1 + (random.nextInt(6) == 0 ? random.nextInt(3) + 1 : 0); // now and then rows left out
            Row row = first.createRow(r);
            if (random.nextInt(12) == 0) {
                continue; // a row with no cells
            }
            if (random.nextInt(8) == 0) {
                // right of the header: no column reads it, but it makes the row count (or not, when blank)
                row.createCell(COLUMNS + 1 + random.nextInt(3)).setCellValue(random.nextBoolean() ? "表头之外" : " ");
                if (random.nextBoolean()) {
                    continue;
                }
            }
            for (int c = 0; c < COLUMNS; c++) {
                if (random.nextInt(5) == 0) {
                    continue; // no cell
                }
                Cell cell = row.createCell(c);
                switch (random.nextInt(9)) {
                    case 0 -> cell.setCellStyle(styles.get(random.nextInt(styles.size()))); // styled, blank
                    case 1 -> cell.setCellValue(text(random, workbook, bold));
                    case 2 -> cell.setCellValue(random.nextBoolean());
                    case 3 -> cell.setCellErrorValue(random.nextBoolean() ? FormulaError.NA.getCode() : FormulaError.DIV0.getCode());
                    case 4 -> {
                        LocalDate day = LocalDate.of(1995 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
                        cell.setCellValue(random.nextBoolean() ? day.atStartOfDay()
                                : day.atTime(LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60))));
                        cell.setCellStyle(styles.get(4 + random.nextInt(4)));
                    }
                    default -> {
                        cell.setCellValue(number(random));
                        if (random.nextInt(4) > 0) {
                            cell.setCellStyle(styles.get(random.nextInt(styles.size())));
                        }
                    }
                }
            }
        }
        return workbook;
    }

    private static double number(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> 513221000000d + random.nextInt(1000) * 1000d; // a code
            case 1 -> random.nextInt(2_000_000) - 1_000_000;
            case 2 -> Math.round(random.nextDouble() * 1_000_000) / 100d;
            case 3 -> random.nextDouble();
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
            case 5 -> 0.1 + 0.2;
            default -> new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(6)).doubleValue();
        };
    }

    private static XSSFRichTextString text(Random random, XSSFWorkbook workbook, XSSFFont bold) {
        String[] words = {"威州镇", "已销号", "  前后有空格  ", "行一\r\n行二", "སྡེ་དགེ་རྫོང་།", "Dêgê", "_x0041_ 字面", "", "A&B <c>"};
        String text = words[random.nextInt(words.length)] + (random.nextBoolean() ? random.nextInt(100) : "");
        XSSFRichTextString rich = workbook.getCreationHelper().createRichTextString(text);
        if (text.length() > 2 && random.nextInt(3) == 0) {
            rich.applyFont(0, 2, bold); // runs (<r>), as a clerk's bold word makes them
        }
        return rich;
    }

    private Path write(Workbook workbook) throws IOException {
        Path file = Files.createTempFile(dir, "sheet", ".xlsx");
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    /** How the sheet was read before it was streamed: the whole workbook as objects, cells read with DataFormatter. */
    static final class WorkbookModel {

        static SheetReader.ReadSheet read(Path file, Function<String, String> columns) throws IOException {
            try (Workbook workbook = new XSSFWorkbook(file.toFile())) {
                Sheet sheet = workbook.getSheetAt(0);
                DataFormatter formatter = new DataFormatter(Locale.ROOT);
                List<String> header = new ArrayList<>();
                List<SheetRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                    if (row.getRowNum() == sheet.getFirstRowNum()) {
                        header.addAll(cells);
                    } else {
                        SheetReader.addRow(rows, header, cells, row.getRowNum() + 1, columns);
                    }
                }
                return new SheetReader.ReadSheet(header, rows, columns, "xlsx", null);
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
        }

        private static String text(Cell cell, DataFormatter formatter) {
            if (cell == null) {
                return "";
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime at = cell.getLocalDateTimeCellValue();
                    return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
                }
                BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                return number.scale() <= 0 ? number.toPlainString() : formatter.formatCellValue(cell);
            }
            return formatter.formatCellValue(cell);
        }
    }
}
