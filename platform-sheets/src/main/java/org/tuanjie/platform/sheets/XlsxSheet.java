package org.tuanjie.platform.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tuanjie.platform.sheets.SheetReader.ReadSheet;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an .xlsx workbook, read as it streams. The workbook is opened from its file, whose zip entries are
 * read on demand: the first sheet's XML passes through a SAX parser row by row, the other sheets are never read, and of
 * the shared strings (the text of every sheet, in one part) only those the first sheet uses are kept. What is held is
 * the rows kept, and of each only the cells under the header; {@code new XSSFWorkbook(...)} holds every part of the file
 * as objects, many times its size.
 *
 * <p>Cells read as the workbook model with {@link DataFormatter} read them: a number in a date format as an ISO date
 * (or date and time), an integral number as its digits (codes typed into Excel become numbers, and "General" would show
 * 5.13221E+11), another number as its format shows it, text as written. A formula reads as its value when last
 * saved, not as its text.
 */
final class XlsxSheet {

    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private XlsxSheet() {
    }

    static ReadSheet read(Path file, int maxRows, Function<String, String> columns) {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw SheetReader.unreadable(e);
        }
        try {
            XSSFReader reader = new XSSFReader(workbook);
            boolean date1904 = date1904(reader);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return new ReadSheet(List.of(), List.of(), columns, "xlsx", null);
            }
            FirstSheet sheet = new FirstSheet(styles(reader), date1904, maxRows);
            try (InputStream xml = sheets.next()) {
                parse(xml, sheet);
            }
            return sheet.read(sharedStrings(workbook, sheet.sharedStrings), columns);
        } catch (RowLimit e) {
            throw new SheetTooLong(maxRows);
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw SheetReader.unreadable(e);
        } finally {
            workbook.revert(); // closes the file; close() would try to save a package opened to read
        }
    }

    /** Parses the XML with the handler until its end, or until the handler says it has read enough. */
    private static void parse(InputStream xml, ContentHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader parser = XMLHelper.newXMLReader(); // no DTDs, no external entities
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(xml));
        } catch (Enough done) {
            // the rest of the part is not needed
        }
    }

    /** Whether the workbook counts days from 1904 (old Mac Excel) rather than from 1900. */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        boolean[] from1904 = {false};
        try (InputStream xml = reader.getWorkbookData()) {
            parse(xml, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes)
                        throws SAXException {
                    if (localName.equals("workbookPr")) {
                        String value = attributes.getValue("date1904");
                        from1904[0] = "1".equals(value) || "true".equals(value);
                    } else if (localName.equals("sheets")) {
                        throw new Enough(); // workbookPr comes before the sheets, if at all
                    }
                }
            });
        }
        return from1904[0];
    }

    /** The cell formats; none in a workbook without a styles part, whose numbers then read as Java writes them. */
    private static StylesTable styles(XSSFReader reader) throws IOException {
        try {
            return reader.getStylesTable();
        } catch (OpenXML4JException | RuntimeException none) {
            return null;
        }
    }

    /** The shared strings with the given indexes, read until the last of them. */
    private static Map<Integer, String> sharedStrings(OPCPackage workbook, BitSet wanted)
            throws IOException, SAXException, ParserConfigurationException {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            throw new IllegalStateException("cells refer to shared strings the workbook does not have");
        }
        SharedStrings strings = new SharedStrings(wanted);
        try (InputStream xml = parts.get(0).getInputStream()) {
            parse(xml, strings);
        }
        return strings.kept;
    }

    /** Text as Excel escapes what XML cannot hold: {@code _x000D_} for a carriage return. */
    static String unescape(String text) {
        if (!text.contains("_x")) {
            return text;
        }
        Matcher escaped = ESCAPED.matcher(text);
        StringBuilder plain = new StringBuilder(text.length());
        while (escaped.find()) {
            escaped.appendReplacement(plain, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escaped.group(1), 16))));
        }
        return escaped.appendTail(plain).toString();
    }

    /** Thrown by a handler that has read what it needs: the parse ends there. */
    private static final class Enough extends SAXException {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Thrown by the sheet's handler at a data row beyond the limit: the parse ends there, the sheet refused. */
    private static final class RowLimit extends SAXException {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A cell whose text is the shared string with this index, known once the shared strings are read. */
    private record Shared(int index) {
    }

    /**
     * A row as parsed: each cell's text, or a {@link Shared} reference; null for a column without a cell. Cells right
     * of the header's last are not kept, as no column reads them, but they make the row not blank when written.
     *
     * @param beyondHeader whether a cell right of the header holds text
     * @param sharedBeyond the shared strings of cells right of the header, which make the row not blank unless blank
     */
    private record ParsedRow(int line, List<Object> cells, boolean beyondHeader, List<Shared> sharedBeyond) {

        /** Whether the row has something written, its shared strings read. */
        boolean written(List<String> texts, Map<Integer, String> strings) {
            return beyondHeader || !SheetReader.blank(texts)
                    || sharedBeyond.stream().anyMatch(shared -> !strings.get(shared.index()).isBlank());
        }
    }

    /**
     * The rows of a sheet part ({@code <sheetData><row r="2"><c r="A2" t="s" s="1"><v>0</v></c>…}): the first is the
     * header, the others are kept unless blank, and the parse stops at the first data row over the limit.
     */
    private static final class FirstSheet extends DefaultHandler {

        final BitSet sharedStrings = new BitSet();
        private final StylesTable styles;
        private final boolean date1904;
        private final int maxRows;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final Map<String, CellStyle> scratchStyles = new HashMap<>();
        private XSSFWorkbook scratch;
        private Cell scratchCell;
        private ParsedRow header;
        private final List<ParsedRow> rows = new ArrayList<>();

        private int line;
        private List<Object> cells;
        private boolean beyondHeader;
        private List<Shared> sharedBeyond;
        private int column;
        private String type;
        private String style;
        private final StringBuilder value = new StringBuilder();
        private boolean hasValue;
        private boolean inValue;
        private boolean inInlineString;
        private boolean inText;
        private boolean inPhonetic;

        FirstSheet(StylesTable styles, boolean date1904, int maxRows) {
            this.styles = styles;
            this.date1904 = date1904;
            this.maxRows = maxRows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    line = r == null ? line + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    beyondHeader = false;
                    sharedBeyond = List.of();
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : column(r); // without a reference, right of the one before
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                    hasValue = false;
                }
                case "v" -> inValue = true;
                case "is" -> inInlineString = true;
                case "t" -> inText = inInlineString && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // formulas (<f>), the sheet's other parts: not read
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inText) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> {
                    inValue = false;
                    hasValue = true;
                }
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> {
                    inInlineString = false;
                    hasValue = true;
                }
                case "c" -> {
                    Object cell = cell();
                    if (header != null && column >= header.cells().size()) {
                        // not held (a row may be as wide as the file is long), but the row reads every header column
                        while (cells.size() < header.cells().size()) {
                            cells.add(null);
                        }
                        if (cell instanceof Shared shared && !beyondHeader) {
                            if (sharedBeyond.isEmpty()) {
                                sharedBeyond = new ArrayList<>();
                            }
                            sharedBeyond.add(shared);
                            sharedStrings.set(shared.index());
                        } else if (cell instanceof String text && !text.isBlank()) {
                            beyondHeader = true;
                            sharedBeyond = List.of();
                        }
                    } else {
                        while (cells.size() <= column) {
                            cells.add(null);
                        }
                        cells.set(column, cell);
                        if (cell instanceof Shared shared) {
                            sharedStrings.set(shared.index());
                        }
                    }
                }
                case "row" -> endRow();
                case "sheetData" -> throw new Enough(); // merged cells, page setup and the like follow
                default -> {
                    // nothing to do
                }
            }
        }

        private void endRow() throws RowLimit {
            ParsedRow row = new ParsedRow(line, cells, beyondHeader, sharedBeyond);
            if (header == null) {
                header = row;
                return;
            }
            if (beyondHeader || !sharedBeyond.isEmpty() || cells.stream().anyMatch(XlsxSheet.FirstSheet::written)) {
                if (rows.size() == maxRows) {
                    throw new RowLimit();
                }
                rows.add(row);
            }
        }

        /**
         * Whether the cell is not blank. A shared string counts as written before it is read: an empty one, which
         * Excel does not write, would count against the limit, then be dropped as blank.
         */
        private static boolean written(Object cell) {
            return cell instanceof Shared || cell instanceof String text && !text.isBlank();
        }

        /** The cell's text, or the reference to its shared string. */
        private Object cell() {
            String raw = value.toString();
            if (!hasValue) {
                return "";
            }
            return switch (type == null ? "n" : type) {
                case "s" -> new Shared(Integer.parseInt(raw.trim()));
                case "n" -> raw.isBlank() ? "" : number(Double.parseDouble(raw));
                case "b" -> "1".equals(raw.trim()) ? "TRUE" : "FALSE";
                case "inlineStr", "str" -> unescape(raw);
                default -> raw; // "e": the error as Excel shows it (#N/A); "d": an ISO date as written
            };
        }

        private String number(double number) {
            XSSFCellStyle cellStyle = style();
            int formatIndex = cellStyle == null ? 0 : cellStyle.getDataFormat();
            String format = cellStyle == null ? null : cellStyle.getDataFormatString();
            // a date typed into Excel is a number formatted as the sheet's locale likes: read it as ISO
            if (format != null && DateUtil.isValidExcelDate(number) && DateUtil.isADateFormat(formatIndex, format)) {
                LocalDateTime at = DateUtil.getLocalDateTime(number, date1904);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
            }
            // codes typed into Excel become numbers; "General" would show 5.13221E+11
            BigDecimal exact = BigDecimal.valueOf(number).stripTrailingZeros();
            if (exact.scale() <= 0) {
                return exact.toPlainString();
            }
            return format == null || format.isBlank() ? Double.toString(number) : formatted(number, format);
        }

        /**
         * The number as {@link DataFormatter} shows a cell of it in that format. It is asked with a cell of a workbook
         * of one cell: its {@code formatRawCellContents}, the method for values without a cell, rounds differently
         * (0.3 in "# ?/?" is 1/3 from a cell, 2/7 from the raw value).
         */
        private String formatted(double number, String format) {
            if (scratch == null) {
                scratch = new XSSFWorkbook(); // in memory, no file behind it: nothing to close
                scratchCell = scratch.createSheet().createRow(0).createCell(0);
            }
            CellStyle cellStyle = scratchStyles.computeIfAbsent(format, f -> {
                CellStyle made = scratch.createCellStyle();
                made.setDataFormat(scratch.createDataFormat().getFormat(f));
                return made;
            });
            scratchCell.setCellStyle(cellStyle);
            scratchCell.setCellValue(number);
            return formatter.formatCellValue(scratchCell);
        }

        /** The cell's style: the one it names, else the workbook's default (the first). */
        private XSSFCellStyle style() {
            if (styles == null || styles.getNumCellStyles() == 0) {
                return null;
            }
            return styles.getStyleAt(style == null ? 0 : Integer.parseInt(style));
        }

        /** The 0-based column of a cell reference (A1 → 0, AB7 → 27). */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + Character.toUpperCase(reference.charAt(i)) - 'A' + 1;
            }
            return column - 1;
        }

        /** The sheet, its shared strings now known. */
        ReadSheet read(Map<Integer, String> strings, Function<String, String> columns) {
            List<String> headerCells = header == null ? List.of() : texts(header.cells(), strings);
            List<SheetRow> kept = new ArrayList<>(rows.size());
            for (ParsedRow row : rows) {
                List<String> cells = texts(row.cells(), strings);
                if (row.written(cells, strings)) {
                    kept.add(SheetReader.row(headerCells, cells, row.line(), columns));
                }
            }
            return new ReadSheet(new ArrayList<>(headerCells), kept, columns, "xlsx", null);
        }

        private static List<String> texts(List<Object> cells, Map<Integer, String> strings) {
            List<String> texts = new ArrayList<>(cells.size());
            for (Object cell : cells) {
                if (cell instanceof Shared shared) {
                    String text = strings.get(shared.index());
                    if (text == null) {
                        throw new IllegalStateException("shared string " + shared.index() + " is not in the workbook");
                    }
                    texts.add(text);
                } else {
                    texts.add(cell == null ? "" : (String) cell);
                }
            }
            return texts;
        }
    }

    /**
     * The shared strings part ({@code <sst><si><t>…</t></si><si><r><t>…</t></r>…</si>…}), keeping the strings with the
     * wanted indexes: a rich string is its runs' text, without its phonetic guide ({@code <rPh>}).
     */
    private static final class SharedStrings extends DefaultHandler {

        final Map<Integer, String> kept = new HashMap<>();
        private final BitSet wanted;
        private final int last;
        private int index = -1;
        private boolean keep;
        private boolean inText;
        private boolean inPhonetic;
        private final StringBuilder text = new StringBuilder();

        SharedStrings(BitSet wanted) {
            this.wanted = wanted;
            this.last = wanted.length() - 1;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> {
                    index++;
                    keep = wanted.get(index);
                    text.setLength(0);
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = keep && !inPhonetic;
                default -> {
                    // <r>, <rPr> and the like: only the text counts
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    if (keep) {
                        kept.put(index, unescape(text.toString()));
                    }
                    if (index >= last) {
                        throw new Enough();
                    }
                }
                default -> {
                    // nothing to do
                }
            }
        }
    }
}
