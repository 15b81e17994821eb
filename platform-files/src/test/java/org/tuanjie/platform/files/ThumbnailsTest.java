package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tuanjie.testing.TestFiles;
import org.tuanjie.testing.TestFiles.Exif;

class ThumbnailsTest {

    private static final Color RED = TestFiles.TOP_LEFT;
    private static final Color GREEN = TestFiles.TOP_RIGHT;
    private static final Color BLUE = TestFiles.BOTTOM_LEFT;
    private static final Color WHITE = TestFiles.BOTTOM_RIGHT;

    @Test
    void shrinksALandscapePhotoToTheLongestSideAllowed() {
        byte[] thumbnail = thumbnail(TestFiles.jpeg(1200, 800, null, null, null), FileType.JPEG);

        assertEquals(Optional.of(FileType.JPEG), FileType.of(thumbnail, thumbnail.length));
        BufferedImage image = decode(thumbnail);
        assertEquals(320, image.getWidth());
        assertEquals(213, image.getHeight());
        assertCorners(image, RED, GREEN, BLUE, WHITE);
    }

    @Test
    void shrinksAPortraitPhotoByItsHeight() {
        BufferedImage image = decode(thumbnail(TestFiles.jpeg(600, 1200, null, null, null), FileType.JPEG));

        assertEquals(160, image.getWidth());
        assertEquals(320, image.getHeight());
    }

    @Test
    void shrinksAPng() {
        BufferedImage image = decode(thumbnail(TestFiles.png(1000, 1000), FileType.PNG));

        assertEquals(320, image.getWidth());
        assertEquals(320, image.getHeight());
        assertCorners(image, RED, GREEN, BLUE, WHITE);
    }

    @Test
    void keepsSmallPicturesAtTheirSize() {
        BufferedImage jpeg = decode(thumbnail(TestFiles.jpeg(100, 50, null, null, null), FileType.JPEG));
        BufferedImage png = decode(thumbnail(TestFiles.png(320, 90), FileType.PNG));

        assertEquals(List.of(100, 50), List.of(jpeg.getWidth(), jpeg.getHeight()));
        assertEquals(List.of(320, 90), List.of(png.getWidth(), png.getHeight()));
    }

    @Test
    void keepsAVeryLongStripAtLeastOnePixelHigh() {
        BufferedImage image = decode(thumbnail(TestFiles.png(4000, 2), FileType.PNG));

        assertEquals(List.of(320, 1), List.of(image.getWidth(), image.getHeight()));
    }

    /**
     * Corners of the shown picture for each EXIF orientation, stored as red, green / blue, white: the camera
     * stored the pixels as its sensor saw them, the thumbnail shows them as the photographer did.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, RED,   GREEN, BLUE,  WHITE",
        "2, GREEN, RED,   WHITE, BLUE",
        "3, WHITE, BLUE,  GREEN, RED",
        "4, BLUE,  WHITE, RED,   GREEN",
        "5, RED,   BLUE,  GREEN, WHITE",
        "6, BLUE,  RED,   WHITE, GREEN",
        "7, WHITE, GREEN, BLUE,  RED",
        "8, GREEN, WHITE, RED,   BLUE",
    })
    void turnsThePhotoTheWayTheCameraWasHeld(int orientation, String topLeft, String topRight, String bottomLeft,
            String bottomRight) {
        BufferedImage image = decode(thumbnail(TestFiles.jpeg(800, 400, Exif.turned(orientation)), FileType.JPEG));

        boolean turned = orientation >= 5;
        assertEquals(turned ? 160 : 320, image.getWidth());
        assertEquals(turned ? 320 : 160, image.getHeight());
        assertCorners(image, color(topLeft), color(topRight), color(bottomLeft), color(bottomRight));
    }

    @Test
    void findsTheOrientationAfterAnXmpSegment() {
        byte[] photo = TestFiles.jpeg(800, 400, Exif.turned(6));
        byte[] xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] withXmpFirst = insertAfterJfif(photo, segment(0xE1, xmp));

        BufferedImage image = decode(thumbnail(withXmpFirst, FileType.JPEG));

        assertEquals(List.of(160, 320), List.of(image.getWidth(), image.getHeight()));
    }

    @Test
    void showsAPhotoUprightWhenItsOrientationComesTooLateToLookFor() {
        // two full application segments (2 × 64 KiB) push EXIF past the look-ahead: the rewind must still work
        byte[] photo = TestFiles.jpeg(800, 400, Exif.turned(6));
        byte[] filler = new byte[65_533];
        Arrays.fill(filler, (byte) 0x55);
        byte[] late = insertAfterJfif(photo, concat(segment(0xE4, filler), segment(0xE4, filler)));

        BufferedImage image = decode(thumbnail(late, FileType.JPEG));

        assertEquals(List.of(320, 160), List.of(image.getWidth(), image.getHeight()));
        assertCorners(image, RED, GREEN, BLUE, WHITE);
    }

    @Test
    void drawsTransparencyOnWhite() {
        BufferedImage transparent = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = transparent.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.fillRect(50, 25, 100, 50);
        graphics.dispose();

        BufferedImage image = decode(thumbnail(encode(transparent, "png"), FileType.PNG));

        assertNear(WHITE, new Color(image.getRGB(5, 5)), "see-through corner");
        assertNear(Color.BLACK, new Color(image.getRGB(100, 50)), "opaque middle");
    }

    @Test
    void shrinksGreyAndPalettePngs() {
        BufferedImage grey = new BufferedImage(640, 640, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage palette = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_INDEXED);
        for (BufferedImage source : List.of(grey, palette)) {
            Graphics2D graphics = source.createGraphics();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, source.getWidth(), source.getHeight());
            graphics.dispose();
        }

        assertEquals(320, decode(thumbnail(encode(grey, "png"), FileType.PNG)).getWidth());
        assertEquals(240, decode(thumbnail(encode(palette, "png"), FileType.PNG)).getHeight());
    }

    @Test
    void decodesATwelveMegapixelPhotoWithoutItsFullSizePixels() {
        byte[] photo = TestFiles.jpeg(4000, 3000, null, null, null);
        long fullSizePixels = 4000L * 3000 * 3;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        thumbnail(TestFiles.jpeg(640, 480, null, null, null), FileType.JPEG); // load the codecs first

        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] thumbnail = thumbnail(photo, FileType.JPEG);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(320, decode(thumbnail).getWidth());
        assertTrue(allocated < fullSizePixels / 3,
                "allocated " + allocated + " bytes; the full-size pixels alone take " + fullSizePixels);
    }

    @Test
    void refusesAnImageLargerThanAllowedFromItsHeaderAlone() throws IOException {
        byte[] oversized = blankGreyPng(10_001, 10_000);
        try (CaptureTest.Counting counting = new CaptureTest.Counting(new ByteArrayInputStream(oversized))) {
            assertEquals(Optional.empty(), Thumbnails.of(counting, FileType.PNG));
            assertTrue(counting.count < 64 * 1024, "read " + counting.count + " of " + oversized.length + " bytes");
        }
    }

    @Test
    void shrinksTheLargestImageAllowed() {
        BufferedImage image = decode(thumbnail(blankGreyPng(10_000, 10_000), FileType.PNG));

        assertEquals(List.of(320, 320), List.of(image.getWidth(), image.getHeight()));
    }

    @Test
    void refusesAJpegAnnouncingTooManyPixels() {
        byte[] photo = TestFiles.jpeg(64, 48, null, null, null);
        int frame = indexOf(photo, new byte[] {(byte) 0xFF, (byte) 0xC0});
        ByteBuffer.wrap(photo).putShort(frame + 5, (short) 12_000).putShort(frame + 7, (short) 10_000);

        assertEquals(Optional.empty(), Thumbnails.of(new ByteArrayInputStream(photo), FileType.JPEG));
    }

    @Test
    void givesNoThumbnailForABrokenImage() {
        byte[] photo = TestFiles.jpeg(640, 480, null, null, null);
        byte[] png = TestFiles.png(640, 480);

        assertEquals(Optional.empty(), Thumbnails.of(new ByteArrayInputStream(Arrays.copyOf(photo, photo.length / 2)),
                FileType.JPEG), "a truncated JPEG, which the decoder would fill with grey");
        assertEquals(Optional.empty(), Thumbnails.of(new ByteArrayInputStream(Arrays.copyOf(png, png.length / 2)),
                FileType.PNG), "a truncated PNG");
        assertEquals(Optional.empty(), Thumbnails.of(new ByteArrayInputStream(png), FileType.JPEG), "a PNG said to be a JPEG");
        assertEquals(Optional.empty(), Thumbnails.of(new ByteArrayInputStream(new byte[0]), FileType.PNG));
        assertEquals(Optional.empty(), Thumbnails.of(null, FileType.JPEG));
        assertEquals(Optional.empty(), Thumbnails.of(new ByteArrayInputStream(photo), null));
    }

    @ParameterizedTest
    @EnumSource(value = FileType.class, names = {"WEBP", "HEIC", "PDF", "DOCX", "XLSX", "MP4"})
    void readsNothingOfTypesWithoutThumbnails(FileType type) throws IOException {
        try (CaptureTest.Counting counting = new CaptureTest.Counting(TestFiles.pdfStream(50L * 1024 * 1024))) {
            assertEquals(Optional.empty(), Thumbnails.of(counting, type));
            assertEquals(0, counting.count);
        }
    }

    @Test
    void stopsReadingAtTheEndOfTheImage() throws IOException {
        byte[] photo = TestFiles.jpeg(640, 480, null, null, null);
        InputStream photoThenMore = new SequenceInputStream(new ByteArrayInputStream(photo), TestFiles.pdfStream(10_000_000));
        try (CaptureTest.Counting counting = new CaptureTest.Counting(photoThenMore)) {
            assertTrue(Thumbnails.of(counting, FileType.JPEG).isPresent());
            assertTrue(counting.count < photo.length + 64 * 1024, "read " + counting.count + " bytes");
        }
    }

    @Test
    void neverThrowsOnDamagedOrRandomImages() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        byte[] photo = TestFiles.jpeg(96, 64, new Exif(null, null, null, null, 6));
        byte[] png = TestFiles.png(96, 64);
        for (int round = 0; round < 600; round++) {
            boolean jpeg = round % 2 == 0;
            byte[] damaged = (jpeg ? photo : png).clone();
            if (round % 3 == 0) {
                damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length + 1));
            } else if (round % 3 == 1) {
                for (int flips = 1 + random.nextInt(10); flips > 0; flips--) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
            } else {
                random.nextBytes(damaged);
            }
            byte[] input = damaged;
            FileType type = jpeg ? FileType.JPEG : FileType.PNG;
            assertDoesNotThrow(() -> Thumbnails.of(new ByteArrayInputStream(input), type), "seed " + seed + ", round " + round);
        }
    }

    @Test
    void turnsPixelsExactly() {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] values = {1, 2, 3, 4, 5, 6}; // row by row: 1 2 3 / 4 5 6
        stored.setRGB(0, 0, 3, 2, values, 0, 3);

        assertEquals(List.of(4, 1, 5, 2, 6, 3), pixels(Thumbnails.upright(stored, 6)), "a quarter clockwise");
        assertEquals(List.of(3, 6, 2, 5, 1, 4), pixels(Thumbnails.upright(stored, 8)), "a quarter counter-clockwise");
        assertEquals(List.of(6, 5, 4, 3, 2, 1), pixels(Thumbnails.upright(stored, 3)));
        assertEquals(List.of(1, 4, 2, 5, 3, 6), pixels(Thumbnails.upright(stored, 5)), "transposed");
        assertEquals(List.of(6, 3, 5, 2, 4, 1), pixels(Thumbnails.upright(stored, 7)), "transversed");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), pixels(Thumbnails.upright(stored, 0)), "unknown orientation: as stored");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), pixels(Thumbnails.upright(stored, 9)));
    }

    private static List<Integer> pixels(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return Arrays.stream(rgb).map(value -> value & 0xFFFFFF).boxed().toList();
    }

    private static byte[] thumbnail(byte[] image, FileType type) {
        return Thumbnails.of(new ByteArrayInputStream(image), type).orElseThrow(() -> new AssertionError("no thumbnail"));
    }

    private static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void assertCorners(BufferedImage image, Color topLeft, Color topRight, Color bottomLeft,
            Color bottomRight) {
        int right = image.getWidth() - 4;
        int bottom = image.getHeight() - 4;
        assertNear(topLeft, new Color(image.getRGB(3, 3)), "top left");
        assertNear(topRight, new Color(image.getRGB(right, 3)), "top right");
        assertNear(bottomLeft, new Color(image.getRGB(3, bottom)), "bottom left");
        assertNear(bottomRight, new Color(image.getRGB(right, bottom)), "bottom right");
    }

    // JPEG is lossy: a colour comes back close, not equal
    private static void assertNear(Color expected, Color actual, String where) {
        int distance = Math.max(Math.abs(expected.getRed() - actual.getRed()),
                Math.max(Math.abs(expected.getGreen() - actual.getGreen()), Math.abs(expected.getBlue() - actual.getBlue())));
        assertTrue(distance <= 48, where + ": expected " + expected + " but was " + actual);
    }

    private static Color color(String name) {
        return switch (name) {
            case "RED" -> RED;
            case "GREEN" -> GREEN;
            case "BLUE" -> BLUE;
            default -> WHITE;
        };
    }

    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) marker)
                .putShort((short) (payload.length + 2)).put(payload).array();
    }

    // after SOI and the APP0 (JFIF) segment, which the JDK's decoder wants first
    private static byte[] insertAfterJfif(byte[] jpeg, byte[] segments) {
        int afterJfif = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(Arrays.copyOf(jpeg, afterJfif), segments, Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
    }

    /**
     * An 8-bit grey PNG of any size, all black, written row by row so that a 100-megapixel test image costs
     * its compressed size (about 100 KB), not its pixels.
     */
    private static byte[] blankGreyPng(int width, int height) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
            byte[] row = new byte[1 + width]; // filter type 0, then the pixels
            for (int y = 0; y < height; y++) {
                deflater.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array();
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", header), chunk("IDAT", compressed.toByteArray()), chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        for (int at = 0; at + wanted.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length)) {
                return at;
            }
        }
        throw new AssertionError("not found");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }
}
