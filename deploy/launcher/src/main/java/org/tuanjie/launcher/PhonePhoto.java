package org.tuanjie.launcher;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;

/**
 * A photo as a phone camera saves it: a JPEG whose EXIF block (APP1)
 * says when it was taken, in local wall-clock time as cameras write it, and where (GPS). The end-to-end
 * run uploads it to prove the suite reads what the verifier is shown. The EXIF block has one fixed
 * layout, so its offsets are constants rather than computed.
 */
final class PhonePhoto {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    // TIFF offsets of the fixed layout: header, IFD0 (2 pointers), Exif IFD (1 entry), its value, GPS IFD (4 entries),
    // then the two GPS coordinates as three rationals each
    private static final int IFD0 = 8;
    private static final int EXIF_IFD = IFD0 + 2 + 2 * 12 + 4;
    private static final int TAKEN_AT = EXIF_IFD + 2 + 12 + 4;
    private static final int GPS_IFD = TAKEN_AT + 20;
    private static final int LATITUDE = GPS_IFD + 2 + 4 * 12 + 4;
    private static final int LONGITUDE = LATITUDE + 24;
    private static final int TIFF_LENGTH = LONGITUDE + 24;

    private PhonePhoto() {
    }

    /** A 640×480 JPEG taken at {@code takenAt} (local time) at a place north and east of Greenwich. */
    static byte[] jpeg(LocalDateTime takenAt, double north, double east) {
        byte[] picture = picture();
        byte[] exif = ByteBuffer.allocate(6 + TIFF_LENGTH).put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))
                .put(tiff(takenAt, north, east)).array();
        // after SOI and ImageIO's JFIF segment (decoders want APP0 first), the APP1 segment, its length counting itself
        int app0 = picture[3] == (byte) 0xE0 ? 2 + ((picture[4] & 0xFF) << 8 | picture[5] & 0xFF) : 0;
        int at = 2 + app0;
        return ByteBuffer.allocate(picture.length + 4 + exif.length)
                .put(picture, 0, at)
                .putShort((short) 0xFFE1).putShort((short) (2 + exif.length)).put(exif)
                .put(picture, at, picture.length - at).array();
    }

    private static byte[] tiff(LocalDateTime takenAt, double north, double east) {
        ByteBuffer tiff = ByteBuffer.allocate(TIFF_LENGTH); // big-endian, "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(IFD0);
        tiff.putShort((short) 2);
        entry(tiff, 0x8769, 4, 1, EXIF_IFD); // ExifIFDPointer
        entry(tiff, 0x8825, 4, 1, GPS_IFD); // GPSInfoIFDPointer
        tiff.putInt(0);
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, TAKEN_AT); // DateTimeOriginal, 19 characters and a NUL
        tiff.putInt(0);
        tiff.put((EXIF_TIME.format(takenAt) + "\0").getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N' << 24); // GPSLatitudeRef: "N\0" fits in the entry itself
        entry(tiff, 0x0002, 5, 3, LATITUDE);
        entry(tiff, 0x0003, 2, 2, 'E' << 24);
        entry(tiff, 0x0004, 5, 3, LONGITUDE);
        tiff.putInt(0);
        for (double degrees : new double[] {north, east}) {
            // degrees and minutes whole, seconds in hundredths, as phones write them
            long hundredths = Math.round(degrees * 360_000);
            tiff.putInt((int) (hundredths / 360_000)).putInt(1)
                    .putInt((int) (hundredths % 360_000 / 6_000)).putInt(1)
                    .putInt((int) (hundredths % 6_000)).putInt(100);
        }
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    /** A blackboard-green picture with a white band, like a photographed notice board. */
    private static byte[] picture() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x2F, 0x4F, 0x3F));
            g.fillRect(0, 0, 640, 480);
            g.setColor(Color.WHITE);
            g.fillRect(40, 200, 560, 80);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg.toByteArray();
    }
}
