package org.tuanjie.platform.sheets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.tuanjie.platform.problem.Violation;

/**
 * Reads a sheet a clerk already keeps: CSV or .xlsx (first sheet). A CSV file may be UTF-8 (with or without a
 * byte-order mark), UTF-16 with its mark, or GBK (GB18030) as Excel saves "CSV" on Chinese Windows; its values may be
 * separated by commas, tabs or semicolons. Which was found is told with the sheet, so a file read wrongly can say
 * how it was read. Header cells map to canonical column names through the caller's function.
 *
 * <p>The sheet is read from a file, as it streams: a workbook part by part ({@link XlsxSheet}), a CSV file record by
 * record, so that what is held is the rows kept and no more. At most {@code maxRows} data rows are kept: reading stops
 * at the first one over ({@link SheetTooLong}), however long the sheet.
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
    private static final byte[] UTF8_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_MARK = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_MARK = {(byte) 0xFE, (byte) 0xFF};

    private SheetReader() {
    }

    /**
     * The sheet in the file, .xlsx when the media type says so and CSV otherwise.
     *
     * @param maxRows the data rows (not counting the header and blank rows) a sheet may have
     * @param columns the canonical name of a (cleaned) header cell, or null for a column not read
     * @throws SheetUnreadable when the file is not a sheet of that kind
     * @throws SheetTooLong    when it has more than {@code maxRows} data rows
     */
    public static ReadSheet read(Path file, String mediaType, int maxRows, Function<String, String> columns) {
        return mediaType != null && mediaType.startsWith(XLSX) ? xlsx(file, maxRows, columns) : csv(file, maxRows, columns);
    }

    public static ReadSheet csv(Path file, int maxRows, Function<String, String> columns) {
        Encoding encoding = encoding(file);
        char separator;
        try (Reader header = encoding.reader(file)) {
            separator = separator(header);
        } catch (IOException e) {
            throw unreadable(e);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        List<String> header = new ArrayList<>();
        List<SheetRow> rows = new ArrayList<>();
        try (Reader text = encoding.reader(file); CSVParser parser = format.parse(text)) {
            int line = 0;
            for (CSVRecord record : parser) {
                line++;
                if (line == 1) {
                    header.addAll(record.toList());
                } else {
                    addRow(rows, header, record.toList(), line, columns);
                    if (rows.size() > maxRows) {
                        throw new SheetTooLong(maxRows);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the parser names the line where a quote does not close: say so there, in the clerk's words
            Matcher line = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
            if (line.find()) {
                throw new SheetUnreadable(new Violation("file", "import.csv-quote").atLine(Integer.parseInt(line.group(1))), e);
            }
            throw unreadable(e);
        }
        return new ReadSheet(header, rows, columns, encoding.name(), separator == '\t' ? "tab" : String.valueOf(separator));
    }

    /** The first sheet of a workbook; the others are never parsed. */
    public static ReadSheet xlsx(Path file, int maxRows, Function<String, String> columns) {
        if (startsWith(file, OLE2)) {
            throw new SheetUnreadable(new Violation("file", "import.legacy-xls"), null);
        }
        return XlsxSheet.read(file, maxRows, columns);
    }

    static SheetUnreadable unreadable(Exception e) {
        return new SheetUnreadable(new Violation("file", "import.unreadable",
                e.getClass().getSimpleName().replaceAll("Exception$", "")), e);
    }

    /**
     * How a CSV file's text is encoded: its byte-order mark, else the first of {@link #ENCODINGS} that decodes every
     * byte (tried as the file streams past, not held).
     */
    static Encoding encoding(Path file) {
        if (startsWith(file, UTF8_MARK)) {
            return new Encoding(StandardCharsets.UTF_8, UTF8_MARK.length, "UTF-8");
        }
        if (startsWith(file, UTF16LE_MARK)) {
            return new Encoding(StandardCharsets.UTF_16LE, UTF16LE_MARK.length, "UTF-16LE");
        }
        if (startsWith(file, UTF16BE_MARK)) {
            return new Encoding(StandardCharsets.UTF_16BE, UTF16BE_MARK.length, "UTF-16BE");
        }
        for (Charset charset : ENCODINGS) {
            Encoding candidate = new Encoding(charset, 0, charset == StandardCharsets.UTF_8 ? "UTF-8" : "GBK/GB18030");
            try (Reader text = candidate.reader(file)) {
                char[] chars = new char[8192];
                while (text.read(chars) >= 0) {
                    // decoding every byte is the test
                }
                return candidate;
            } catch (CharacterCodingException next) {
                // not this one
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        throw new SheetUnreadable(new Violation("file", "import.encoding", ENCODINGS_TRIED), null);
    }

    /** The separator the header line uses most, outside quotes: comma, tab or semicolon (comma when none). */
    static char separator(Reader text) throws IOException {
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int read = text.read(); read >= 0; read = text.read()) {
            char c = (char) read;
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

    private static boolean startsWith(Path file, byte[] prefix) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Adds the row unless every cell of it is blank. */
    static void addRow(List<SheetRow> rows, List<String> header, List<String> cells, int line,
            Function<String, String> columns) {
        if (!blank(cells)) {
            rows.add(row(header, cells, line, columns));
        }
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** The row's cells by the canonical names of their columns; a cell without a header is not read. */
    static SheetRow row(List<String> header, List<String> cells, int line, Function<String, String> columns) {
        Map<String, String> byColumn = new HashMap<>();
        for (int c = 0; c < header.size() && c < cells.size(); c++) {
            String column = columns.apply(clean(header.get(c)));
            if (column != null) {
                byColumn.put(column, cells.get(c));
            }
        }
        return new SheetRow(line, byColumn);
    }

    /** A header cell as it is looked up: without a byte-order mark or surrounding blanks, in lower case. */
    public static String clean(String header) {
        return header == null ? null : header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * @param skipped the byte-order mark's bytes
     * @param name    how the encoding is named to the clerk
     */
    record Encoding(Charset charset, int skipped, String name) {

        /** The file's text; a byte this encoding cannot decode fails the read ({@link CharacterCodingException}). */
        Reader reader(Path file) throws IOException {
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(skipped);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new InputStreamReader(in, decoder));
        }
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
