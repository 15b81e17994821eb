package org.tuanjie.platform.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * An uploaded sheet, kept in a temporary file while it is read, with its SHA-256 taken on the way in. A request body
 * read into memory is held twice by the time it is parsed (the bytes and what is made of them); a workbook in a file
 * is read part by part ({@link SheetReader}). Closing deletes the file: a unit sheet may hold first passwords.
 */
public final class SheetUpload implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SheetUpload.class);

    private final Path file;
    private final String sha256;
    private final long size;

    private SheetUpload(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * The body, copied to a temporary file readable by this process's user alone; nothing is left behind when the
     * copy fails. The body's size is the platform's to limit (BodyLimit refuses a larger or unannounced one).
     */
    public static SheetUpload receive(InputStream body) throws IOException {
        Path file = Files.createTempFile("tuanjie-sheet-", ".upload");
        try {
            MessageDigest sha256 = digest();
            long size = Files.copy(new DigestInputStream(body, sha256), file, StandardCopyOption.REPLACE_EXISTING);
            return new SheetUpload(file, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Lower-case hex: the file's identity, for an Idempotency-Key's request and for "this file came in before". */
    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    /** Deletes the file; a failure is logged, not thrown: the import it served has already answered. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.errorf(e, "temporary sheet %s could not be deleted", file);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
