package org.tuanjie.tasks.bulletin.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The PDF form, rendered from the same content as the Word form: A4, GB/T 9704's margins and line pitch, text justified
 * on both sides with closing punctuation never starting a line (避头尾), headings set bold where the machine's font has
 * no bold face, tables whose header row repeats on every page, the page number centred below the text as "— 1 —".
 * One CJK font serves all text: the one {@link PdfFonts} found on the machine, embedded as a subset, so the file reads
 * the same everywhere.
 */
final class PdfDocument implements OfficialDocument {

    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = MARGIN_LEFT / 20f;
    private static final float RIGHT = PAGE_WIDTH - MARGIN_RIGHT / 20f;
    private static final float TOP = PAGE_HEIGHT - MARGIN_TOP / 20f;
    private static final float BOTTOM = MARGIN_BOTTOM / 20f;
    private static final float LINE = (float) LINE_POINTS;
    private static final float INDENT = 2 * BODY_POINTS;
    private static final float CELL_PADDING = 3;
    private static final float TABLE_LINE = TABLE_POINTS * 1.45f;
    /** Characters that may not begin a line: they stay at the end of the line before, past the margin if need be. */
    private static final String NO_LINE_START = "，。、；：？！）》」』”’〕】,.;:?!)%";

    private enum Align { JUSTIFY, CENTRE, RIGHT }

    /** A piece of text in one weight. */
    private record Run(String text, boolean bold) {
    }

    /** A line ready to draw: its runs and their natural width. */
    private record Line(List<Run> runs, float width, boolean last) {
    }

    private final PDDocument document;
    private final PdfFonts.Loaded font;
    private PDPageContentStream content;
    private float y;

    PdfDocument(PdfFonts fonts) {
        document = new PDDocument();
        try {
            font = fonts.load(document);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreator("Tuanjie");
        info.setProducer("Tuanjie (Apache PDFBox)");
        info.setCreationDate(Calendar.getInstance());
        document.getDocumentCatalog().setLanguage("zh-CN");
    }

    @Override
    public void title(String text) {
        if (document.getDocumentInformation().getTitle() == null) {
            document.getDocumentInformation().setTitle(text);
        }
        y -= 20;
        block(List.of(new Run(text, false)), TITLE_POINTS, Math.max(LINE, TITLE_POINTS * 1.5f), 0, 0, Align.CENTRE);
        y -= 20;
    }

    @Override
    public void centredLine(String text) {
        block(List.of(new Run(text, false)), BODY_POINTS, LINE, 0, 0, Align.CENTRE);
    }

    @Override
    public void heading1(String text) {
        block(List.of(new Run(text, true)), BODY_POINTS, LINE, INDENT, 0, Align.JUSTIFY);
    }

    @Override
    public void heading2(String text) {
        block(List.of(new Run(text, false)), BODY_POINTS, LINE, INDENT, 0, Align.JUSTIFY);
    }

    @Override
    public void paragraph(String text) {
        block(List.of(new Run(text, false)), BODY_POINTS, LINE, INDENT, 0, Align.JUSTIFY);
    }

    @Override
    public void paragraph(String lead, String text) {
        block(List.of(new Run(lead, true), new Run(text, false)), BODY_POINTS, LINE, INDENT, 0, Align.JUSTIFY);
    }

    @Override
    public void signature(String office, String date) {
        y -= LINE;
        for (String line : List.of(office, date)) {
            block(List.of(new Run(line, false)), BODY_POINTS, LINE, 0, 2 * INDENT, Align.RIGHT);
        }
    }

    @Override
    public void pageBreak() {
        newPage();
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
        float[] widths = columnWidths(header, rows);
        List<List<String>> headerCells = wrapRow(header, widths);
        float headerHeight = rowHeight(headerCells);
        ensurePage();
        y -= TABLE_LINE / 2;
        if (y - headerHeight < BOTTOM) {
            newPage();
        }
        drawRow(headerCells, widths, true);
        for (List<String> row : rows) {
            List<List<String>> cells = wrapRow(row, widths);
            if (y - rowHeight(cells) < BOTTOM) {
                newPage();
                drawRow(headerCells, widths, true);
            }
            drawRow(cells, widths, false);
        }
        y -= TABLE_LINE / 2;
    }

    @Override
    public void write(OutputStream out) {
        try {
            ensurePage();
            content.close();
            content = null;
            int number = 0;
            for (PDPage page : document.getPages()) {
                try (PDPageContentStream folio = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String text = "— " + ++number + " —";
                    float size = 14;
                    folio.beginText();
                    folio.setFont(font.font(), size);
                    folio.newLineAtOffset((PAGE_WIDTH - width(text, size)) / 2, BOTTOM - 20 - size);
                    folio.showText(text);
                    folio.endText();
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (font != null) {
                font.close();
            }
        }
    }

    // --- paragraphs ---------------------------------------------------------------------------------------------

    /** Lays out runs as lines of {@code size} points, {@code pitch} apart, breaking pages as it goes. */
    private void block(List<Run> runs, float size, float pitch, float firstIndent, float rightIndent, Align align) {
        ensurePage();
        float available = RIGHT - LEFT - rightIndent;
        List<Line> lines = breakLines(runs, size, available - firstIndent, available);
        for (int i = 0; i < lines.size(); i++) {
            if (y - pitch < BOTTOM) {
                newPage();
            }
            y -= pitch;
            Line line = lines.get(i);
            float indent = i == 0 ? firstIndent : 0;
            float room = available - indent;
            float x = switch (align) {
                case JUSTIFY -> LEFT + indent;
                case CENTRE -> LEFT + (room - line.width()) / 2;
                case RIGHT -> LEFT + room - line.width();
            };
            int glyphs = line.runs().stream().mapToInt(r -> r.text().codePointCount(0, r.text().length())).sum();
            float spacing = align == Align.JUSTIFY && !line.last() && glyphs > 1 && line.width() < room
                    ? (room - line.width()) / (glyphs - 1) : 0;
            drawLine(line, Math.max(LEFT, x), y + (pitch - size) / 2 + size * 0.12f, size, spacing);
        }
    }

    /**
     * Greedy line breaking: a CJK character may end a line anywhere, a run of Latin letters or digits only at its ends
     * (unless it alone is longer than a line), and closing punctuation hangs at the end of the line it follows.
     */
    private List<Line> breakLines(List<Run> runs, float size, float firstWidth, float width) {
        List<Line> lines = new ArrayList<>();
        List<Run> current = new ArrayList<>();
        float used = 0;
        float room = firstWidth;
        for (Run run : runs) {
            for (String token : tokens(font.printable(run.text()))) {
                if (token.equals("\n")) {
                    lines.add(new Line(current, used, true));
                    current = new ArrayList<>();
                    used = 0;
                    room = width;
                    continue;
                }
                float w = width(token, size);
                boolean hangs = NO_LINE_START.indexOf(token.charAt(0)) >= 0;
                if (used + w > room && !current.isEmpty() && !hangs) {
                    lines.add(new Line(current, used, false));
                    current = new ArrayList<>();
                    used = 0;
                    room = width;
                    if (token.isBlank()) {
                        continue;
                    }
                }
                if (w > room && token.length() > 1) {
                    // a Latin word longer than a line: break it by characters
                    for (String piece : token.split("(?<=.)")) {
                        float pw = width(piece, size);
                        if (used + pw > room && !current.isEmpty()) {
                            lines.add(new Line(current, used, false));
                            current = new ArrayList<>();
                            used = 0;
                            room = width;
                        }
                        append(current, piece, run.bold());
                        used += pw;
                    }
                    continue;
                }
                append(current, token, run.bold());
                used += w;
            }
        }
        lines.add(new Line(current, used, true));
        return lines;
    }

    private static void append(List<Run> line, String text, boolean bold) {
        if (!line.isEmpty() && line.get(line.size() - 1).bold() == bold) {
            Run last = line.remove(line.size() - 1);
            line.add(new Run(last.text() + text, bold));
        } else {
            line.add(new Run(text, bold));
        }
    }

    /** Single CJK characters, runs of other letters and digits, single spaces, line breaks. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean wordChar = cp < 0x2E80 && !Character.isWhitespace(cp) && NO_LINE_START.indexOf(cp) < 0;
            if (wordChar) {
                word.appendCodePoint(cp);
                return;
            }
            if (!word.isEmpty()) {
                tokens.add(word.toString());
                word.setLength(0);
            }
            tokens.add(cp == '\n' || cp == PdfFonts.Loaded.IDEOGRAPHIC_SPACE ? Character.toString(cp)
                    : Character.isWhitespace(cp) ? " " : Character.toString(cp));
        });
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private void drawLine(Line line, float x, float baseline, float size, float spacing) {
        try {
            float at = x;
            content.setLineWidth(size * 0.03f);
            for (Run run : line.runs()) {
                content.beginText();
                content.setFont(font.font(), size);
                content.setCharacterSpacing(spacing);
                if (run.bold()) {
                    // no bold face in the font: stroke the outline too, as word processors do
                    content.setRenderingMode(RenderingMode.FILL_STROKE);
                } else {
                    content.setRenderingMode(RenderingMode.FILL);
                }
                content.newLineAtOffset(at, baseline);
                content.showText(run.text());
                content.endText();
                at += width(run.text(), size) + spacing * run.text().codePointCount(0, run.text().length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- tables -------------------------------------------------------------------------------------------------

    /**
     * Each column at least as wide as its header, its longest word (a date, a number) and, up to five characters, its
     * longest cell (so 状态's 整改中 keeps to one line); the rest of the width shared in proportion to what each column's
     * longest cell would need on one line (so the ledger's long texts get the room, 序号 does not).
     */
    private float[] columnWidths(List<String> header, List<List<String>> rows) {
        int columns = header.size();
        float total = RIGHT - LEFT;
        float pad = 2 * CELL_PADDING + 1;
        float[] floor = new float[columns];
        float[] natural = new float[columns];
        for (int c = 0; c < columns; c++) {
            floor[c] = width(font.printable(header.get(c)), TABLE_POINTS) + pad;
            natural[c] = floor[c];
            for (List<String> row : rows) {
                String cell = font.printable(row.get(c));
                float whole = width(cell, TABLE_POINTS) + pad;
                natural[c] = Math.max(natural[c], whole);
                floor[c] = Math.max(floor[c], Math.min(whole, 5 * TABLE_POINTS + pad));
                for (String token : tokens(cell)) {
                    floor[c] = Math.max(floor[c], Math.min(width(token, TABLE_POINTS) + pad, total / 4));
                }
            }
        }
        float floors = 0;
        float wants = 0;
        for (int c = 0; c < columns; c++) {
            floors += floor[c];
            wants += natural[c] - floor[c];
        }
        float[] widths = new float[columns];
        float spare = Math.max(0, total - floors);
        for (int c = 0; c < columns; c++) {
            widths[c] = floor[c] + (wants == 0 ? spare / columns : spare * (natural[c] - floor[c]) / wants);
        }
        float sum = 0;
        for (float w : widths) {
            sum += w;
        }
        if (sum > total) {
            for (int c = 0; c < columns; c++) {
                widths[c] *= total / sum;
            }
        }
        return widths;
    }

    private List<List<String>> wrapRow(List<String> row, float[] widths) {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
            float room = widths[c] - 2 * CELL_PADDING;
            List<String> lines = new ArrayList<>();
            for (Line line : breakLines(List.of(new Run(row.get(c), false)), TABLE_POINTS, room, room)) {
                lines.add(line.runs().stream().map(Run::text).reduce("", String::concat));
            }
            cells.add(lines);
        }
        return cells;
    }

    private static float rowHeight(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * TABLE_LINE + 2 * CELL_PADDING;
    }

    private void drawRow(List<List<String>> cells, float[] widths, boolean header) {
        float height = rowHeight(cells);
        try {
            float x = LEFT;
            for (int c = 0; c < cells.size(); c++) {
                content.setLineWidth(0.5f);
                content.addRect(x, y - height, widths[c], height);
                content.stroke();
                float baseline = y - CELL_PADDING - TABLE_LINE + (TABLE_LINE - TABLE_POINTS) / 2 + TABLE_POINTS * 0.12f;
                for (String text : cells.get(c)) {
                    float left = header ? x + (widths[c] - width(text, TABLE_POINTS)) / 2 : x + CELL_PADDING;
                    drawLine(new Line(List.of(new Run(text, header)), 0, true), left, baseline, TABLE_POINTS, 0);
                    baseline -= TABLE_LINE;
                }
                x += widths[c];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height;
    }

    // --- pages --------------------------------------------------------------------------------------------------

    private void ensurePage() {
        if (content == null) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(String text, float size) {
        return font.width(text) * size / 1000f;
    }
}
