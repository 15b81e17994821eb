package org.tuanjie.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** What the end-to-end run does to an evidence bundle to see the verifier catch it: one byte changed in one file. */
final class Bundles {

    private Bundles() {
    }

    static List<String> entryNames(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The same ZIP, but for one byte in the middle of the entry named (an empty entry gets one byte). */
    static byte[] withByteChanged(byte[] zip, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8);
                ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(name)) {
                    content = content.length == 0 ? new byte[] {1} : content.clone();
                    content[content.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
