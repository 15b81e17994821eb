package org.tuanjie.tasks.bulletin.service;

import java.io.OutputStream;
import java.util.List;

/**
 * A document laid out as Chinese official documents are (党政机关公文格式, GB/T 9704): A4 with its margins, the title
 * large and centred, body text in 三号 (16 pt) with a two-character first-line indent and 22 lines a page, level-one
 * headings in 黑体 and level two in 楷体, the issuing office and date right-aligned at the end. A bulletin is written
 * once against this interface and comes out as Word ({@link WordDocument}) or PDF ({@link PdfDocument}) alike.
 */
public sealed interface OfficialDocument extends AutoCloseable permits WordDocument, PdfDocument {

    /** Body text size: 三号. */
    int BODY_POINTS = 16;
    /** Title size: 二号. */
    int TITLE_POINTS = 22;
    /** Table text size: a 五号 and a half, so that the ledger's eight columns fit the width. */
    int TABLE_POINTS = 11;
    /** GB/T 9704 prints 22 lines a page: about 28.9 pt apart. */
    double LINE_POINTS = 28.9;
    /** Margins in twentieths of a point (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
    int MARGIN_TOP = 2098;
    int MARGIN_BOTTOM = 1984;
    int MARGIN_LEFT = 1588;
    int MARGIN_RIGHT = 1474;

    void title(String text);

    /** A centred line in the body font: the document number (文号), an appendix's title. */
    void centredLine(String text);

    void heading1(String text);

    void heading2(String text);

    void paragraph(String text);

    /** A body paragraph whose first words stand out in bold (a unit's name before its problems). */
    void paragraph(String lead, String text);

    /** The issuing office and the date, right-aligned after the body. */
    void signature(String office, String date);

    void pageBreak();

    /** A table with a bold header row, in a smaller body font. */
    void table(List<String> header, List<List<String>> rows);

    void write(OutputStream out);

    @Override
    void close();
}
