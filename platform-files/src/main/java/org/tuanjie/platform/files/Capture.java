package org.tuanjie.platform.files;

import com.drew.lang.ByteArrayReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When and where a photo was taken, as its camera recorded it in EXIF. This is what the photo says about
 * itself, not proof: a clock can be wrong and EXIF can be edited. Either part may be missing, not both.
 *
 * @param takenAt the moment of capture (EXIF {@code DateTimeOriginal})
 * @param latitude signed decimal degrees, north positive; present exactly when {@code longitude} is
 * @param longitude signed decimal degrees, east positive
 */
public record Capture(Instant takenAt, Double latitude, Double longitude) {

    // EXIF writes "2024:05:17 14:03:09"; some tools write dashes in the date or a T between the halves
    private static final Pattern EXIF_DATE_TIME =
            Pattern.compile("(\\d{4})[:-](\\d{2})[:-](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})");
    private static final Pattern EXIF_OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");

    public Capture {
        if (takenAt == null && latitude == null && longitude == null) {
            throw new IllegalArgumentException("a capture says at least when or where");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("a place needs both latitude and longitude");
        }
        if (latitude != null && !isPlace(latitude, longitude)) {
            throw new IllegalArgumentException("no place on Earth: " + latitude + ", " + longitude);
        }
    }

    /**
     * Reads the capture time and place from a photo's EXIF, streaming: the file is read up to its EXIF
     * block (a JPEG at most up to its image data, a PNG up to its pixel data), skipping what lies before,
     * and never more than {@link ExifBlock#MAX_BYTES} of it is held. The stream is left where the reading
     * stopped and not closed.
     *
     * @param in the file's bytes from its start
     * @param type the file's type as decided from its bytes; for a type that is not an image nothing is read
     * @param assumedZone the zone of a capture time that does not carry its offset (EXIF 2.31
     *     {@code OffsetTimeOriginal} is recent and optional; cameras otherwise write local wall-clock time)
     * @return the capture, or empty when the file has neither a usable time nor a usable place, is not an
     *     image, or cannot be parsed; never throws
     */
    public static Optional<Capture> read(InputStream in, FileType type, ZoneId assumedZone) {
        if (in == null || type == null || !type.image() || assumedZone == null) {
            return Optional.empty();
        }
        try {
            byte[] tiff = ExifBlock.find(in, type);
            return tiff == null ? Optional.empty() : fromExif(exif(tiff), assumedZone);
        } catch (Exception unreadable) {
            // a damaged or hostile file: the upload is still kept, it just says nothing about its capture
            return Optional.empty();
        }
    }

    /** The EXIF directories of a TIFF-structured EXIF block, parsed by metadata-extractor. */
    static Metadata exif(byte[] tiff) {
        Metadata metadata = new Metadata();
        new ExifReader().extract(new ByteArrayReader(tiff), metadata);
        return metadata;
    }

    private static Optional<Capture> fromExif(Metadata metadata, ZoneId assumedZone) {
        Instant takenAt = null;
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            takenAt = instant(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL),
                    exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL), assumedZone);
            if (takenAt != null) {
                break;
            }
        }
        GeoLocation place = null;
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation candidate = gps.getGeoLocation();
            // a receiver without a fix writes zeros; nobody files evidence from the Gulf of Guinea
            if (candidate != null && !candidate.isZero()
                    && isPlace(candidate.getLatitude(), candidate.getLongitude())) {
                place = candidate;
                break;
            }
        }
        if (takenAt == null && place == null) {
            return Optional.empty();
        }
        return Optional.of(place == null
                ? new Capture(takenAt, null, null)
                : new Capture(takenAt, place.getLatitude(), place.getLongitude()));
    }

    /** The capture moment, or null for a missing, blank ("    :  :  "), or impossible ("0000:00:00") value. */
    static Instant instant(String dateTime, String offset, ZoneId assumedZone) {
        if (dateTime == null) {
            return null;
        }
        Matcher parts = EXIF_DATE_TIME.matcher(dateTime.trim());
        if (!parts.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(parts, 1), number(parts, 2), number(parts, 3),
                    number(parts, 4), number(parts, 5), number(parts, 6));
            return local.atZone(zone(offset, assumedZone)).toInstant();
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    // a damaged offset ("+8", "+25:00") costs only the offset: the wall-clock time is still worth keeping
    private static ZoneId zone(String offset, ZoneId assumedZone) {
        if (offset == null || !EXIF_OFFSET.matcher(offset.trim()).matches()) {
            return assumedZone;
        }
        try {
            return ZoneOffset.of(offset.trim());
        } catch (DateTimeException outOfRange) {
            return assumedZone;
        }
    }

    private static int number(Matcher parts, int group) {
        return Integer.parseInt(parts.group(group));
    }

    private static boolean isPlace(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude)
                && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    }

    /**
     * Finds the EXIF block (a TIFF structure) in each image container. metadata-extractor's own container
     * readers allocate whatever length a chunk or box declares before reading it: one flipped byte in a
     * 2 KB PNG, WebP or HEIC made them allocate up to 2 GB in our fuzz test. Here every length is checked
     * against {@link #MAX_BYTES} first, and the library only parses the TIFF block it is handed.
     */
    static final class ExifBlock {

        /** Far more than any camera writes (a JPEG segment holds at most 64 KiB), small enough to hold. */
        static final int MAX_BYTES = 1024 * 1024;

        private static final byte[] JPEG_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        private static final int NOT_FOUND = -1;

        private ExifBlock() {
        }

        /** The TIFF-structured EXIF of an image, or null when it has none (or none that can be reached). */
        static byte[] find(InputStream in, FileType type) throws IOException {
            DataInputStream data = new DataInputStream(in);
            return switch (type) {
                case JPEG -> jpeg(data);
                case PNG -> withoutPreamble(png(data));
                case WEBP -> withoutPreamble(webp(data));
                case HEIC -> heic(data);
                default -> null;
            };
        }

        // segments: 0xFF, a marker, a two-byte length that counts itself, the payload; up to the scan data
        private static byte[] jpeg(DataInputStream in) throws IOException {
            if (in.readUnsignedShort() != 0xFFD8) {
                return null;
            }
            while (true) {
                if (in.readUnsignedByte() != 0xFF) {
                    return null;
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) { // fill bytes may pad a marker
                    marker = in.readUnsignedByte();
                }
                if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image: no EXIF before the pixels
                    return null;
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                    continue;
                }
                int payloadLength = in.readUnsignedShort() - 2;
                if (payloadLength < 0) {
                    return null;
                }
                if (marker != 0xE1) {
                    in.skipNBytes(payloadLength);
                    continue;
                }
                byte[] payload = readExactly(in, payloadLength);
                // APP1 also carries XMP; only the EXIF one starts with the preamble
                if (startsWith(payload, JPEG_PREAMBLE)) {
                    return Arrays.copyOfRange(payload, JPEG_PREAMBLE.length, payload.length);
                }
            }
        }

        // chunks: length, type, data, CRC; EXIF (eXIf) comes before the image data (PNG 3rd edition)
        private static byte[] png(DataInputStream in) throws IOException {
            in.skipNBytes(8); // the signature, checked when the type was decided
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                String chunk = fourCharacters(in);
                if (chunk.equals("eXIf")) {
                    return readBounded(in, length);
                }
                if (chunk.equals("IDAT") || chunk.equals("IEND")) {
                    return null;
                }
                in.skipNBytes(length + 4);
            }
        }

        // RIFF chunks: name, little-endian length, data padded to even; EXIF comes after the image data
        private static byte[] webp(DataInputStream in) throws IOException {
            in.skipNBytes(12); // RIFF, length, WEBP
            while (true) {
                String chunk = fourCharacters(in);
                long length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                if (chunk.equals("EXIF")) {
                    return readBounded(in, length);
                }
                in.skipNBytes(length + (length & 1));
            }
        }

        /**
         * ISO-BMFF boxes: the metadata box ({@code meta}) lists the items ({@code iinf}) and where their bytes
         * are ({@code iloc}); the EXIF item's bytes are then skipped to, further on in the file. Phones put the
         * metadata box right after the file type box; a file whose media data comes first cannot be read in
         * one pass and is given up.
         */
        private static byte[] heic(DataInputStream in) throws IOException {
            long position = 0;
            while (true) {
                long size = Integer.toUnsignedLong(in.readInt());
                String box = fourCharacters(in);
                int header = 8;
                if (size == 1) {
                    size = in.readLong();
                    header = 16;
                }
                if (size < header) { // 0 means "to the end of the file": media data, not metadata
                    return null;
                }
                if (box.equals("meta")) {
                    byte[] meta = readBounded(in, size - header);
                    return meta == null ? null : heicExifItem(in, ByteBuffer.wrap(meta), position + size);
                }
                if (box.equals("mdat")) {
                    return null;
                }
                in.skipNBytes(size - header);
                position += size;
            }
        }

        private static byte[] heicExifItem(DataInputStream in, ByteBuffer meta, long position) throws IOException {
            meta.position(4); // version and flags of the full box
            ByteBuffer itemInfo = child(meta, "iinf");
            ByteBuffer locations = child(meta, "iloc");
            if (itemInfo == null || locations == null) {
                return null;
            }
            long exifItem = exifItemId(itemInfo);
            if (exifItem == NOT_FOUND) {
                return null;
            }
            long[] extent = extent(locations, exifItem);
            if (extent == null || extent[0] < position) {
                return null;
            }
            in.skipNBytes(extent[0] - position);
            byte[] item = readBounded(in, extent[1]);
            // the item starts with where its TIFF header begins, after that many bytes (phones: "Exif\0\0")
            if (item == null || item.length < 4) {
                return null;
            }
            long tiffStart = 4 + Integer.toUnsignedLong(ByteBuffer.wrap(item).getInt());
            return tiffStart < item.length ? Arrays.copyOfRange(item, (int) tiffStart, item.length) : null;
        }

        /** The first child box of that type, as a buffer over its payload, or null. */
        private static ByteBuffer child(ByteBuffer parent, String type) {
            ByteBuffer boxes = parent.slice();
            while (boxes.remaining() >= 8) {
                long size = Integer.toUnsignedLong(boxes.getInt());
                String name = fourCharacters(boxes);
                if (size < 8 || size - 8 > boxes.remaining()) {
                    return null;
                }
                if (name.equals(type)) {
                    return boxes.slice().limit((int) size - 8);
                }
                boxes.position(boxes.position() + (int) size - 8);
            }
            return null;
        }

        // iinf: version, count, then one infe box per item; only infe version 2 and 3 name their type
        private static long exifItemId(ByteBuffer itemInfo) {
            int version = itemInfo.get() & 0xFF;
            itemInfo.position(4);
            long count = version == 0 ? itemInfo.getShort() & 0xFFFF : Integer.toUnsignedLong(itemInfo.getInt());
            for (long i = 0; i < count && itemInfo.remaining() >= 8; i++) {
                long size = Integer.toUnsignedLong(itemInfo.getInt());
                String name = fourCharacters(itemInfo);
                if (size < 8 || size - 8 > itemInfo.remaining()) {
                    return NOT_FOUND;
                }
                ByteBuffer entry = itemInfo.slice().limit((int) size - 8);
                itemInfo.position(itemInfo.position() + (int) size - 8);
                int entryVersion = entry.get() & 0xFF;
                entry.position(4);
                if (!name.equals("infe") || entryVersion < 2) {
                    continue;
                }
                long id = entryVersion == 2 ? entry.getShort() & 0xFFFF : Integer.toUnsignedLong(entry.getInt());
                entry.getShort(); // protection index
                if (fourCharacters(entry).equals("Exif")) {
                    return id;
                }
            }
            return NOT_FOUND;
        }

        /**
         * iloc: the field sizes, then per item its id, construction method (versions 1 and 2), data reference,
         * base offset and extents. Returns {file offset, length} of the item's single extent. Items in several
         * pieces or stored other than at a file offset (construction method 0) are not written by phones for
         * EXIF, and are not read.
         */
        private static long[] extent(ByteBuffer locations, long wantedItem) {
            int version = locations.get() & 0xFF;
            locations.position(4);
            int sizes = locations.getShort() & 0xFFFF;
            int offsetSize = sizes >>> 12;
            int lengthSize = (sizes >>> 8) & 0xF;
            int baseOffsetSize = (sizes >>> 4) & 0xF;
            int indexSize = version == 0 ? 0 : sizes & 0xF;
            long count = version < 2 ? locations.getShort() & 0xFFFF : Integer.toUnsignedLong(locations.getInt());
            for (long i = 0; i < count; i++) {
                long id = version < 2 ? locations.getShort() & 0xFFFF : Integer.toUnsignedLong(locations.getInt());
                int constructionMethod = version == 0 ? 0 : locations.getShort() & 0xF;
                locations.getShort(); // data reference index: 0, this file
                long baseOffset = sized(locations, baseOffsetSize);
                int extents = locations.getShort() & 0xFFFF;
                long offset = 0;
                long length = 0;
                for (int e = 0; e < extents; e++) {
                    sized(locations, indexSize);
                    offset = sized(locations, offsetSize);
                    length = sized(locations, lengthSize);
                }
                if (id == wantedItem) {
                    return extents == 1 && constructionMethod == 0 ? new long[] {baseOffset + offset, length} : null;
                }
            }
            return null;
        }

        // iloc's field sizes are 0, 4 or 8 bytes
        private static long sized(ByteBuffer buffer, int size) {
            return switch (size) {
                case 0 -> 0;
                case 4 -> Integer.toUnsignedLong(buffer.getInt());
                case 8 -> buffer.getLong();
                default -> throw new IllegalArgumentException("field size " + size);
            };
        }

        private static byte[] readBounded(DataInputStream in, long length) throws IOException {
            return length >= 0 && length <= MAX_BYTES ? readExactly(in, (int) length) : null;
        }

        private static byte[] readExactly(DataInputStream in, int length) throws IOException {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }

        // some PNG and WebP writers copy the JPEG preamble in front of the TIFF structure
        private static byte[] withoutPreamble(byte[] block) {
            return block != null && startsWith(block, JPEG_PREAMBLE)
                    ? Arrays.copyOfRange(block, JPEG_PREAMBLE.length, block.length)
                    : block;
        }

        private static boolean startsWith(byte[] bytes, byte[] prefix) {
            return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
        }

        private static String fourCharacters(DataInputStream in) throws IOException {
            return new String(readExactly(in, 4), StandardCharsets.ISO_8859_1);
        }

        private static String fourCharacters(ByteBuffer buffer) {
            byte[] name = new byte[4];
            buffer.get(name);
            return new String(name, StandardCharsets.ISO_8859_1);
        }
    }
}
