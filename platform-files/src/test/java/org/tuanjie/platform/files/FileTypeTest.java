package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tuanjie.testing.TestFiles;

class FileTypeTest {

    @Test
    void tellsEachAcceptedTypeFromItsBytes() {
        Map<FileType, byte[]> samples = Map.of(
                FileType.JPEG, TestFiles.jpeg(40, 30, null, null, null),
                FileType.PNG, TestFiles.png(40, 30),
                FileType.WEBP, webp(),
                FileType.HEIC, TestFiles.heic(TestFiles.Exif.turned(1)),
                FileType.PDF, TestFiles.pdf(2_000),
                FileType.DOCX, TestFiles.docx(),
                FileType.XLSX, TestFiles.xlsx(),
                FileType.MP4, TestFiles.mp4(5_000));
        assertEquals(Arrays.asList(FileType.values()).size(), samples.size(), "a sample for every type");
        samples.forEach((type, bytes) -> assertEquals(Optional.of(type), typeOf(bytes), type.name()));
    }

    @Test
    void describesEachTypeForDownloads() {
        assertEquals("image/jpeg", FileType.JPEG.mediaType());
        assertEquals("image/png", FileType.PNG.mediaType());
        assertEquals("image/webp", FileType.WEBP.mediaType());
        assertEquals("image/heic", FileType.HEIC.mediaType());
        assertEquals("application/pdf", FileType.PDF.mediaType());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileType.DOCX.mediaType());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileType.XLSX.mediaType());
        assertEquals("video/mp4", FileType.MP4.mediaType());
        assertEquals(List.of("jpg", "png", "webp", "heic", "pdf", "docx", "xlsx", "mp4"),
                Arrays.stream(FileType.values()).map(FileType::extension).toList());
        assertEquals(List.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.HEIC),
                Arrays.stream(FileType.values()).filter(FileType::image).toList());
        assertEquals("JPEG, PNG, WebP, HEIC, PDF, DOCX, XLSX, MP4", FileType.accepted());
        assertEquals(65_536, FileType.HEAD_BYTES);
    }

    @Test
    void refusesExecutablesMarkupAndText() {
        assertEquals(Optional.empty(), typeOf(TestFiles.exe()));
        assertEquals(Optional.empty(), typeOf(ascii("<!DOCTYPE html><html><body>report</body></html>")));
        assertEquals(Optional.empty(), typeOf(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>")));
        assertEquals(Optional.empty(), typeOf(ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
        assertEquals(Optional.empty(), typeOf(ascii("plain text that mentions %PDF- and ftypisom later")));
        assertEquals(Optional.empty(), typeOf("问题清单".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), typeOf(ascii("GIF89a")));
    }

    @Test
    void refusesEmptyAndTooShortInput() {
        assertEquals(Optional.empty(), FileType.of(new byte[0], 0));
        assertEquals(Optional.empty(), FileType.of(null, 10));
        assertEquals(Optional.empty(), FileType.of(TestFiles.png(4, 4), -1));
        assertEquals(Optional.empty(), typeOf(new byte[] {(byte) 0xFF, (byte) 0xD8}));
        assertEquals(Optional.empty(), typeOf(Arrays.copyOf(TestFiles.png(4, 4), 7)));
        assertEquals(Optional.empty(), typeOf(ascii("%PDF")));
        assertEquals(Optional.empty(), typeOf(Arrays.copyOf(webp(), 11)));
        assertEquals(Optional.empty(), typeOf(Arrays.copyOf(TestFiles.mp4(100), 15)));
        assertEquals(Optional.empty(), typeOf(Arrays.copyOf(TestFiles.docx(), 29)));
    }

    @Test
    void decidesOnlyFromTheFilledPartOfTheBuffer() {
        byte[] buffer = new byte[FileType.HEAD_BYTES];
        byte[] png = TestFiles.png(8, 8);
        System.arraycopy(png, 0, buffer, 0, png.length);
        assertEquals(Optional.of(FileType.PNG), FileType.of(buffer, png.length));
        assertEquals(Optional.empty(), FileType.of(buffer, 5), "the rest of the buffer is stale data");
        assertEquals(Optional.of(FileType.PNG), FileType.of(png, Integer.MAX_VALUE), "a length past the array is clamped");
    }

    @Test
    void tellsWebpFromOtherRiffFiles() {
        assertEquals(Optional.of(FileType.WEBP), typeOf(webp()));
        byte[] wave = webp();
        System.arraycopy(ascii("WAVE"), 0, wave, 8, 4);
        assertEquals(Optional.empty(), typeOf(wave));
        byte[] avi = webp();
        System.arraycopy(ascii("AVI "), 0, avi, 8, 4);
        assertEquals(Optional.empty(), typeOf(avi));
    }

    @ParameterizedTest
    @ValueSource(strings = {"heic", "heix", "hevc", "mif1", "msf1"})
    void takesHeifBrandsForHeic(String brand) {
        assertEquals(Optional.of(FileType.HEIC), typeOf(fileTypeBox(brand)));
        assertEquals(Optional.of(FileType.HEIC), typeOf(fileTypeBox("xxxx", "abcd", brand)), "as a compatible brand");
    }

    @ParameterizedTest
    @ValueSource(strings = {"isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V "})
    void takesMp4Brands(String brand) {
        assertEquals(Optional.of(FileType.MP4), typeOf(fileTypeBox(brand)));
        assertEquals(Optional.of(FileType.MP4), typeOf(fileTypeBox("3gp5", brand)), "as a compatible brand");
    }

    @Test
    void refusesAvifThoughItDeclaresTheGenericHeifBrand() {
        assertEquals(Optional.empty(), typeOf(fileTypeBox("avif", "mif1", "miaf")));
        assertEquals(Optional.empty(), typeOf(fileTypeBox("mif1", "avif", "miaf")));
        assertEquals(Optional.empty(), typeOf(fileTypeBox("avis", "msf1", "iso8")));
    }

    @Test
    void refusesQuickTimeMovies() {
        assertEquals(Optional.empty(), typeOf(fileTypeBox("qt  ", "qt  ")));
        assertEquals(Optional.empty(), typeOf(fileTypeBox("qt  ", "isom", "mp42")), "even claiming MP4 compatibility");
    }

    @Test
    void letsTheMajorBrandDecideBeforeCompatibleOnes() {
        assertEquals(Optional.of(FileType.HEIC), typeOf(fileTypeBox("heic", "mp42")));
        assertEquals(Optional.of(FileType.MP4), typeOf(fileTypeBox("mp42", "heic")));
        assertEquals(Optional.empty(), typeOf(fileTypeBox("3gp4", "3gp4")), "3GPP only");
        assertEquals(Optional.empty(), typeOf(fileTypeBox("crx ", "crx ")), "a Canon raw photo");
    }

    @Test
    void readsBrandsOnlyInsideAWellFormedFileTypeBox() {
        byte[] noCompatibleBrands = fileTypeBox("XAVC", "mp42");
        ByteBuffer.wrap(noCompatibleBrands).putInt(0, 16); // the box ends before "mp42"
        assertEquals(Optional.empty(), typeOf(noCompatibleBrands));

        for (int badSize : new int[] {0, 1, 8, 15, 17, 18}) {
            byte[] box = fileTypeBox("isom", "mp41");
            ByteBuffer.wrap(box).putInt(0, badSize);
            assertEquals(Optional.empty(), typeOf(box), "box size " + badSize);
        }
        byte[] notFirst = concat(new byte[4], fileTypeBox("isom"));
        assertEquals(Optional.empty(), typeOf(notFirst));
    }

    @Test
    void readsBrandsAsFarAsTheHeadGoes() {
        byte[] box = fileTypeBox("XAVC", "abcd", "mp42");
        ByteBuffer.wrap(box).putInt(0, 4096); // a long box, cut short by the head
        assertEquals(Optional.of(FileType.MP4), typeOf(box));
    }

    @Test
    void tellsOfficeDocumentsFromTheirFirstPartEitherWayTheyAreZipped() throws IOException {
        assertEquals(Optional.of(FileType.DOCX), typeOf(zip(false, "[Content_Types].xml", "_rels/.rels", "word/document.xml")));
        assertEquals(Optional.of(FileType.DOCX), typeOf(zip(true, "[Content_Types].xml", "_rels/.rels", "word/document.xml")));
        assertEquals(Optional.of(FileType.XLSX), typeOf(zip(false, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")));
        assertEquals(Optional.of(FileType.XLSX), typeOf(zip(true, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")));
    }

    @Test
    void skipsOverStoredEntriesInsteadOfSearchingTheirContent() throws IOException {
        // an uncompressed workbook inside a document shows its own local headers (xl/...) in the document's
        // bytes, before the document's first word/ part: only a walk from header to header gets it right
        byte[] embedded = storedZip(Map.of("xl/workbook.xml", "<workbook/>"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(ascii("<Types/>"));
            zip.putNextEntry(stored("customXml/embedded.xlsx", embedded));
            zip.write(embedded);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(ascii("<w:document/>"));
        }
        assertEquals(Optional.of(FileType.DOCX), typeOf(bytes.toByteArray()));
    }

    @Test
    void refusesOtherZipFiles() throws IOException {
        assertEquals(Optional.empty(), typeOf(zip(false, "META-INF/MANIFEST.MF", "org/example/Main.class")), "a JAR");
        assertEquals(Optional.empty(), typeOf(zip(true, "mimetype", "content.xml", "styles.xml")), "an OpenDocument file");
        assertEquals(Optional.empty(), typeOf(zip(true, "wordlist.txt", "xls/data.bin")), "names that only look alike");
        assertEquals(Optional.empty(), typeOf(zip(true)), "an empty archive");
    }

    @Test
    void refusesAnOfficeFileWhosePartsStartBeyondTheHead() throws IOException {
        byte[] bulky = new byte[FileType.HEAD_BYTES];
        new Random(7).nextBytes(bulky);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(stored("docProps/thumbnail.jpeg", bulky));
            zip.write(bulky);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(ascii("<w:document/>"));
        }
        byte[] file = bytes.toByteArray();
        assertEquals(Optional.empty(), FileType.of(Arrays.copyOf(file, FileType.HEAD_BYTES), FileType.HEAD_BYTES));
        assertEquals(Optional.of(FileType.DOCX), typeOf(file), "seen whole, the same file is a document");
    }

    @Test
    void neverThrowsOnRandomOrDamagedInput() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<byte[]> samples = List.of(TestFiles.jpeg(16, 16, null, null, null), TestFiles.png(16, 16), webp(),
                TestFiles.heic(TestFiles.Exif.turned(1)), TestFiles.pdf(500), TestFiles.docx(), TestFiles.xlsx(),
                TestFiles.mp4(200), TestFiles.exe(), fileTypeBox("mif1", "avif"));
        for (int round = 0; round < 20_000; round++) {
            byte[] input;
            switch (round % 4) {
                case 0 -> {
                    input = new byte[random.nextInt(round % 100 == 0 ? FileType.HEAD_BYTES : 600)];
                    random.nextBytes(input);
                }
                case 1 -> {
                    byte[] sample = samples.get(random.nextInt(samples.size()));
                    input = Arrays.copyOf(sample, random.nextInt(sample.length + 1));
                }
                case 2 -> {
                    input = samples.get(random.nextInt(samples.size())).clone();
                    for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                        int at = random.nextInt(Math.min(input.length, 200));
                        input[at] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    // a valid beginning followed by noise: sizes and lengths that point anywhere
                    byte[] sample = samples.get(random.nextInt(samples.size()));
                    input = Arrays.copyOf(sample, Math.min(sample.length, 8 + random.nextInt(40)) + random.nextInt(300));
                    for (int at = Math.min(sample.length, 8); at < input.length; at++) {
                        input[at] = (byte) random.nextInt(256);
                    }
                }
            }
            byte[] head = input;
            int length = random.nextInt(10) == 0 ? random.nextInt(input.length + 10) - 5 : input.length;
            assertDoesNotThrow(() -> FileType.of(head, length), "seed " + seed + ", round " + round);
        }
    }

    @Test
    void aZipWhoseHeadersPointAnywhereNeverThrows() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            ByteBuffer zip = ByteBuffer.allocate(64 + random.nextInt(200)).order(ByteOrder.LITTLE_ENDIAN);
            zip.put(new byte[] {'P', 'K', 3, 4}).putShort((short) 20).putShort((short) random.nextInt(16))
                    .putShort((short) 8).putInt(0).putInt(0).putInt(random.nextInt())
                    .putInt(random.nextInt()).putShort((short) random.nextInt()).putShort((short) random.nextInt());
            byte[] bytes = zip.array();
            assertFalse(assertDoesNotThrow(() -> FileType.of(bytes, bytes.length)).isPresent());
        }
    }

    private static Optional<FileType> typeOf(byte[] bytes) {
        return FileType.of(bytes, bytes.length);
    }

    /** A {@code ftyp} box: major brand, minor version 0, then the compatible brands. */
    private static byte[] fileTypeBox(String major, String... compatible) {
        ByteBuffer box = ByteBuffer.allocate(16 + 4 * compatible.length + 8);
        box.putInt(16 + 4 * compatible.length).put(ascii("ftyp")).put(ascii(major)).putInt(0);
        for (String brand : compatible) {
            box.put(ascii(brand));
        }
        box.putInt(8).put(ascii("mdat")); // what follows the box, as in a real file
        return box.array();
    }

    /** A WebP container as cwebp writes it, with a lossy VP8 chunk header. */
    static byte[] webp() {
        byte[] frame = {0x30, 0x01, 0x00, (byte) 0x9D, 0x01, 0x2A, 16, 0, 16, 0}; // key frame tag, start code, 16 × 16
        ByteBuffer riff = ByteBuffer.allocate(20 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt(12 + frame.length).put(ascii("WEBP")).put(ascii("VP8 ")).putInt(frame.length).put(frame);
        return riff.array();
    }

    private static byte[] zip(boolean deflated, String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                byte[] content = ascii("<content of " + name + "/>");
                zip.putNextEntry(deflated ? new ZipEntry(name) : stored(name, content));
                zip.write(content);
            }
        }
        byte[] result = bytes.toByteArray();
        if (names.length > 0) {
            // java.util.zip sets "sizes after the data" (bit 3) for deflated entries only: both walks are exercised
            assertEquals(deflated, (result[6] & 0x08) != 0);
        }
        return result;
    }

    private static byte[] storedZip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] content = ascii(entry.getValue());
                zip.putNextEntry(stored(entry.getKey(), content));
                zip.write(content);
            }
        }
        return bytes.toByteArray();
    }

    private static ZipEntry stored(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
