package org.tuanjie.platform.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20 MB workbook, read in a heap of 128 MiB (this module's tests run with -Xmx128m, as the unit import's service may):
 * its first sheet holds the 20,000 units a county imports at most, its second a long table of other text. Loaded as a
 * whole workbook it does not fit; streamed, only the first sheet's rows are held.
 */
class LargeWorkbookTest {

    static final int UNITS = 20_000;
    static final long TWENTY_MB = 20L * 1024 * 1024;
    private static final Map<String, String> UNIT_COLUMNS = Map.of("单位代码", "code", "单位名称", "name_zh",
            "上级单位代码", "parent_code", "单位类型", "kind");
    private static final Function<String, String> READ = UNIT_COLUMNS::get;

    @TempDir
    static Path dir;

    static Path workbook;
    static Path savedByExcel;

    @BeforeAll
    static void writeTheWorkbooks() throws IOException {
        workbook = dir.resolve("units.xlsx");
        write(workbook);
        savedByExcel = dir.resolve("units-shared-strings.xlsx");
        writeAsExcelSavesIt(savedByExcel);
    }

    @Test
    void readsTheFirstSheetOfATwentyMegabyteWorkbookInASmallHeap() {
        assertTrue(Runtime.getRuntime().maxMemory() <= 160L * 1024 * 1024,
                "run with -Xmx128m (platform-sheets/pom.xml), else this test proves nothing");
        assertTrue(workbook.toFile().length() >= TWENTY_MB, workbook.toFile().length() + " bytes");

        SheetReader.ReadSheet sheet = SheetReader.read(workbook, SheetReader.XLSX, UNITS, READ);

        assertEquals(UNITS, sheet.rows().size());
        SheetRow township = sheet.rows().get(0);
        assertEquals(2, township.line());
        assertEquals("513330200000", township.get("code"));
        assertEquals("513330000000", township.get("parent_code"));
        assertEquals("乡镇", township.get("kind"));
        SheetRow last = sheet.rows().get(UNITS - 1);
        assertEquals(UNITS + 1, last.line());
        assertEquals("513330299199", last.get("code"));
        assertEquals("513330299000", last.get("parent_code"));
        assertEquals("第299乡第199村", last.get("name_zh"));
        assertEquals("村", last.get("kind"));
    }

    @Test
    void keepsOnlyTheSharedStringsOfTheFirstSheet() {
        assertTrue(savedByExcel.toFile().length() >= TWENTY_MB, savedByExcel.toFile().length() + " bytes");

        SheetReader.ReadSheet sheet = SheetReader.read(savedByExcel, SheetReader.XLSX, UNITS, READ);

        assertEquals(UNITS, sheet.rows().size());
        assertEquals("第200乡", sheet.rows().get(0).get("name_zh"));
        assertEquals("乡镇", sheet.rows().get(0).get("kind"));
        SheetRow last = sheet.rows().get(UNITS - 1);
        assertEquals("513330299199", last.get("code"));
        assertEquals("第299乡第199村", last.get("name_zh"));
        assertEquals("村", last.get("kind"));
    }

    @Test
    void oneUnitOverTheLimitIsRefusedWithoutReadingOn() {
        SheetTooLong e = assertThrows(SheetTooLong.class,
                () -> SheetReader.read(workbook, SheetReader.XLSX, UNITS - 1, READ));
        assertEquals(UNITS - 1, e.maxRows());
    }

    /**
     * Units under the county 513330000000: 100 townships (200 … 299) with 199 villages each, codes as numbers as
     * Excel keeps what a clerk types; then a second sheet of random text until the file passes 20 MB.
     */
    static void write(Path file) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            Sheet units = workbook.createSheet("单位");
            String[] header = {"单位代码", "单位名称", "上级单位代码", "单位类型"};
            Row head = units.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            int r = 1;
            for (int township = 200; township <= 299; township++) {
                String townshipCode = "513330" + township + "000";
                r = unit(units, r, townshipCode, "第" + township + "乡", "513330000000", "乡镇");
                for (int village = 1; village <= 199; village++) {
                    r = unit(units, r, "513330" + township + String.format("%03d", village),
                            "第" + township + "乡第" + village + "村", townshipCode, "村");
                }
            }
            Sheet notes = workbook.createSheet("台账");
            SplittableRandom random = new SplittableRandom(7);
            for (int n = 0; n < 130_000; n++) {
                Row row = notes.createRow(n);
                for (int c = 0; c < 6; c++) {
                    row.createCell(c).setCellValue(text(random, 10));
                }
            }
            workbook.write(out);
        }
    }

    private static int unit(Sheet sheet, int r, String code, String name, String parent, String kind) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(Double.parseDouble(code));
        row.createCell(1).setCellValue(name);
        row.createCell(2).setCellValue(Double.parseDouble(parent));
        row.createCell(3).setCellValue(kind);
        return r + 1;
    }

    /**
     * The same units as Excel saves them: every text of every sheet in one shared strings part, the cells naming them by
     * index. The second sheet's 800,000 notes come first in it, so the first sheet's are at its end.
     */
    static void writeAsExcelSavesIt(Path file) throws IOException {
        int notes = 800_000;
        int names = notes + 6;
        WorkbookParts.write(file, sst -> {
            // the notes, then the four headers, the two kinds and the units' names
            SplittableRandom random = new SplittableRandom(11);
            for (int n = 0; n < notes; n++) {
                sst.write("<si><t>" + text(random, 10) + "</t></si>");
            }
            for (String text : new String[] {"单位代码", "单位名称", "上级单位代码", "单位类型", "乡镇", "村"}) {
                sst.write("<si><t>" + text + "</t></si>");
            }
            for (int township = 200; township <= 299; township++) {
                sst.write("<si><t>第" + township + "乡</t></si>");
                for (int village = 1; village <= 199; village++) {
                    // a rich string, as a clerk's bold township name makes one, with a phonetic guide not read
                    sst.write("<si><r><rPr><b/></rPr><t>第" + township + "乡</t></r><r><t>第" + village + "村</t></r>"
                            + "<rPh sb=\"0\" eb=\"1\"><t>di</t></rPh></si>");
                }
            }
        }, units -> {
            units.write("<row r=\"1\">");
            for (int c = 0; c < 4; c++) {
                units.write("<c r=\"" + (char) ('A' + c) + "1\" t=\"s\"><v>" + (notes + c) + "</v></c>");
            }
            units.write("</row>");
            int r = 2;
            int name = names;
            for (int township = 200; township <= 299; township++) {
                String townshipCode = "513330" + township + "000";
                units.write(row(r++, townshipCode, name++, "513330000000", notes + 4));
                for (int village = 1; village <= 199; village++) {
                    units.write(row(r++, "513330" + township + String.format("%03d", village), name++, townshipCode, notes + 5));
                }
            }
        }, ledger -> {
            for (int n = 0; n < notes; n += 5) {
                ledger.write("<row r=\"" + (n / 5 + 1) + "\">");
                for (int c = 0; c < 5; c++) {
                    ledger.write("<c t=\"s\"><v>" + (n + c) + "</v></c>");
                }
                ledger.write("</row>");
            }
        });
    }

    private static String row(int r, String code, int name, String parent, int kind) {
        return "<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + code + "</v></c><c r=\"B" + r + "\" t=\"s\"><v>" + name
                + "</v></c><c r=\"C" + r + "\"><v>" + parent + "</v></c><c r=\"D" + r + "\" t=\"s\"><v>" + kind
                + "</v></c></row>";
    }

    /** Chinese characters at random: text that compresses as little as a clerk's notes do. */
    private static String text(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) random.nextInt(0x4E00, 0x9FA5);
        }
        return new String(chars);
    }
}
