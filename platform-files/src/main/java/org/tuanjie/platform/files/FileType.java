package org.tuanjie.platform.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of file the suite keeps as evidence, decided from the bytes alone: a name or a declared
 * {@code Content-Type} is what the sender claims, the magic numbers are what a viewer will open. Anything
 * else (executables, HTML, SVG, archives, QuickTime, AVIF) is refused, so a download can always be served
 * with the media type stored here and never be run or rendered as a page.
 */
public enum FileType {
    JPEG("JPEG", "image/jpeg", "jpg", true),
    PNG("PNG", "image/png", "png", true),
    WEBP("WebP", "image/webp", "webp", true),
    HEIC("HEIC", "image/heic", "heic", true),
    PDF("PDF", "application/pdf", "pdf", false),
    DOCX("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false),
    XLSX("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false),
    MP4("MP4", "video/mp4", "mp4", false);

    /**
     * Bytes from the start of a file that suffice to decide its type. Every magic number sits in the
     * first few bytes except the OOXML ones: a DOCX or XLSX is told by the names of its first ZIP entries,
     * and Office and LibreOffice write {@code [Content_Types].xml}, the relationships and the main part
     * within the first few kilobytes.
     */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};

    // ISO-BMFF brands (ISO/IEC 14496-12 and 23008-12, and the MP4 registration authority's list)
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "mif1", "msf1");
    private static final Set<String> MP4_BRANDS =
            Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ");
    // AVIF declares the generic HEIF brands mif1/msf1 too, yet neither phones nor browsers we serve open it
    // as HEIC: its own brand wins over the generic ones.
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final String QUICKTIME_BRAND = "qt  ";

    private final String label;
    private final String mediaType;
    private final String extension;
    private final boolean image;

    FileType(String label, String mediaType, String extension, boolean image) {
        this.label = label;
        this.mediaType = mediaType;
        this.extension = extension;
        this.image = image;
    }

    /** The media type a download is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension, without the dot ({@code jpg}, {@code docx}). */
    public String extension() {
        return extension;
    }

    /** A photo or picture: what may carry EXIF capture data and, for some, get a thumbnail. */
    public boolean image() {
        return image;
    }

    /** The accepted types as people know them, for the message that refuses any other (415). */
    public static String accepted() {
        return Arrays.stream(values()).map(type -> type.label).collect(Collectors.joining(", "));
    }

    /**
     * The type of a file from its first bytes.
     *
     * @param head the first bytes of the file ({@link #HEAD_BYTES} of them, or all of a shorter file)
     * @param length how many bytes of {@code head} are filled; anything beyond is ignored
     * @return the type, or empty for anything not accepted, too short to tell, or unreadable; never throws
     */
    public static Optional<FileType> of(byte[] head, int length) {
        if (head == null || length <= 0) {
            return Optional.empty();
        }
        int filled = Math.min(length, head.length);
        if (startsWith(head, filled, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, filled, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, filled, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (isWebp(head, filled)) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, filled, ZIP_LOCAL_HEADER)) {
            return officeDocument(head, filled);
        }
        return isoMediaFile(head, filled);
    }

    // RIFF <size> WEBP: the RIFF container alone is shared with WAV and AVI
    private static boolean isWebp(byte[] head, int filled) {
        return filled >= 12 && regionEquals(head, 0, ascii("RIFF")) && regionEquals(head, 8, ascii("WEBP"));
    }

    /**
     * An ISO base media file starts with a {@code ftyp} box: size, "ftyp", the major brand, a minor
     * version, then compatible brands, four bytes each. The brands tell a HEIF still image from an MP4
     * movie; the box's size is checked so that bytes which merely contain "ftyp" are not taken for one.
     */
    private static Optional<FileType> isoMediaFile(byte[] head, int filled) {
        if (filled < 16 || !regionEquals(head, 4, ascii("ftyp"))) {
            return Optional.empty();
        }
        long boxSize = bigEndianUint32(head, 0);
        if (boxSize < 16 || (boxSize - 16) % 4 != 0) {
            return Optional.empty();
        }
        int brandsEnd = (int) Math.min(boxSize, filled);
        String major = ascii(head, 8, 4);
        List<String> compatible = new ArrayList<>();
        for (int offset = 16; offset + 4 <= brandsEnd; offset += 4) {
            compatible.add(ascii(head, offset, 4));
        }
        if (AVIF_BRANDS.contains(major) || compatible.stream().anyMatch(AVIF_BRANDS::contains)) {
            return Optional.empty();
        }
        // a QuickTime movie may list MP4 brands as compatible, but players that take MP4 may not play it
        if (QUICKTIME_BRAND.equals(major)) {
            return Optional.empty();
        }
        if (HEIC_BRANDS.contains(major)) {
            return Optional.of(HEIC);
        }
        if (MP4_BRANDS.contains(major)) {
            return Optional.of(MP4);
        }
        // an unknown major brand (a camera maker's, 3GPP's) defers to what the file says it is compatible with
        if (compatible.stream().anyMatch(HEIC_BRANDS::contains)) {
            return Optional.of(HEIC);
        }
        if (compatible.stream().anyMatch(MP4_BRANDS::contains)) {
            return Optional.of(MP4);
        }
        return Optional.empty();
    }

    /**
     * DOCX and XLSX are ZIP files, as are JARs, APKs and OpenDocument files: the first entry under
     * {@code word/} or {@code xl/} tells them apart. Entries are walked from local header to local header;
     * when an entry's size is only given after its data (flag bit 3, as {@code java.util.zip} and
     * LibreOffice write them), the walk searches for the next local header signature instead. The first
     * Office part decides, so that a document with an embedded, uncompressed workbook stays a document.
     */
    private static Optional<FileType> officeDocument(byte[] head, int filled) {
        int offset = 0;
        while (offset + 30 <= filled && regionEquals(head, offset, ZIP_LOCAL_HEADER)) {
            int flags = littleEndianUint16(head, offset + 6);
            long compressedSize = littleEndianUint32(head, offset + 18);
            int nameLength = littleEndianUint16(head, offset + 26);
            int extraLength = littleEndianUint16(head, offset + 28);
            int nameStart = offset + 30;
            if (nameStart + nameLength > filled) {
                break;
            }
            String name = new String(head, nameStart, nameLength, StandardCharsets.UTF_8);
            if (name.startsWith("word/")) {
                return Optional.of(DOCX);
            }
            if (name.startsWith("xl/")) {
                return Optional.of(XLSX);
            }
            long dataStart = (long) nameStart + nameLength + extraLength;
            boolean sizeFollowsData = (flags & 0x08) != 0;
            long next = sizeFollowsData ? indexOf(head, filled, ZIP_LOCAL_HEADER, dataStart) : dataStart + compressedSize;
            if (next < 0 || next > filled) {
                break;
            }
            offset = (int) next;
        }
        return Optional.empty();
    }

    private static long indexOf(byte[] head, int filled, byte[] wanted, long from) {
        for (long at = from; at + wanted.length <= filled; at++) {
            if (regionEquals(head, (int) at, wanted)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] head, int filled, byte[] magic) {
        return filled >= magic.length && regionEquals(head, 0, magic);
    }

    // callers have checked that offset + wanted.length <= filled
    private static boolean regionEquals(byte[] head, int offset, byte[] wanted) {
        return Arrays.equals(head, offset, offset + wanted.length, wanted, 0, wanted.length);
    }

    // ISO-BMFF numbers are big-endian, ZIP ones little-endian
    private static long bigEndianUint32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8) | (bytes[offset + 3] & 0xFFL);
    }

    private static long littleEndianUint32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) | ((bytes[offset + 1] & 0xFFL) << 8)
                | ((bytes[offset + 2] & 0xFFL) << 16) | ((bytes[offset + 3] & 0xFFL) << 24);
    }

    private static int littleEndianUint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | ((bytes[offset + 1] & 0xFF) << 8);
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
