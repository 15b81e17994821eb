package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tuanjie.testing.TestFiles;
import org.tuanjie.testing.TestFiles.Exif;

class CaptureTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime TAKEN = LocalDateTime.of(2024, 5, 17, 14, 3, 9);
    // 2024-05-17 14:03:09 in Shanghai (UTC+8, no daylight saving)
    private static final Instant TAKEN_IN_SHANGHAI = Instant.parse("2024-05-17T06:03:09Z");
    // The Bund, Shanghai; written as degrees, minutes and ten-thousandths of seconds (about 3 mm)
    private static final double LATITUDE = 31.2400472;
    private static final double LONGITUDE = 121.4903861;
    private static final double WITHIN_MILLIMETRES = 1e-7;

    @Test
    void readsTheTimeAndPlaceAPhoneWroteIntoAJpeg() {
        Capture capture = read(TestFiles.jpeg(640, 480, TAKEN, LATITUDE, LONGITUDE), FileType.JPEG).orElseThrow();

        assertEquals(TAKEN_IN_SHANGHAI, capture.takenAt());
        assertEquals(LATITUDE, capture.latitude(), WITHIN_MILLIMETRES);
        assertEquals(LONGITUDE, capture.longitude(), WITHIN_MILLIMETRES);
    }

    @Test
    void signsSouthernAndWesternCoordinates() {
        Capture capture = read(TestFiles.jpeg(64, 48, null, -33.8567844, -70.6482697), FileType.JPEG).orElseThrow();

        assertEquals(-33.8567844, capture.latitude(), WITHIN_MILLIMETRES);
        assertEquals(-70.6482697, capture.longitude(), WITHIN_MILLIMETRES);
        assertNull(capture.takenAt());
    }

    @Test
    void readsTheCoordinatesAtTheEdgesOfTheMap() {
        Capture pole = read(TestFiles.jpeg(64, 48, null, 90.0, 180.0), FileType.JPEG).orElseThrow();
        assertEquals(90.0, pole.latitude(), WITHIN_MILLIMETRES);
        assertEquals(180.0, pole.longitude(), WITHIN_MILLIMETRES);
    }

    @Test
    void readsATimeWithoutAPlace() {
        Capture capture = read(TestFiles.jpeg(64, 48, TAKEN, null, null), FileType.JPEG).orElseThrow();

        assertEquals(new Capture(TAKEN_IN_SHANGHAI, null, null), capture);
    }

    @Test
    void takesTheCameraClockForTheAssumedZoneWhenNoOffsetIsRecorded() {
        byte[] photo = TestFiles.jpeg(64, 48, TAKEN, null, null);

        Instant inShanghai = Capture.read(new ByteArrayInputStream(photo), FileType.JPEG, SHANGHAI).orElseThrow().takenAt();
        Instant inUtc = Capture.read(new ByteArrayInputStream(photo), FileType.JPEG, ZoneId.of("UTC")).orElseThrow().takenAt();

        assertEquals(TAKEN_IN_SHANGHAI, inShanghai);
        assertEquals(Instant.parse("2024-05-17T14:03:09Z"), inUtc);
    }

    @Test
    void prefersTheRecordedOffsetToTheAssumedZone() {
        byte[] inBerlin = TestFiles.jpeg(64, 48, new Exif(TAKEN, "+02:00", null, null, null));

        assertEquals(Instant.parse("2024-05-17T12:03:09Z"), read(inBerlin, FileType.JPEG).orElseThrow().takenAt());
    }

    @Test
    void fallsBackToTheAssumedZoneWhenTheOffsetIsMalformed() {
        for (String malformed : List.of("+8", "08:00", "+25:00", "   :  ", "")) {
            byte[] photo = TestFiles.jpeg(64, 48, new Exif(TAKEN, malformed, null, null, null));
            assertEquals(TAKEN_IN_SHANGHAI, read(photo, FileType.JPEG).orElseThrow().takenAt(), malformed);
        }
    }

    @Test
    void parsesExifTimesStrictlyButAcceptsCommonVariants() {
        assertEquals(TAKEN_IN_SHANGHAI, Capture.instant("2024:05:17 14:03:09", null, SHANGHAI));
        assertEquals(TAKEN_IN_SHANGHAI, Capture.instant("2024:05:17 14:03:09\u0000 ", null, SHANGHAI));
        assertEquals(TAKEN_IN_SHANGHAI, Capture.instant("2024-05-17 14:03:09", null, SHANGHAI));
        assertEquals(TAKEN_IN_SHANGHAI, Capture.instant("2024-05-17T14:03:09", null, SHANGHAI));
        assertEquals(TAKEN_IN_SHANGHAI, Capture.instant("2024:05:17 08:03:09", "+02:00", SHANGHAI));
        // what cameras write when their clock was never set, or what editors leave behind
        assertNull(Capture.instant("0000:00:00 00:00:00", null, SHANGHAI));
        assertNull(Capture.instant("    :  :     :  :  ", null, SHANGHAI));
        assertNull(Capture.instant("2024:02:30 10:00:00", null, SHANGHAI));
        assertNull(Capture.instant("2024:05:17 24:00:00", null, SHANGHAI));
        assertNull(Capture.instant("2024:05:17", null, SHANGHAI));
        assertNull(Capture.instant("yesterday", null, SHANGHAI));
        assertNull(Capture.instant(null, "+08:00", SHANGHAI));
    }

    @Test
    void dropsTheNullIslandAGpsWithoutAFixWrites() {
        assertEquals(new Capture(TAKEN_IN_SHANGHAI, null, null),
                read(TestFiles.jpeg(64, 48, TAKEN, 0.0, 0.0), FileType.JPEG).orElseThrow());
        assertEquals(Optional.empty(), read(TestFiles.jpeg(64, 48, null, 0.0, 0.0), FileType.JPEG));
    }

    @Test
    void dropsCoordinatesOutsideTheGlobe() {
        assertEquals(Optional.empty(), read(TestFiles.jpeg(64, 48, null, 95.0, 121.0), FileType.JPEG));
        assertEquals(Optional.empty(), read(TestFiles.jpeg(64, 48, null, 31.0, 181.5), FileType.JPEG));
        assertEquals(new Capture(TAKEN_IN_SHANGHAI, null, null),
                read(TestFiles.jpeg(64, 48, TAKEN, -91.0, 0.5), FileType.JPEG).orElseThrow());
    }

    @Test
    void dropsAPlaceWithoutItsLongitude() {
        byte[] halfPlace = TestFiles.jpeg(64, 48, new Exif(TAKEN, null, LATITUDE, null, null));

        assertEquals(new Capture(TAKEN_IN_SHANGHAI, null, null), read(halfPlace, FileType.JPEG).orElseThrow());
    }

    @Test
    void findsNothingInAPhotoWithoutExif() {
        assertEquals(Optional.empty(), read(TestFiles.jpeg(64, 48, null, null, null), FileType.JPEG));
        assertEquals(Optional.empty(), read(TestFiles.png(64, 48), FileType.PNG));
        assertEquals(Optional.empty(), read(TestFiles.jpeg(64, 48, Exif.turned(6)), FileType.JPEG), "EXIF without capture");
    }

    @Test
    void readsExifFromPngWebpAndHeic() {
        Exif exif = new Exif(TAKEN, null, LATITUDE, LONGITUDE, null);
        Capture expected = new Capture(TAKEN_IN_SHANGHAI, LATITUDE, LONGITUDE);

        for (var sample : List.of(
                new Sample(FileType.PNG, pngWithExif(TestFiles.png(32, 32), TestFiles.tiff(exif))),
                new Sample(FileType.WEBP, webpWithExif(TestFiles.tiff(exif))),
                new Sample(FileType.HEIC, TestFiles.heic(exif)))) {
            assertEquals(Optional.of(sample.type()), FileType.of(sample.bytes(), sample.bytes().length));
            Capture capture = read(sample.bytes(), sample.type()).orElseThrow(() -> new AssertionError(sample.type()));
            assertEquals(expected.takenAt(), capture.takenAt(), sample.type().name());
            assertEquals(LATITUDE, capture.latitude(), WITHIN_MILLIMETRES, sample.type().name());
            assertEquals(LONGITUDE, capture.longitude(), WITHIN_MILLIMETRES, sample.type().name());
        }
    }

    @Test
    void readsAHeicWhoseItemLocationsUseABaseOffset() {
        byte[] heic = heicWithBaseOffsets(TestFiles.tiff(Exif.taken(TAKEN)));

        assertEquals(Optional.of(FileType.HEIC), FileType.of(heic, heic.length));
        assertEquals(TAKEN_IN_SHANGHAI, read(heic, FileType.HEIC).orElseThrow().takenAt());
    }

    @Test
    void givesUpOnAHeicWhoseMediaDataComesFirst() {
        // reading its EXIF would take a second pass over the file; phones write the metadata first
        byte[] heic = TestFiles.heic(Exif.taken(TAKEN));
        ByteBuffer boxes = ByteBuffer.wrap(heic);
        int fileTypeEnd = boxes.getInt(0);
        int metaEnd = fileTypeEnd + boxes.getInt(fileTypeEnd);
        byte[] mediaFirst = concat(Arrays.copyOfRange(heic, 0, fileTypeEnd), Arrays.copyOfRange(heic, metaEnd, heic.length),
                Arrays.copyOfRange(heic, fileTypeEnd, metaEnd));

        assertEquals(Optional.empty(), read(mediaFirst, FileType.HEIC));
    }

    @Test
    void readsExifThatRepeatsTheJpegPreamble() {
        byte[] prefixed = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), TestFiles.tiff(Exif.taken(TAKEN)));

        assertEquals(TAKEN_IN_SHANGHAI, read(pngWithExif(TestFiles.png(8, 8), prefixed), FileType.PNG).orElseThrow().takenAt());
        assertEquals(TAKEN_IN_SHANGHAI, read(webpWithExif(prefixed), FileType.WEBP).orElseThrow().takenAt());
    }

    @Test
    void looksForPngExifOnlyBeforeThePixelData() {
        // PNG's third edition puts eXIf before IDAT; looking further would mean reading every screenshot whole
        byte[] png = TestFiles.png(8, 8);
        int iend = png.length - 12;
        byte[] late = pngWithExifAt(png, TestFiles.tiff(Exif.taken(TAKEN)), iend);

        assertEquals(Optional.empty(), read(late, FileType.PNG));
    }

    @Test
    void neverAllocatesWhatADamagedLengthDeclares() {
        // one flipped byte in a chunk or box length made metadata-extractor's own readers allocate up to 2 GB
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Exif exif = new Exif(TAKEN, "+08:00", LATITUDE, LONGITUDE, 6);
        List<Sample> samples = List.of(
                new Sample(FileType.JPEG, TestFiles.jpeg(48, 32, exif)),
                new Sample(FileType.PNG, pngWithExif(TestFiles.png(16, 16), TestFiles.tiff(exif))),
                new Sample(FileType.WEBP, webpWithExif(TestFiles.tiff(exif))),
                new Sample(FileType.HEIC, TestFiles.heic(exif)),
                new Sample(FileType.HEIC, heicWithBaseOffsets(TestFiles.tiff(exif))));
        long most = 0;
        for (int round = 0; round < 5_000; round++) {
            Sample sample = samples.get(round % samples.size());
            byte[] damaged = sample.bytes().clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[random.nextInt(Math.min(damaged.length, 400))] = (byte) random.nextInt(256);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            Capture.read(new ByteArrayInputStream(damaged), sample.type(), SHANGHAI);
            most = Math.max(most, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(most < 4 * Capture.ExifBlock.MAX_BYTES, "seed " + seed + ": one read allocated " + most + " bytes");
    }

    @ParameterizedTest
    @EnumSource(value = FileType.class, names = {"PDF", "DOCX", "XLSX", "MP4"})
    void readsNothingOfAFileThatIsNoImage(FileType type) throws IOException {
        try (Counting fiftyMegabytes = new Counting(TestFiles.pdfStream(50L * 1024 * 1024))) {
            assertEquals(Optional.empty(), Capture.read(fiftyMegabytes, type, SHANGHAI));
            assertEquals(0, fiftyMegabytes.count);
        }
    }

    @Test
    void stopsReadingAJpegWhereItsImageDataBegins() throws IOException {
        byte[] photo = TestFiles.jpeg(800, 600, TAKEN, LATITUDE, LONGITUDE);
        InputStream photoThenFiftyMegabytes = new SequenceInputStream(new ByteArrayInputStream(photo),
                TestFiles.pdfStream(50L * 1024 * 1024));
        try (Counting counting = new Counting(photoThenFiftyMegabytes)) {
            assertTrue(Capture.read(counting, FileType.JPEG, SHANGHAI).isPresent());
            assertTrue(counting.count <= photo.length, "read " + counting.count + " of a " + photo.length + " byte photo");
        }
    }

    @Test
    void findsNothingInEmptyOrMissingInput() {
        assertEquals(Optional.empty(), read(new byte[0], FileType.JPEG));
        assertEquals(Optional.empty(), Capture.read(null, FileType.JPEG, SHANGHAI));
        byte[] photo = TestFiles.jpeg(64, 48, TAKEN, null, null);
        assertEquals(Optional.empty(), Capture.read(new ByteArrayInputStream(photo), null, SHANGHAI));
        assertEquals(Optional.empty(), Capture.read(new ByteArrayInputStream(photo), FileType.JPEG, null));
    }

    @Test
    void findsNothingWhenTheStreamFails() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        for (FileType type : FileType.values()) {
            assertEquals(Optional.empty(), Capture.read(failing, type, SHANGHAI), type.name());
        }
    }

    @Test
    void neverThrowsOnDamagedOrRandomImages() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Sample> samples = List.of(
                new Sample(FileType.JPEG, TestFiles.jpeg(48, 32, TAKEN, LATITUDE, LONGITUDE)),
                new Sample(FileType.PNG, pngWithExif(TestFiles.png(16, 16), TestFiles.tiff(Exif.taken(TAKEN)))),
                new Sample(FileType.WEBP, webpWithExif(TestFiles.tiff(Exif.at(LATITUDE, LONGITUDE)))),
                new Sample(FileType.HEIC, TestFiles.heic(new Exif(TAKEN, "+08:00", LATITUDE, LONGITUDE, 6))));
        for (int round = 0; round < 4_000; round++) {
            Sample sample = samples.get(round % samples.size());
            byte[] damaged;
            if (round % 3 == 0) {
                damaged = Arrays.copyOf(sample.bytes(), random.nextInt(sample.bytes().length + 1));
            } else if (round % 3 == 1) {
                damaged = sample.bytes().clone();
                for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                    damaged[random.nextInt(Math.min(damaged.length, 600))] = (byte) random.nextInt(256);
                }
            } else {
                damaged = new byte[random.nextInt(2_000)];
                random.nextBytes(damaged);
            }
            byte[] input = damaged;
            FileType type = sample.type();
            assertDoesNotThrow(() -> Capture.read(new ByteArrayInputStream(input), type, SHANGHAI),
                    "seed " + seed + ", round " + round);
        }
    }

    @Test
    void aCaptureSaysAtLeastWhenOrWhere() {
        assertThrows(IllegalArgumentException.class, () -> new Capture(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Capture(TAKEN_IN_SHANGHAI, LATITUDE, null));
        assertThrows(IllegalArgumentException.class, () -> new Capture(null, null, LONGITUDE));
        assertThrows(IllegalArgumentException.class, () -> new Capture(null, 90.5, LONGITUDE));
        assertThrows(IllegalArgumentException.class, () -> new Capture(null, LATITUDE, -180.5));
        assertThrows(IllegalArgumentException.class, () -> new Capture(null, Double.NaN, LONGITUDE));
        assertThrows(IllegalArgumentException.class, () -> new Capture(null, LATITUDE, Double.POSITIVE_INFINITY));
        assertDoesNotThrow(() -> new Capture(null, -90.0, 180.0));
        assertDoesNotThrow(() -> new Capture(TAKEN_IN_SHANGHAI, null, null));
    }

    private static Optional<Capture> read(byte[] bytes, FileType type) {
        return Capture.read(new ByteArrayInputStream(bytes), type, SHANGHAI);
    }

    private record Sample(FileType type, byte[] bytes) {
    }

    /** The PNG with an {@code eXIf} chunk right after its header chunk, where phones put it. */
    static byte[] pngWithExif(byte[] png, byte[] tiff) {
        return pngWithExifAt(png, tiff, 8 + 4 + 4 + 13 + 4); // signature, then IHDR: length, type, 13 bytes, CRC
    }

    private static byte[] pngWithExifAt(byte[] png, byte[] tiff, int at) {
        byte[] type = "eXIf".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(tiff);
        return ByteBuffer.allocate(png.length + 12 + tiff.length)
                .put(png, 0, at)
                .putInt(tiff.length).put(type).put(tiff).putInt((int) crc.getValue())
                .put(png, at, png.length - at)
                .array();
    }

    /**
     * A HEIF file laid out as other writers do it: item info version 1 (a four-byte count) and item locations
     * version 1, whose items give a base offset (the data box) and an extent offset relative to it.
     */
    private static byte[] heicWithBaseOffsets(byte[] tiff) {
        byte[] item = concat(new byte[] {0, 0, 0, 6}, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
        byte[] fileType = box("ftyp", ascii("mif1"), new byte[4], ascii("mif1heic"));
        byte[] handler = box("hdlr", new byte[4], new byte[4], ascii("pict"), new byte[12], new byte[1]);
        byte[] itemInfo = box("iinf", new byte[] {1, 0, 0, 0}, new byte[] {0, 0, 0, 1},
                box("infe", new byte[] {2, 0, 0, 0}, new byte[] {0, 7}, new byte[2], ascii("Exif"), new byte[1]));
        int metaLength = 8 + 4 + handler.length + itemInfo.length + itemLocations(0, 0).length;
        int dataStart = fileType.length + metaLength + 8;
        byte[] meta = box("meta", new byte[4], handler, itemInfo, itemLocations(dataStart, item.length));
        return concat(fileType, meta, box("mdat", item));
    }

    // version 1: offset and length 4 bytes, base offset 4 bytes, no index; one item (7) in one extent at 0
    private static byte[] itemLocations(int baseOffset, int length) {
        return box("iloc", new byte[] {1, 0, 0, 0}, new byte[] {0x44, 0x40}, new byte[] {0, 1},
                new byte[] {0, 7}, new byte[] {0, 0}, new byte[] {0, 0}, ByteBuffer.allocate(4).putInt(baseOffset).array(),
                new byte[] {0, 1}, new byte[4], ByteBuffer.allocate(4).putInt(length).array());
    }

    private static byte[] box(String type, byte[]... payload) {
        byte[] content = concat(payload);
        return ByteBuffer.allocate(8 + content.length).putInt(8 + content.length).put(ascii(type)).put(content).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    /** An extended WebP (VP8X announcing EXIF), a lossy frame header, and the EXIF chunk after the image. */
    static byte[] webpWithExif(byte[] tiff) {
        byte[] frame = {0x30, 0x01, 0x00, (byte) 0x9D, 0x01, 0x2A, 16, 0, 16, 0}; // key frame tag, start code, 16 × 16
        int exifPadding = tiff.length & 1;
        int length = 4 + (8 + 10) + (8 + frame.length) + (8 + tiff.length + exifPadding);
        ByteBuffer riff = ByteBuffer.allocate(8 + length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt(length).put(ascii("WEBP"));
        riff.put(ascii("VP8X")).putInt(10).put((byte) 0x08).put(new byte[3])
                .put(new byte[] {15, 0, 0}).put(new byte[] {15, 0, 0}); // canvas 16 × 16, stored minus one
        riff.put(ascii("VP8 ")).putInt(frame.length).put(frame);
        riff.put(ascii("EXIF")).putInt(tiff.length).put(tiff).put(new byte[exifPadding]);
        return riff.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Counts what is read from a stream, to show what a reader left alone. */
    static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                count++;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
