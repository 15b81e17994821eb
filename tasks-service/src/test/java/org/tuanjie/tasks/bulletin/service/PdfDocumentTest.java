package org.tuanjie.tasks.bulletin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF typesetting's own rules, on a machine without any CJK font (the standard font, not embedded). */
class PdfDocumentTest {

    private static final String CLOSING = "，。、；：？！）》」";

    @Test
    void withoutAMachineFontTheTextStaysReadableAndSearchable() throws IOException {
        String problem = "村民委员会未制作民族团结进步宣传栏，未开展任何宣传活动。".repeat(12);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(Integer.toString(i), "乡镇" + i, "档案整理不规范，需按照 GB/T 9704 重新归档（" + i + "）"));
        }
        byte[] pdf = render(document -> {
            document.title("关于2026年3月民族团结进步创建工作督查情况的通报");
            document.heading1("一、存在的问题");
            document.paragraph("1. 村A：", problem);
            document.paragraph("藏文单位名称 བོད་ཡིག and an overlong token " + "x".repeat(200) + " end");
            document.table(List.of("序号", "单位", "问题"), rows);
            document.signature("县民族团结进步创建工作领导小组办公室", "2026年3月25日");
        });
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 3, "60 rows and a long paragraph take pages: " + document.getNumberOfPages());
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertFalse(font.isEmbedded());
            assertEquals("STSong-Light-UniGB-UCS2-H", font.getName());
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document);
            String flat = text.replaceAll("\\s+", "");
            assertTrue(flat.contains("1.村A：" + problem), flat);
            assertTrue(flat.contains("x".repeat(200) + "end"), "a token longer than a line is broken, not lost");
            for (int i = 1; i <= 60; i++) {
                assertTrue(flat.contains("乡镇" + i), "row " + i);
            }
            // the header row is repeated on every page the table runs onto
            for (int page = 2; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String pageText = stripper.getText(document).replaceAll("\\s+", "");
                if (pageText.contains("乡镇")) {
                    assertTrue(pageText.contains("序号单位问题"), "header on page " + page);
                }
                assertTrue(pageText.contains("—" + page + "—"), "page number " + page);
            }
            // no line begins with closing punctuation (避头尾)
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                assertFalse(!trimmed.isEmpty() && CLOSING.indexOf(trimmed.charAt(0)) >= 0, "line starts with punctuation: " + line);
            }
            assertEquals("关于2026年3月民族团结进步创建工作督查情况的通报", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void latinWordsStayWholeAndCjkCharactersStandAlone() {
        assertEquals(List.of("按", "照", " ", "GB/T", " ", "9704", "（", "2012", "）", "。"), PdfDocument.tokens("按照 GB/T 9704（2012）。"));
        assertEquals(List.of("a", "\n", "b"), PdfDocument.tokens("a\nb"));
    }

    private interface Content {
        void write(OfficialDocument document);
    }

    private static byte[] render(Content content) {
        PdfFonts fonts = new PdfFonts();
        fonts.chosen.set(Optional.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument document = new PdfDocument(fonts)) {
            content.write(document);
            document.write(out);
        }
        return out.toByteArray();
    }
}
