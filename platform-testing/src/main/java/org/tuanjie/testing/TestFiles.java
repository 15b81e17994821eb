package org.tuanjie.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Real sample files for upload tests, built in code so that no binary fixture sits in git and every
 * property a test relies on (size, capture time, place) is visible where the test asks for it.
 *
 * <p>Pictures show four coloured quadrants, {@link #TOP_LEFT} red, {@link #TOP_RIGHT} green,
 * {@link #BOTTOM_LEFT} blue, {@link #BOTTOM_RIGHT} white, so that a test can tell how a thumbnail was turned.
 * EXIF is written by hand (TIFF header, IFD0, Exif IFD, GPS IFD), the way a phone camera lays it out.
 */
public final class TestFiles {

    public static final Color TOP_LEFT = Color.RED;
    public static final Color TOP_RIGHT = Color.GREEN;
    public static final Color BOTTOM_LEFT = Color.BLUE;
    public static final Color BOTTOM_RIGHT = Color.WHITE;

    private static final DateTimeFormatter EXIF_DATE_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final byte[] EXIF_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PDF_HEADER = latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    private static final byte[] PDF_END = latin1("\n%%EOF\n");
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private TestFiles() {
    }

    /**
     * What a camera writes about a photo; any part may be null and is then left out.
     *
     * @param takenAt {@code DateTimeOriginal}, local time as cameras write it
     * @param offsetTime {@code OffsetTimeOriginal} such as {@code "+08:00"}, written as given
     * @param latitude signed decimal degrees, written as a reference letter and degrees, minutes, seconds
     * @param longitude signed decimal degrees
     * @param orientation TIFF orientation 1 to 8 (6: the camera was turned a quarter clockwise)
     */
    public record Exif(LocalDateTime takenAt, String offsetTime, Double latitude, Double longitude,
            Integer orientation) {

        public static Exif taken(LocalDateTime takenAt) {
            return new Exif(takenAt, null, null, null, null);
        }

        public static Exif at(double latitude, double longitude) {
            return new Exif(null, null, latitude, longitude, null);
        }

        public static Exif turned(int orientation) {
            return new Exif(null, null, null, null, orientation);
        }

        boolean empty() {
            return takenAt == null && offsetTime == null && latitude == null && longitude == null
                    && orientation == null;
        }
    }

    /** A JPEG photo with EXIF capture time and GPS place; nulls are left out, all null means no EXIF at all. */
    public static byte[] jpeg(int width, int height, LocalDateTime takenAt, Double latitude, Double longitude) {
        return jpeg(width, height, new Exif(takenAt, null, latitude, longitude, null));
    }

    /** A JPEG photo carrying {@code exif} in an APP1 segment right after the JFIF header. */
    public static byte[] jpeg(int width, int height, Exif exif) {
        byte[] plain = encode(quadrants(width, height), "jpeg");
        if (exif.empty()) {
            return plain;
        }
        byte[] tiff = tiff(exif);
        int segmentLength = 2 + EXIF_PREAMBLE.length + tiff.length;
        // SOI, then ImageIO's APP0 (JFIF) whose length follows its marker; EXIF goes after it
        int insertAt = (plain[2] & 0xFF) == 0xFF && (plain[3] & 0xFF) == 0xE0 ? 4 + (((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF)) : 2;
        ByteBuffer withExif = ByteBuffer.allocate(plain.length + 2 + segmentLength);
        withExif.put(plain, 0, insertAt)
                .put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength)
                .put(EXIF_PREAMBLE).put(tiff)
                .put(plain, insertAt, plain.length - insertAt);
        return withExif.array();
    }

    /** An opaque PNG picture. */
    public static byte[] png(int width, int height) {
        return encode(quadrants(width, height), "png");
    }

    /**
     * The EXIF data as a TIFF structure (big-endian), as a PNG {@code eXIf} or WebP {@code EXIF} chunk holds
     * it; a JPEG holds the same after {@code "Exif\0\0"}.
     */
    public static byte[] tiff(Exif exif) {
        Ifd ifd0 = new Ifd();
        Ifd exifIfd = new Ifd();
        Ifd gpsIfd = new Ifd();
        if (exif.orientation() != null) {
            ifd0.shorts(0x0112, exif.orientation());
        }
        if (exif.takenAt() != null) {
            exifIfd.ascii(0x9003, EXIF_DATE_TIME.format(exif.takenAt()));
        }
        if (exif.offsetTime() != null) {
            exifIfd.ascii(0x9011, exif.offsetTime());
        }
        if (exif.latitude() != null) {
            gpsIfd.bytes(0x0000, (byte) 2, (byte) 3, (byte) 0, (byte) 0);
            gpsIfd.ascii(0x0001, exif.latitude() < 0 ? "S" : "N");
            gpsIfd.rationals(0x0002, degreesMinutesSeconds(exif.latitude()));
        }
        if (exif.longitude() != null) {
            gpsIfd.ascii(0x0003, exif.longitude() < 0 ? "W" : "E");
            gpsIfd.rationals(0x0004, degreesMinutesSeconds(exif.longitude()));
        }
        // the pointers are fixed-size values in IFD0, so its size is known before they are
        int ifd0Offset = 8;
        if (!exifIfd.isEmpty()) {
            ifd0.longs(0x8769, 0);
        }
        if (!gpsIfd.isEmpty()) {
            ifd0.longs(0x8825, 0);
        }
        int exifOffset = ifd0Offset + ifd0.size();
        int gpsOffset = exifOffset + exifIfd.size();
        if (!exifIfd.isEmpty()) {
            ifd0.longs(0x8769, exifOffset);
        }
        if (!gpsIfd.isEmpty()) {
            ifd0.longs(0x8825, gpsOffset);
        }
        ByteBuffer tiff = ByteBuffer.allocate(gpsOffset + gpsIfd.size());
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0Offset);
        ifd0.writeAt(tiff, ifd0Offset);
        exifIfd.writeAt(tiff, exifOffset);
        gpsIfd.writeAt(tiff, gpsOffset);
        return tiff.array();
    }

    // whole degrees, whole minutes, seconds in ten-thousandths (about 3 mm), as phones write them
    private static long[] degreesMinutesSeconds(double signedDegrees) {
        long tenThousandthSeconds = Math.round(Math.abs(signedDegrees) * 3600 * 10_000);
        long degrees = tenThousandthSeconds / (3600 * 10_000);
        long minutes = tenThousandthSeconds % (3600 * 10_000) / (60 * 10_000);
        long seconds = tenThousandthSeconds % (60 * 10_000);
        return new long[] {degrees, 1, minutes, 1, seconds, 10_000};
    }

    /**
     * A HEIC-branded HEIF file with an EXIF item, laid out as iPhones write it (metadata box first, the
     * data after). Its picture item holds no real HEVC data: the file cannot be displayed, only typed and
     * read for its EXIF.
     */
    public static byte[] heic(Exif exif) {
        byte[] picture = latin1("not HEVC data, a placeholder");
        byte[] tiff = tiff(exif);
        // the item starts with the offset of the TIFF header, which follows the JPEG-style preamble
        byte[] exifItem = ByteBuffer.allocate(4 + EXIF_PREAMBLE.length + tiff.length)
                .putInt(EXIF_PREAMBLE.length).put(EXIF_PREAMBLE).put(tiff).array();
        byte[] fileType = box("ftyp", latin1("heic"), new byte[4], latin1("mif1heic"));
        // item locations are file offsets into the data box, which follows the metadata box
        int metaLength = heifMeta(0, 0, picture.length, exifItem.length).length;
        int pictureAt = fileType.length + metaLength + 8;
        byte[] meta = heifMeta(pictureAt, pictureAt + picture.length, picture.length, exifItem.length);
        return concat(fileType, meta, box("mdat", picture, exifItem));
    }

    private static byte[] heifMeta(int pictureAt, int exifAt, int pictureLength, int exifLength) {
        byte[] handler = fullBox("hdlr", 0, new byte[4], latin1("pict"), new byte[12], new byte[1]);
        byte[] primaryItem = fullBox("pitm", 0, shortBytes(1));
        byte[] itemInfo = fullBox("iinf", 0, shortBytes(2),
                fullBox("infe", 2, shortBytes(1), shortBytes(0), latin1("hvc1"), new byte[1]),
                fullBox("infe", 2, shortBytes(2), shortBytes(0), latin1("Exif"), new byte[1]));
        // the EXIF item describes (cdsc) the picture item
        byte[] references = fullBox("iref", 0, box("cdsc", shortBytes(2), shortBytes(1), shortBytes(1)));
        byte[] locations = fullBox("iloc", 0, new byte[] {0x44, 0x00}, shortBytes(2),
                shortBytes(1), shortBytes(0), shortBytes(1), intBytes(pictureAt), intBytes(pictureLength),
                shortBytes(2), shortBytes(0), shortBytes(1), intBytes(exifAt), intBytes(exifLength));
        return fullBox("meta", 0, handler, primaryItem, itemInfo, references, locations);
    }

    /**
     * A one-page PDF of about {@code approximateBytes} (never less than its few hundred bytes of structure),
     * with a correct cross-reference table; the size comes from comment lines in the page's content.
     */
    public static byte[] pdf(int approximateBytes) {
        byte[] unpadded = pdfWithPadding(0);
        int padding = Math.max(0, approximateBytes - unpadded.length);
        return pdfWithPadding(padding);
    }

    private static byte[] pdfWithPadding(int padding) {
        StringBuilder content = new StringBuilder("BT /F1 18 Tf 72 760 Td (Tuanjie evidence) Tj ET\n");
        for (int left = padding; left > 0; left -= 80) {
            int line = Math.min(80, left);
            content.append('%').append("0".repeat(Math.max(0, line - 2))).append(line >= 2 ? "\n" : "");
        }
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        StringBuilder pdf = new StringBuilder(new String(PDF_HEADER, StandardCharsets.ISO_8859_1));
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int crossReference = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(crossReference).append("\n%%EOF\n");
        return latin1(pdf.toString());
    }

    /** A Word document with one paragraph: the smallest package Word opens. */
    public static byte[] docx() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes("/word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
        parts.put("_rels/.rels", relationships("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                "word/document.xml"));
        parts.put("word/document.xml", XML_DECLARATION
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>整改完成情况说明</w:t></w:r></w:p></w:body></w:document>");
        return zip(parts);
    }

    /** An Excel workbook with one sheet and two cells: the smallest package Excel opens. */
    public static byte[] xlsx() {
        String spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes("/xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "/xl/worksheets/sheet1.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
        parts.put("_rels/.rels", relationships("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                "xl/workbook.xml"));
        parts.put("xl/workbook.xml", XML_DECLARATION + "<workbook xmlns=\"" + spreadsheet + "\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"检查\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", relationships(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"));
        parts.put("xl/worksheets/sheet1.xml", XML_DECLARATION + "<worksheet xmlns=\"" + spreadsheet + "\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>问题数</t></is></c><c r=\"B1\"><v>3</v></c></row>"
                + "</sheetData></worksheet>");
        return zip(parts);
    }

    private static String contentTypes(String... partNamesAndTypes) {
        StringBuilder types = new StringBuilder(XML_DECLARATION)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        for (int i = 0; i < partNamesAndTypes.length; i += 2) {
            types.append("<Override PartName=\"").append(partNamesAndTypes[i])
                    .append("\" ContentType=\"").append(partNamesAndTypes[i + 1]).append("\"/>");
        }
        return types.append("</Types>").toString();
    }

    private static String relationships(String type, String target) {
        return XML_DECLARATION
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + type + "\" Target=\"" + target + "\"/></Relationships>";
    }

    private static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * An MP4 of about {@code approximateBytes}: the {@code ftyp} box players and our type check read, then
     * a media data box of filler. It has no {@code moov} box, so it types as MP4 but does not play.
     */
    public static byte[] mp4(int approximateBytes) {
        byte[] fileType = box("ftyp", latin1("isom"), intBytes(0x200), latin1("isomiso2avc1mp41"));
        byte[] filler = new byte[Math.max(0, approximateBytes - fileType.length - 8)];
        for (int i = 0; i < filler.length; i++) {
            filler[i] = (byte) (i * 31 + (i >>> 8));
        }
        return concat(fileType, box("mdat", filler));
    }

    /** A Windows executable's headers: the DOS header and stub, then a PE signature and file header. */
    public static byte[] exe() {
        ByteBuffer exe = ByteBuffer.allocate(0x80 + 24).order(ByteOrder.LITTLE_ENDIAN);
        exe.put((byte) 'M').put((byte) 'Z').putShort((short) 0x90).putShort((short) 3);
        exe.putInt(0x3C, 0x80); // where the PE header starts
        // the DOS stub: print the message below and exit
        exe.position(0x40).put(new byte[] {0x0E, 0x1F, (byte) 0xBA, 0x0E, 0x00, (byte) 0xB4, 0x09, (byte) 0xCD, 0x21,
            (byte) 0xB8, 0x01, 0x4C, (byte) 0xCD, 0x21}).put(latin1("This program cannot be run in DOS mode.\r\r\n$"));
        exe.position(0x80).put(latin1("PE\0\0")).putShort((short) 0x8664) // x86-64
                .putShort((short) 0).putInt(0).putInt(0).putInt(0).putShort((short) 0).putShort((short) 0x0022);
        return exe.array();
    }

    /**
     * Exactly {@code size} bytes that type as a PDF: the PDF header, deterministic noise, {@code %%EOF}.
     * Generated as read, so a 50 MB upload costs no memory; the noise differs at every position, so a
     * store that drops, repeats or reorders a chunk changes the SHA-256.
     *
     * @throws IllegalArgumentException when {@code size} cannot hold the header and the end marker
     */
    public static InputStream pdfStream(long size) {
        if (size < PDF_HEADER.length + PDF_END.length) {
            throw new IllegalArgumentException("a PDF stream needs at least " + (PDF_HEADER.length + PDF_END.length)
                    + " bytes");
        }
        return new PdfNoise(size);
    }

    /** The SHA-256 (lower-case hex) of {@link #pdfStream(long)} of the same size. */
    public static String sha256Of(long size) {
        try (InputStream in = pdfStream(size)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The SHA-256 (lower-case hex) of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static final class PdfNoise extends InputStream {
        private final long size;
        private long position;
        private long block = -1;
        private long blockBits;

        PdfNoise(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? byteAt(position++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = byteAt(position++);
            }
            return count;
        }

        @Override
        public long skip(long count) {
            long skipped = Math.max(0, Math.min(count, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - position);
        }

        private byte byteAt(long at) {
            if (at < PDF_HEADER.length) {
                return PDF_HEADER[(int) at];
            }
            long fromEnd = size - at;
            if (fromEnd <= PDF_END.length) {
                return PDF_END[PDF_END.length - (int) fromEnd];
            }
            long wanted = at >>> 3;
            if (wanted != block) {
                block = wanted;
                blockBits = mix(wanted);
            }
            return (byte) (blockBits >>> ((at & 7) * 8));
        }

        // SplitMix64's finaliser: every 8-byte block index maps to well-spread, unrelated bits
        private static long mix(long value) {
            long z = value + 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    private static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            int halfWidth = width / 2;
            int halfHeight = height / 2;
            graphics.setColor(TOP_LEFT);
            graphics.fillRect(0, 0, halfWidth, halfHeight);
            graphics.setColor(TOP_RIGHT);
            graphics.fillRect(halfWidth, 0, width - halfWidth, halfHeight);
            graphics.setColor(BOTTOM_LEFT);
            graphics.fillRect(0, halfHeight, halfWidth, height - halfHeight);
            graphics.setColor(BOTTOM_RIGHT);
            graphics.fillRect(halfWidth, halfHeight, width - halfWidth, height - halfHeight);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One IFD of a TIFF structure: entries by ascending tag, values over four bytes stored after it. */
    private static final class Ifd {
        private static final int BYTE = 1;
        private static final int ASCII = 2;
        private static final int SHORT = 3;
        private static final int LONG = 4;
        private static final int RATIONAL = 5;

        private record Entry(int type, int count, byte[] value) {
        }

        private final Map<Integer, Entry> entries = new TreeMap<>();

        void bytes(int tag, byte... values) {
            entries.put(tag, new Entry(BYTE, values.length, values));
        }

        void ascii(int tag, String text) {
            byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            entries.put(tag, new Entry(ASCII, value.length, value));
        }

        void shorts(int tag, int value) {
            entries.put(tag, new Entry(SHORT, 1, shortBytes(value)));
        }

        void longs(int tag, int value) {
            entries.put(tag, new Entry(LONG, 1, intBytes(value)));
        }

        void rationals(int tag, long... numeratorsAndDenominators) {
            ByteBuffer value = ByteBuffer.allocate(numeratorsAndDenominators.length * 4);
            for (long part : numeratorsAndDenominators) {
                value.putInt((int) part);
            }
            entries.put(tag, new Entry(RATIONAL, numeratorsAndDenominators.length / 2, value.array()));
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        int size() {
            if (entries.isEmpty()) {
                return 0;
            }
            int size = 2 + 12 * entries.size() + 4;
            for (Entry entry : entries.values()) {
                if (entry.value().length > 4) {
                    size += evenLength(entry.value());
                }
            }
            return size;
        }

        void writeAt(ByteBuffer tiff, int offset) {
            if (entries.isEmpty()) {
                return;
            }
            tiff.position(offset).putShort((short) entries.size());
            int valuesAt = offset + 2 + 12 * entries.size() + 4;
            for (Map.Entry<Integer, Entry> tagged : entries.entrySet()) {
                Entry entry = tagged.getValue();
                tiff.putShort(tagged.getKey().shortValue()).putShort((short) entry.type()).putInt(entry.count());
                if (entry.value().length <= 4) {
                    tiff.put(entry.value()).put(new byte[4 - entry.value().length]);
                } else {
                    tiff.putInt(valuesAt);
                    tiff.put(valuesAt, entry.value());
                    valuesAt += evenLength(entry.value());
                }
            }
            tiff.putInt(0); // no next IFD
        }

        // TIFF values start on word boundaries
        private static int evenLength(byte[] value) {
            return value.length + (value.length & 1);
        }
    }

    private static byte[] box(String type, byte[]... payload) {
        byte[] content = concat(payload);
        return ByteBuffer.allocate(8 + content.length).putInt(8 + content.length).put(latin1(type)).put(content).array();
    }

    private static byte[] fullBox(String type, int version, byte[]... payload) {
        return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, concat(payload)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static byte[] shortBytes(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static byte[] intBytes(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
