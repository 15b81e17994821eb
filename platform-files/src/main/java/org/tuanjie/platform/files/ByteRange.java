package org.tuanjie.platform.files;

import java.util.Map;
import java.util.Optional;
import org.tuanjie.platform.problem.ProblemException;

/**
 * One byte range of a {@code Range} header (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-} or
 * {@code bytes=-n}. Several ranges, other units and malformed headers are ignored (the whole file is
 * sent, as the RFC allows); a range that starts past the end is refused with 416.
 *
 * @param from first byte
 * @param to   one past the last byte
 */
public record ByteRange(long from, long to) {

    public long length() {
        return to - from;
    }

    public String contentRange(long size) {
        return "bytes " + from + "-" + (to - 1) + "/" + size;
    }

    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0) {
                    throw new NotSatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size));
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? size : Math.min(size, Long.parseLong(last) + 1);
            if (from < 0 || to <= from && !last.isEmpty() && Long.parseLong(last) < from) {
                return Optional.empty(); // invalid (last before first): ignored
            }
            if (from >= size) {
                throw new NotSatisfiable(size);
            }
            return Optional.of(new ByteRange(from, to));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** 416, with the size the client should have asked within. */
    public static final class NotSatisfiable extends ProblemException {
        private final long size;

        public NotSatisfiable(long size) {
            super(416, "range-not-satisfiable", "problem.range-not-satisfiable.detail", size);
            this.size = size;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Content-Range", "bytes */" + size);
        }
    }
}
