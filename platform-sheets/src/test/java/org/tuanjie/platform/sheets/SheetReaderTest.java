package org.tuanjie.platform.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuanjie.platform.problem.Violation;

class SheetReaderTest {

    private static final Map<String, String> COLUMNS = Map.of("单位代码", "code", "问题/任务", "title", "销号日期", "verified");
    private static final Function<String, String> READ = COLUMNS::get;
    private static final String LEDGER = "单位代码,问题/任务,销号日期\n513221100000,悬挂标识牌,2026-03-15\n";
    private static final int ROWS = 100;

    @TempDir
    Path dir;

    @Test
    void readsExcelsChineseWindowsCsvInGbk() {
        SheetReader.ReadSheet sheet = read(LEDGER.getBytes(Charset.forName("GBK")));
        assertEquals("GBK/GB18030", sheet.encoding());
        assertEquals("悬挂标识牌", sheet.rows().get(0).get("title"));
    }

    @Test
    void readsUtf8WithAndWithoutItsMarkAndUtf16WithIt() {
        byte[] plain = LEDGER.getBytes(StandardCharsets.UTF_8);
        byte[] marked = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, LEDGER.getBytes(StandardCharsets.UTF_16LE));
        for (byte[] content : List.of(plain, marked, utf16)) {
            SheetReader.ReadSheet sheet = read(content);
            assertEquals("513221100000", sheet.rows().get(0).get("code"));
            assertEquals("悬挂标识牌", sheet.rows().get(0).get("title"));
        }
        assertEquals("UTF-16LE", read(utf16).encoding());
    }

    @Test
    void findsTabsAndSemicolonsAsSeparators() {
        for (String separator : List.of("\t", ";")) {
            String text = LEDGER.replace(",", separator);
            SheetReader.ReadSheet sheet = csv(text.getBytes(StandardCharsets.UTF_8));
            assertEquals("2026-03-15", sheet.rows().get(0).get("verified"));
            assertEquals(separator.equals("\t") ? "tab" : ";", sheet.separator());
        }
        // a comma inside a quoted header cell does not make the file comma-separated
        SheetReader.ReadSheet quoted = csv("\"单位代码,备注\";问题/任务\nX;Y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(";", quoted.separator());
        assertEquals("Y", quoted.rows().get(0).get("title"));
    }

    @Test
    void bytesNoEncodingReadsAreRefusedNamingWhatWasTried() {
        byte[] neither = {(byte) 0xFF, (byte) 0x80, (byte) 0xFF, (byte) 0x80, '\n'};
        SheetUnreadable e = assertThrows(SheetUnreadable.class, () -> csv(neither));
        assertEquals("import.encoding", e.violation().messageKey());
        assertTrue(e.violation().args()[0].toString().contains("GBK"));
    }

    @Test
    void aHeaderNothingRecognisesSaysHowTheFileWasRead() {
        // a semicolon file whose header also holds no known name: the clerk learns encoding and separator used
        SheetReader.ReadSheet sheet = csv("编号|名称\n1|x\n".getBytes(StandardCharsets.UTF_8));
        List<Violation> errors = sheet.missing(List.of("code", "title"));
        assertEquals(List.of("import.header", "import.header", "import.read-as"),
                errors.stream().map(Violation::messageKey).toList());
        assertEquals("UTF-8", errors.get(2).args()[0]);
        assertEquals(",", errors.get(2).args()[1]);
        // one known column: only what is missing is said
        assertEquals(1, csv(LEDGER.replace("问题/任务", "事项").getBytes(StandardCharsets.UTF_8))
                .missing(List.of("code", "title")).size());
    }

    @Test
    void anUnclosedQuoteIsNamedByLine() {
        byte[] content = "单位代码,问题/任务\n1,ok\n2,\"not closed\n".getBytes(StandardCharsets.UTF_8);
        SheetUnreadable e = assertThrows(SheetUnreadable.class, () -> csv(content));
        assertEquals("import.csv-quote", e.violation().messageKey());
        assertEquals(3, e.violation().line());
    }

    @Test
    void anOldXlsFileIsToldToBeSavedAgain() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        SheetUnreadable e = assertThrows(SheetUnreadable.class,
                () -> SheetReader.read(file(xls), SheetReader.XLSX, ROWS, READ));
        assertEquals("import.legacy-xls", e.violation().messageKey());
    }

    @Test
    void datesTypedIntoExcelReadAsIsoDatesAndCodesAsDigits() throws IOException {
        byte[] content;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("单位代码");
            header.createCell(1).setCellValue("销号日期");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(513221100000d);
            var dated = row.createCell(1);
            dated.setCellValue(LocalDate.of(2026, 3, 15));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            dated.setCellStyle(style);
            workbook.write(out);
            content = out.toByteArray();
        }
        SheetReader.ReadSheet sheet = SheetReader.read(file(content), SheetReader.XLSX, ROWS, READ);
        assertEquals("513221100000", sheet.rows().get(0).get("code"));
        assertEquals("2026-03-15", sheet.rows().get(0).get("verified"));
        assertEquals(2, sheet.rows().get(0).line());
    }

    private SheetReader.ReadSheet read(byte[] content) {
        return csv(content);
    }

    private SheetReader.ReadSheet csv(byte[] content) {
        return SheetReader.csv(file(content), ROWS, READ);
    }

    private Path file(byte[] content) {
        try {
            return Files.write(Files.createTempFile(dir, "sheet", null), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
