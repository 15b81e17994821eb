package org.tuanjie.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tuanjie.bundle.BundleVerifier;

/** The end-to-end run's checks of an evidence bundle: verified offline, then one byte changed in one file at a time. */
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

    /** How many kinds of file had a byte changed, and those the verifier did not name. */
    record Tampered(int kinds, List<String> unnamed) {
    }

    static BundleVerifier.Report verify(byte[] zip) throws IOException {
        Path file = Files.createTempFile("e2e-bundle-", ".zip");
        try {
            Files.write(file, zip);
            return BundleVerifier.verify(file, Optional.empty());
        } finally {
            Files.delete(file);
        }
    }

    /** One file of each kind (ids taken for a star, evidence files by their folder) with a byte changed, one at a time. */
    static Tampered changeEachKindOfFile(byte[] zip) throws IOException {
        Map<String, String> kinds = new TreeMap<>();
        for (String name : entryNames(zip)) {
            String kind = name.replaceAll("[0-9a-f-]{36}", "*");
            kinds.putIfAbsent(kind.contains("evidence/") ? kind.substring(0, kind.lastIndexOf('/')) : kind, name);
        }
        List<String> unnamed = new ArrayList<>();
        for (String name : kinds.values()) {
            BundleVerifier.Report changed = verify(withByteChanged(zip, name));
            if (changed.valid() || !changed.problems().toString().contains(name)) {
                unnamed.add(name);
            }
        }
        return new Tampered(kinds.size(), unnamed);
    }
}
