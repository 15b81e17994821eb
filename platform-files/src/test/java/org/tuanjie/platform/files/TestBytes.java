package org.tuanjie.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Bodies for the blob tests: reproducible, incompressible (like photos), of any size without an array. */
final class TestBytes {

    private TestBytes() {
    }

    /** {@code length} pseudo-random bytes, the same for the same seed whatever the reads' sizes. */
    static InputStream stream(long length, long seed) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position >= length ? -1 : byteAt(seed, position++) & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int size) {
                if (size == 0) {
                    return 0;
                }
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(size, length - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = byteAt(seed, position + i);
                }
                position += n;
                return n;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, length - position);
            }
        };
    }

    static byte[] bytes(int length, long seed) {
        try {
            return stream(length, seed).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream's bytes, then the failure a dropped client connection gives. */
    static InputStream failingAfter(InputStream in, long count) {
        return new InputStream() {
            private long delivered;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int size) throws IOException {
                if (delivered >= count) {
                    throw new IOException("connection reset after " + count + " bytes");
                }
                int n = in.read(buffer, offset, (int) Math.min(size, count - delivered));
                if (n > 0) {
                    delivered += n;
                }
                return n;
            }
        };
    }

    /** SHA-256 and length of what {@code in} yields, read in 64 KiB pieces. */
    static Digest digest(InputStream in) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha256.update(buffer, 0, n);
            length += n;
        }
        return new Digest(java.util.HexFormat.of().formatHex(sha256.digest()), length);
    }

    record Digest(String sha256, long length) {
    }

    private static byte byteAt(long seed, long position) {
        // SplitMix64 of the position's 8-byte word: random-looking, yet computed from the position alone
        long z = seed * 0x9E3779B97F4A7C15L + (position >>> 3);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (byte) (z >>> ((position & 7) << 3));
    }
}
