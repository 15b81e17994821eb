package org.tuanjie.units.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the unit sheet a county clerk already keeps, as CSV (UTF-8, with or without BOM) or
 * .xlsx (first sheet). Headers may be English or Chinese; they are mapped to canonical names.
 */
public final class SheetReader {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("code", "code"), Map.entry("代码", "code"), Map.entry("单位代码", "code"),
            Map.entry("统一社会信用代码", "code"), Map.entry("区划代码", "code"),
            Map.entry("name", "name_zh"), Map.entry("name_zh", "name_zh"), Map.entry("名称", "name_zh"),
            Map.entry("单位名称", "name_zh"), Map.entry("name_bo", "name_bo"), Map.entry("藏文名称", "name_bo"),
            Map.entry("name_en", "name_en"), Map.entry("英文名称", "name_en"),
            Map.entry("parent_code", "parent_code"), Map.entry("上级代码", "parent_code"),
            Map.entry("上级单位代码", "parent_code"), Map.entry("kind", "kind"), Map.entry("类型", "kind"),
            Map.entry("单位类型", "kind"),
            Map.entry("leader_name", "leader_name"), Map.entry("主要负责人", "leader_name"),
            Map.entry("leader_phone", "leader_phone"), Map.entry("主要负责人电话", "leader_phone"),
            Map.entry("leader_username", "leader_username"), Map.entry("主要负责人账号", "leader_username"),
            Map.entry("liaison_name", "liaison_name"), Map.entry("联络员", "liaison_name"),
            Map.entry("liaison_phone", "liaison_phone"), Map.entry("联络员电话", "liaison_phone"),
            Map.entry("liaison_username", "liaison_username"), Map.entry("联络员账号", "liaison_username"),
            Map.entry("temporary_password", "temporary_password"), Map.entry("初始密码", "temporary_password"),
            Map.entry("people_from", "people_from"), Map.entry("任职日期", "people_from"));

    private SheetReader() {
    }

    /** Canonical column name of a header cell, or null for a column we do not read. */
    public static String canonical(String header) {
        if (header == null) {
            return null;
        }
        return HEADERS.get(clean(header));
    }

    public static Sheet1 csv(byte[] content) throws IOException {
        return csv(content, SheetReader::canonical);
    }

    /** @param columns the canonical name of a header cell, or null for a column not read */
    public static Sheet1 csv(byte[] content, Function<String, String> columns) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return new Sheet1(List.of(), List.of(), columns);
            }
            List<String> header = new ArrayList<>();
            records.get(0).forEach(header::add);
            List<SheetRow> rows = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                List<String> cells = new ArrayList<>();
                records.get(i).forEach(cells::add);
                addRow(rows, header, cells, i + 1, columns);
            }
            return new Sheet1(header, rows, columns);
        }
    }

    public static Sheet1 xlsx(byte[] content) throws IOException {
        return xlsx(content, SheetReader::canonical);
    }

    /** @param columns the canonical name of a header cell, or null for a column not read */
    public static Sheet1 xlsx(byte[] content, Function<String, String> columns) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
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
                    addRow(rows, header, cells, row.getRowNum() + 1, columns);
                }
            }
            return new Sheet1(header, rows, columns);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        // codes typed into Excel become numbers; "General" would show 5.13221E+11
        if (cell.getCellType() == CellType.NUMERIC) {
            BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            return number.scale() <= 0 ? number.toPlainString() : formatter.formatCellValue(cell);
        }
        return formatter.formatCellValue(cell);
    }

    private static void addRow(List<SheetRow> rows, List<String> header, List<String> cells, int line,
            Function<String, String> columns) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        Map<String, String> byColumn = new HashMap<>();
        for (int c = 0; c < header.size() && c < cells.size(); c++) {
            String column = columns.apply(clean(header.get(c)));
            if (column != null) {
                byColumn.put(column, cells.get(c));
            }
        }
        rows.add(new SheetRow(line, byColumn));
    }

    /** A header cell as it is looked up: without a byte-order mark or surrounding blanks, in lower case. */
    public static String clean(String header) {
        return header == null ? null : header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    /** The header as written, and the data rows. */
    public record Sheet1(List<String> header, List<SheetRow> rows, Function<String, String> columns) {
        public boolean hasColumn(String canonical) {
            return header.stream().map(SheetReader::clean).map(columns).anyMatch(canonical::equals);
        }
    }
}
