package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.lang.Rational;
import com.drew.lang.StreamReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.TestFiles;
import org.tuanjie.testing.TestFiles.Exif;
import org.w3c.dom.Document;

/** The sample files the services' upload tests rely on are what they claim to be. */
class TestFilesTest {

    private static final LocalDateTime TAKEN = LocalDateTime.of(2024, 5, 17, 14, 3, 9);

    @Test
    void jpegIsARealPictureOfTheAskedSize() throws Exception {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(TestFiles.jpeg(640, 480, TAKEN, 31.24, 121.49)));

        assertEquals(640, picture.getWidth());
        assertEquals(480, picture.getHeight());
    }

    @Test
    void jpegCarriesExifAsCamerasWriteIt() throws Exception {
        Metadata metadata = JpegMetadataReader.readMetadata(
                new ByteArrayInputStream(TestFiles.jpeg(64, 48, new Exif(TAKEN, "+08:00", 31.2400472, -121.4903861, 6))));

        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertEquals("2024:05:17 14:03:09", exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertEquals("+08:00", exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL));
        assertEquals(6, metadata.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION));
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        assertEquals("N", gps.getString(GpsDirectory.TAG_LATITUDE_REF));
        assertEquals("W", gps.getString(GpsDirectory.TAG_LONGITUDE_REF));
        // 31.2400472° = 31° 14' 24.1699"
        Rational[] latitude = gps.getRationalArray(GpsDirectory.TAG_LATITUDE);
        assertEquals(List.of(31L, 14L), List.of(latitude[0].longValue(), latitude[1].longValue()));
        assertEquals(24.1699, latitude[2].doubleValue(), 1e-4);
        assertEquals(-121.4903861, gps.getGeoLocation().getLongitude(), 1e-7);
        for (var directory : metadata.getDirectories()) {
            assertFalse(directory.hasErrors(), directory.getName() + ": " + directory.getErrors());
        }
    }

    @Test
    void jpegLeavesOutWhatWasNotGiven() throws Exception {
        Metadata timeOnly = JpegMetadataReader.readMetadata(new ByteArrayInputStream(TestFiles.jpeg(64, 48, TAKEN, null, null)));
        assertNull(timeOnly.getFirstDirectoryOfType(GpsDirectory.class));
        assertNotNull(timeOnly.getFirstDirectoryOfType(ExifSubIFDDirectory.class));

        Metadata placeOnly = JpegMetadataReader.readMetadata(new ByteArrayInputStream(TestFiles.jpeg(64, 48, null, 1.5, 2.5)));
        assertNull(placeOnly.getFirstDirectoryOfType(ExifSubIFDDirectory.class));
        assertNotNull(placeOnly.getFirstDirectoryOfType(GpsDirectory.class));

        var segments = JpegSegmentReader.readSegments(
                new StreamReader(new ByteArrayInputStream(TestFiles.jpeg(64, 48, null, null, null))), Set.of(JpegSegmentType.APP1));
        assertEquals(0, segments.getSegmentCount(JpegSegmentType.APP1), "no EXIF segment at all");
    }

    @Test
    void pngIsARealPicture() throws IOException {
        byte[] png = TestFiles.png(300, 200);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));

        assertEquals(List.of(300, 200), List.of(picture.getWidth(), picture.getHeight()));
        assertEquals(Optional.of(FileType.PNG), FileType.of(png, png.length));
    }

    @Test
    void pdfHasTheAskedSizeAndACorrectCrossReferenceTable() {
        for (int asked : new int[] {0, 10_000, 1_000_000}) {
            byte[] pdf = TestFiles.pdf(asked);
            String text = new String(pdf, StandardCharsets.ISO_8859_1);

            assertTrue(text.startsWith("%PDF-1.7\n"));
            assertTrue(text.endsWith("%%EOF\n"));
            if (asked > 1_000) {
                assertTrue(Math.abs(pdf.length - asked) <= 16, "asked " + asked + ", got " + pdf.length);
            }
            int crossReference = Integer.parseInt(lastGroup(text, "startxref\n(\\d+)\n"));
            assertTrue(text.startsWith("xref\n0 6\n", crossReference));
            Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(crossReference));
            int object = 1;
            while (entries.find()) {
                int offset = Integer.parseInt(entries.group(1));
                assertTrue(text.startsWith(object + " 0 obj\n", offset), "object " + object + " at " + offset);
                object++;
            }
            assertEquals(6, object, "five objects in the table");
            int length = Integer.parseInt(lastGroup(text, "/Length (\\d+) >>"));
            int streamStart = text.indexOf("stream\n") + "stream\n".length();
            assertTrue(text.startsWith("\nendstream", streamStart + length), "the stream is as long as it says");
        }
    }

    @Test
    void officeFilesAreWellFormedPackagesWhoseMainPartIsWhereTheyPoint() throws Exception {
        assertPackage(TestFiles.docx(), FileType.DOCX, "word/document.xml", "document");
        assertPackage(TestFiles.xlsx(), FileType.XLSX, "xl/workbook.xml", "workbook");
        Map<String, Document> workbook = parts(TestFiles.xlsx());
        assertTrue(workbook.containsKey("xl/worksheets/sheet1.xml"), "the sheet the workbook relates to");
        assertEquals("问题数", workbook.get("xl/worksheets/sheet1.xml").getElementsByTagName("t").item(0).getTextContent());
    }

    private static void assertPackage(byte[] file, FileType type, String mainPart, String rootElement) throws Exception {
        assertEquals(Optional.of(type), FileType.of(file, file.length));
        Map<String, Document> parts = parts(file);
        assertEquals("Types", parts.get("[Content_Types].xml").getDocumentElement().getLocalName());
        String contentTypes = text(parts.get("[Content_Types].xml"));
        assertTrue(contentTypes.contains("PartName=\"/" + mainPart + "\""), contentTypes);
        assertEquals(mainPart, parts.get("_rels/.rels").getElementsByTagName("Relationship").item(0)
                .getAttributes().getNamedItem("Target").getNodeValue());
        assertEquals(rootElement, parts.get(mainPart).getDocumentElement().getLocalName());
    }

    @Test
    void mp4IsAFileTypeBoxAndAMediaDataBoxOfTheAskedSize() {
        byte[] mp4 = TestFiles.mp4(100_000);
        ByteBuffer boxes = ByteBuffer.wrap(mp4);

        assertEquals(100_000, mp4.length);
        int fileTypeSize = boxes.getInt(0);
        assertEquals("ftypisom", new String(mp4, 4, 8, StandardCharsets.ISO_8859_1));
        assertEquals("mdat", new String(mp4, fileTypeSize + 4, 4, StandardCharsets.ISO_8859_1));
        assertEquals(mp4.length, fileTypeSize + boxes.getInt(fileTypeSize), "the boxes fill the file exactly");
        assertEquals(Optional.of(FileType.MP4), FileType.of(mp4, mp4.length));
    }

    @Test
    void exeHasTheDosAndPeHeaders() {
        byte[] exe = TestFiles.exe();
        int peHeader = ByteBuffer.wrap(exe).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3C);

        assertEquals("MZ", new String(exe, 0, 2, StandardCharsets.ISO_8859_1));
        assertEquals("PE\0\0", new String(exe, peHeader, 4, StandardCharsets.ISO_8859_1));
        assertEquals(Optional.empty(), FileType.of(exe, exe.length));
    }

    @Test
    void heicTypesAsHeic() {
        byte[] heic = TestFiles.heic(Exif.taken(TAKEN));

        assertEquals(Optional.of(FileType.HEIC), FileType.of(heic, heic.length));
    }

    @Test
    void pdfStreamHasExactlyTheAskedSizeAndTypesAsPdf() throws IOException {
        long fiftyMegabytes = 50L * 1024 * 1024;
        try (InputStream in = TestFiles.pdfStream(fiftyMegabytes)) {
            byte[] head = in.readNBytes(FileType.HEAD_BYTES);
            assertEquals(Optional.of(FileType.PDF), FileType.of(head, head.length));
            long rest = 0;
            byte[] buffer = new byte[1 << 20];
            byte[] last = new byte[0];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                rest += read;
                last = Arrays.copyOf(buffer, read);
            }
            assertEquals(fiftyMegabytes, head.length + rest);
            assertTrue(new String(last, StandardCharsets.ISO_8859_1).endsWith("\n%%EOF\n"));
            assertEquals(-1, in.read());
        }
        assertThrows(IllegalArgumentException.class, () -> TestFiles.pdfStream(21));
        try (InputStream smallest = TestFiles.pdfStream(22)) {
            assertEquals("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n\n%%EOF\n",
                    new String(smallest.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void sha256OfIsTheDigestOfTheSameStreamHoweverItIsRead() throws Exception {
        long size = 3_000_001;
        MessageDigest byteByByte = MessageDigest.getInstance("SHA-256");
        MessageDigest inRandomChunks = MessageDigest.getInstance("SHA-256");
        Random random = new Random(11);
        try (InputStream one = TestFiles.pdfStream(size); InputStream other = TestFiles.pdfStream(size)) {
            for (int b = one.read(); b >= 0; b = one.read()) {
                byteByByte.update((byte) b);
            }
            byte[] buffer = new byte[70_000];
            for (int read = other.read(buffer, 0, 1 + random.nextInt(buffer.length)); read >= 0;
                    read = other.read(buffer, 0, 1 + random.nextInt(buffer.length))) {
                inRandomChunks.update(buffer, 0, read);
            }
        }
        assertEquals(TestFiles.sha256Of(size), HexFormat.of().formatHex(byteByByte.digest()));
        assertEquals(TestFiles.sha256Of(size), HexFormat.of().formatHex(inRandomChunks.digest()));
        assertTrue(TestFiles.sha256Of(size).matches("[0-9a-f]{64}"));
        assertNotEquals(TestFiles.sha256Of(size), TestFiles.sha256Of(size + 1));
    }

    @Test
    void pdfStreamSkipsToTheSameBytesItWouldRead() throws IOException {
        try (InputStream read = TestFiles.pdfStream(1_000_000); InputStream skipped = TestFiles.pdfStream(1_000_000)) {
            byte[] all = read.readAllBytes();
            assertEquals(400_000, skipped.skip(400_000));
            assertArrayEquals(Arrays.copyOfRange(all, 400_000, 400_100), skipped.readNBytes(100));
            assertEquals(1_000_000 - 400_100, skipped.skip(Long.MAX_VALUE));
            assertEquals(0, skipped.skip(10));
        }
    }

    @Test
    void pdfStreamNeverRepeatsAChunk() throws IOException {
        // a store that loses or repeats a 64 KiB chunk must be caught by the SHA-256 check
        Map<String, Integer> seen = new HashMap<>();
        try (InputStream in = TestFiles.pdfStream(64L * 1024 * 200)) {
            for (int chunk = 0; chunk < 200; chunk++) {
                String digest = TestFiles.sha256(in.readNBytes(64 * 1024));
                assertNull(seen.put(digest, chunk), "chunk " + chunk + " repeats chunk " + seen.get(digest));
            }
        }
        assertFalse(seen.isEmpty());
    }

    @Test
    void sha256OfBytesIsTheStandardDigest() {
        // the test vector of FIPS 180-2 for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                TestFiles.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    private static Map<String, Document> parts(byte[] file) throws Exception {
        Map<String, Document> parts = new HashMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), factory.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        return parts;
    }

    private static String text(Document document) throws Exception {
        StringWriter writer = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(writer));
        return writer.toString();
    }

    private static String lastGroup(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        assertNotNull(found, regex);
        return found;
    }
}
