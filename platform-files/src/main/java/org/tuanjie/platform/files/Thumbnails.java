package org.tuanjie.platform.files;

import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small JPEG previews of photos, so that a list of evidence does not download every full photo.
 *
 * <p>Only JPEG and PNG: the JDK decodes nothing else, and there is no maintained pure-Java decoder for WebP
 * or for HEIC (HEVC-coded, and patent-encumbered). Those files simply have no thumbnail, nor do CMYK JPEGs,
 * which the JDK cannot decode. Images are decoded with source subsampling chosen from their header, so a
 * 12-megapixel photo is decoded at about 670 × 500 and never at full size, and an image whose header
 * announces more than {@link #MAX_PIXELS} is refused before any pixel is decoded. The compressed bytes the
 * decoder reads are held in memory while it works (ImageIO readers seek back), so the caller should bound
 * what it passes, as the upload size limit does; a progressive JPEG also makes the JDK's native decoder
 * hold its coefficients for the whole image (3 to 6 bytes a pixel, outside the Java heap).
 */
public final class Thumbnails {

    /** The longer side of a thumbnail, in pixels; smaller images keep their size. */
    public static final int MAX_SIDE = 320;

    /** Images announcing more pixels than this (10 000 × 10 000) get no thumbnail. */
    public static final long MAX_PIXELS = 100_000_000L;

    // An EXIF segment is at most 64 KiB and cameras put it first; a JFIF header or another APP segment
    // may precede it. Looked for only this far, so that what is buffered for the rewind stays small.
    private static final int ORIENTATION_LOOKAHEAD = 128 * 1024;
    private static final float JPEG_QUALITY = 0.8f;
    private static final int UPRIGHT = 1;

    private Thumbnails() {
    }

    /**
     * A thumbnail of the image in {@code in}: a JPEG whose longer side is at most {@link #MAX_SIDE}, turned
     * upright by the photo's EXIF orientation, transparency drawn on white. The stream is read once, not
     * closed.
     *
     * @return the thumbnail, or empty for a type without thumbnails, a damaged image, or one larger than
     *     {@link #MAX_PIXELS}; never throws
     */
    public static Optional<byte[]> of(InputStream in, FileType type) {
        if (in == null || (type != FileType.JPEG && type != FileType.PNG)) {
            return Optional.empty();
        }
        try {
            BufferedInputStream source = new BufferedInputStream(in);
            int orientation = type == FileType.JPEG ? peekOrientation(source) : UPRIGHT;
            BufferedImage decoded = decodeSubsampled(source, type);
            if (decoded == null) {
                return Optional.empty();
            }
            return Optional.of(jpeg(upright(shrink(onWhite(decoded)), orientation)));
        } catch (Exception damaged) {
            // ImageIO's codecs throw IIOException and, on hostile input, runtime exceptions of all kinds
            return Optional.empty();
        }
    }

    /**
     * The EXIF orientation (1 to 8) of a JPEG, read ahead of the image data and rewound, so that the file
     * is still read only once. Anything unexpected means upright: a photo shown turned is better than none.
     */
    static int peekOrientation(BufferedInputStream source) throws IOException {
        source.mark(ORIENTATION_LOOKAHEAD);
        try {
            byte[] tiff = Capture.ExifBlock.find(new Limited(source, ORIENTATION_LOOKAHEAD), FileType.JPEG);
            if (tiff == null) {
                return UPRIGHT;
            }
            ExifIFD0Directory ifd0 = Capture.exif(tiff).getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation != null && orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (IOException | RuntimeException unreadable) {
            return UPRIGHT;
        } finally {
            source.reset();
        }
    }

    /**
     * Decodes every n-th pixel of every n-th row, n chosen so that the result is still at least twice the
     * thumbnail (a smooth reduction needs that much to work from) but never the full photo.
     */
    private static BufferedImage decodeSubsampled(InputStream source, FileType type) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == FileType.JPEG ? "jpeg" : "png");
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        // in memory rather than ImageIO's default temporary file: nothing to clean up, and no disk needed
        try (ImageInputStream image = new MemoryCacheImageInputStream(source)) {
            reader.setInput(image, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                return null;
            }
            int step = (int) Math.max(1, Math.max(width, height) / (2L * MAX_SIDE));
            ImageReadParam subsampled = reader.getDefaultReadParam();
            subsampled.setSourceSubsampling(step, step, 0, 0);
            // libjpeg reports a truncated or corrupt file as a warning and fills the rest with grey; such a
            // preview would misrepresent the evidence, so a warning counts as damage
            AtomicBoolean damaged = new AtomicBoolean();
            reader.addIIOReadWarningListener((origin, warning) -> damaged.set(true));
            BufferedImage decoded = reader.read(0, subsampled);
            return damaged.get() ? null : decoded;
        } finally {
            reader.dispose();
        }
    }

    // JPEG has no transparency: what was see-through shows as the white of a page, not as black
    private static BufferedImage onWhite(BufferedImage decoded) {
        BufferedImage opaque = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = opaque.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, opaque.getWidth(), opaque.getHeight());
            graphics.drawImage(decoded, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return opaque;
    }

    /**
     * Halves while more than twice too big, then scales to size: bilinear reduction by more than two skips
     * source pixels and shimmers, halving steps let every pixel count.
     */
    static BufferedImage shrink(BufferedImage image) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= MAX_SIDE) {
            return image;
        }
        double scale = (double) MAX_SIDE / longer;
        int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = resized(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return resized(current, targetWidth, targetHeight);
    }

    private static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = resized.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return resized;
    }

    /**
     * Turns the stored pixels the way EXIF says the camera was held (TIFF 6.0 orientation): 2 mirrored,
     * 3 upside down, 4 mirrored upside down, 5 mirrored and turned, 6 needs a quarter turn clockwise,
     * 7 mirrored and turned, 8 a quarter turn counter-clockwise. Done on the thumbnail, so it costs nothing.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage result = new BufferedImage(turned ? height : width, turned ? width : height,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                switch (orientation) {
                    case 2 -> result.setRGB(width - 1 - x, y, rgb);
                    case 3 -> result.setRGB(width - 1 - x, height - 1 - y, rgb);
                    case 4 -> result.setRGB(x, height - 1 - y, rgb);
                    case 5 -> result.setRGB(y, x, rgb);
                    case 6 -> result.setRGB(height - 1 - y, x, rgb);
                    case 7 -> result.setRGB(height - 1 - y, width - 1 - x, rgb);
                    default -> result.setRGB(y, width - 1 - x, rgb); // 8
                }
            }
        }
        return result;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam quality = writer.getDefaultWriteParam();
            quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            quality.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), quality);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** At most {@code remaining} bytes of the stream, so the look-ahead cannot outrun its mark. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read();
            if (read >= 0) {
                remaining--;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(Math.min(count, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
