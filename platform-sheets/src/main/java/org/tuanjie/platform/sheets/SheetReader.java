package org.tuanjie.platform.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuanjie.platform.problem.Violation;

/**
 * Reads a sheet a clerk already keeps: CSV or .xlsx (first sheet). A CSV file may be UTF-8 (with or without a
 * byte-order mark), UTF-16 with its mark, or GBK (GB18030) as Excel saves "CSV" on Chinese Windows; its values may be
 * separated by commas, tabs or semicolons. Which was found is told with the sheet, so a file read wrongly can say
 * how it was read. Header cells map to canonical column names through the caller's function.
 */
public final class SheetReader {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What {@link #csv} tries, in order, after a byte-order mark. */
    static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"));
    static final String ENCODINGS_TRIED = "UTF-8, UTF-16 (with byte-order mark), GBK/GB18030";
    static final String SEPARATORS_TRIED = ", ; tab";

    private static final Pattern PARSER_LINE = Pattern.compile("line:? (\\d+)");
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private SheetReader() {
    }

    /**
     * The sheet in the file, .xlsx when the media type says so and CSV otherwise.
     *
     * @param columns the canonical name of a (cleaned) header cell, or null for a column not read
     * @throws SheetUnreadable when the bytes are not a sheet of that kind
     */
    public static ReadSheet read(byte[] content, String mediaType, Function<String, String> columns) {
        return mediaType != null && mediaType.startsWith(XLSX) ? xlsx(content, columns) : csv(content, columns);
    }

    public static ReadSheet csv(byte[] content, Function<String, String> columns) {
        Decoded text = decode(content);
        char separator = separator(text.text());
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        List<CSVRecord> records;
        try (CSVParser parser = format.parse(new StringReader(text.text()))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the parser names the line where a quote does not close: say so there, in the clerk's words
            Matcher line = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
            if (line.find()) {
                throw new SheetUnreadable(new Violation("file", "import.csv-quote").atLine(Integer.parseInt(line.group(1))), e);
            }
            throw unreadable(e);
        }
        List<String> header = new ArrayList<>();
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<String> cells = new ArrayList<>();
            records.get(i).forEach(cells::add);
            if (i == 0) {
                header.addAll(cells);
            } else {
                addRow(rows, header, cells, i + 1, columns);
            }
        }
        return new ReadSheet(header, rows, columns, text.encoding(), separator == '\t' ? "tab" : String.valueOf(separator));
    }

    public static ReadSheet xlsx(byte[] content, Function<String, String> columns) {
        if (startsWith(content, OLE2)) {
            throw new SheetUnreadable(new Violation("file", "import.legacy-xls"), null);
        }
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
            return new ReadSheet(header, rows, columns, "xlsx", null);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static SheetUnreadable unreadable(Exception e) {
        return new SheetUnreadable(new Violation("file", "import.unreadable",
                e.getClass().getSimpleName().replaceAll("Exception$", "")), e);
    }

    /** The text, in the first encoding that decodes every byte. */
    static Decoded decode(byte[] content) {
        if (startsWith(content, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            return new Decoded(new String(content, 3, content.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (startsWith(content, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        for (Charset charset : ENCODINGS) {
            try {
                String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                return new Decoded(text, charset == StandardCharsets.UTF_8 ? "UTF-8" : "GBK/GB18030");
            } catch (CharacterCodingException next) {
                // not this one
            }
        }
        throw new SheetUnreadable(new Violation("file", "import.encoding", ENCODINGS_TRIED), null);
    }

    /** The separator the header line uses most, outside quotes: comma, tab or semicolon (comma when none). */
    static char separator(String text) {
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            // a date typed into Excel is a number formatted as the sheet's locale likes: read it as ISO
            if (DateUtil.isCellDateFormatted(cell)) {
                var at = cell.getLocalDateTimeCellValue();
                return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
            }
            // codes typed into Excel become numbers; "General" would show 5.13221E+11
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

    record Decoded(String text, String encoding) {
    }

    /**
     * The header as written, the data rows, and how the file was read.
     *
     * @param encoding the character encoding a CSV file was read in ({@code xlsx} for a workbook)
     * @param separator what separated a CSV file's values (null for a workbook)
     */
    public record ReadSheet(List<String> header, List<SheetRow> rows, Function<String, String> columns, String encoding,
            String separator) {

        public boolean hasColumn(String canonical) {
            return header.stream().map(SheetReader::clean).map(columns).anyMatch(canonical::equals);
        }

        /**
         * A line-1 error for each required column the header lacks; when no column at all was recognised, how the
         * file was read and what else was tried, as a file in another encoding or with another separator shows.
         */
        public List<Violation> missing(List<String> required) {
            return missing(required, column -> column);
        }

        /** @param shownAs how the error names a canonical column (its header in the service's own export, say) */
        public List<Violation> missing(List<String> required, Function<String, String> shownAs) {
            List<Violation> errors = new ArrayList<>();
            for (String column : required) {
                if (!hasColumn(column)) {
                    errors.add(new Violation(column, "import.header", shownAs.apply(column)).atLine(1));
                }
            }
            boolean noneKnown = header.stream().map(SheetReader::clean).map(columns).allMatch(java.util.Objects::isNull);
            if (!errors.isEmpty() && noneKnown && separator != null) {
                errors.add(new Violation("file", "import.read-as", encoding, separator, ENCODINGS_TRIED, SEPARATORS_TRIED)
                        .atLine(1));
            }
            return errors;
        }
    }
}
