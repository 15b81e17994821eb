package org.tuanjie.tasks.bulletin.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The Word form: editable, as offices need it. Font names are the ones offices have (小标宋 for the title, 仿宋 for the
 * body, 黑体 and 楷体 for headings); where a machine lacks one, Word and LibreOffice substitute a font of the same kind.
 * Headings are real headings (Word's navigation pane lists them).
 */
final class WordDocument implements OfficialDocument {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING1_FONT = "黑体";
    static final String HEADING2_FONT = "楷体_GB2312";
    static final String HEADING1 = "Heading1";
    static final String HEADING2 = "Heading2";
    /** Two characters of 三号, in twentieths of a point. */
    private static final int INDENT = 2 * BODY_POINTS * 20;

    private final XWPFDocument document = new XWPFDocument();

    WordDocument() {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz a4 = section.addNewPgSz();
        a4.setW(BigInteger.valueOf(11906));
        a4.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        XWPFStyles styles = document.createStyles();
        styles.addStyle(heading(HEADING1, "heading 1", 0));
        styles.addStyle(heading(HEADING2, "heading 2", 1));
    }

    private static XWPFStyle heading(String id, String name, int level) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewQFormat();
        style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        return new XWPFStyle(style);
    }

    @Override
    public void title(String text) {
        XWPFParagraph title = centred();
        title.setSpacingBefore(400);
        title.setSpacingAfter(400);
        run(title, text, TITLE_FONT, TITLE_POINTS, false);
    }

    @Override
    public void centredLine(String text) {
        run(centred(), text, BODY_FONT, BODY_POINTS, false);
    }

    @Override
    public void heading1(String text) {
        heading(HEADING1, text, HEADING1_FONT);
    }

    @Override
    public void heading2(String text) {
        heading(HEADING2, text, HEADING2_FONT);
    }

    private void heading(String style, String text, String font) {
        XWPFParagraph heading = body();
        heading.setStyle(style);
        run(heading, text, font, BODY_POINTS, false);
    }

    @Override
    public void paragraph(String text) {
        run(body(), text, BODY_FONT, BODY_POINTS, false);
    }

    @Override
    public void paragraph(String lead, String text) {
        XWPFParagraph paragraph = body();
        run(paragraph, lead, BODY_FONT, BODY_POINTS, true);
        run(paragraph, text, BODY_FONT, BODY_POINTS, false);
    }

    @Override
    public void signature(String office, String date) {
        for (String line : List.of(office, date)) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.RIGHT);
            paragraph.setIndentationRight(INDENT * 2);
            paragraph.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT);
            run(paragraph, line, BODY_FONT, BODY_POINTS, false);
        }
    }

    @Override
    public void pageBreak() {
        document.createParagraph().setPageBreak(true);
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
        XWPFTable table = document.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        fill(table.getRow(0), header, true);
        for (int r = 0; r < rows.size(); r++) {
            fill(table.getRow(r + 1), rows.get(r), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph paragraph = cell.getParagraphs().get(0);
            run(paragraph, cells.get(c), BODY_FONT, TABLE_POINTS, bold);
        }
    }

    private XWPFParagraph centred() {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT);
        return paragraph;
    }

    private XWPFParagraph body() {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(INDENT);
        paragraph.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT);
        return paragraph;
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(points);
        run.setBold(bold);
    }

    @Override
    public void write(OutputStream out) {
        try {
            document.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
