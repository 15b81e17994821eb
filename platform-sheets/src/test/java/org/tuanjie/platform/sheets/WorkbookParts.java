package org.tuanjie.platform.sheets;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An .xlsx written part by part as Excel lays one out (two sheets, their text in one shared strings part, no styles),
 * each part streamed: POI's writers hold the shared strings in memory, and write every cell's reference.
 */
final class WorkbookParts {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    /** Writes what goes inside a part's root element ({@code <sst>}, a sheet's {@code <sheetData>}). */
    interface Content {
        void write(Writer xml) throws IOException;
    }

    private WorkbookParts() {
    }

    static void write(Path file, Content sharedStrings, Content firstSheet, Content secondSheet) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
                Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8)) {
            part(zip, xml, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + TYPES + "sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + TYPES + "worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"" + TYPES + "worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + TYPES + "sharedStrings+xml\"/></Types>");
            part(zip, xml, "_rels/.rels", "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            part(zip, xml, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>"
                    + "<sheet name=\"单位\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"台账\" sheetId=\"2\" r:id=\"rId2\"/>"
                    + "</sheets></workbook>");
            part(zip, xml, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "</Relationships>");
            part(zip, xml, "xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\">", sharedStrings, "</sst>");
            part(zip, xml, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData>", firstSheet,
                    "</sheetData></worksheet>");
            part(zip, xml, "xl/worksheets/sheet2.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData>", secondSheet,
                    "</sheetData></worksheet>");
        }
    }

    private static void part(ZipOutputStream zip, Writer xml, String name, String content) throws IOException {
        part(zip, xml, name, content, out -> { }, "");
    }

    private static void part(ZipOutputStream zip, Writer xml, String name, String start, Content content, String end)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        xml.write(start);
        content.write(xml);
        xml.write(end);
        xml.flush();
        zip.closeEntry();
    }
}
