package org.tuanjie.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A part of an evidence bundle as a service answers it ({@code GET /audit/bundle.zip}, {@code GET /history/bundle.zip}),
 * for fakes of those services: the files given, a README, {@code public-keys.json}, and a {@code manifest.json}
 * listing each with its size and SHA-256 beside the fields of {@code about}, with a stand-in seal (a part's own seal
 * is replaced by the bundle's).
 */
public final class FakeParts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeParts() {
    }

    public static byte[] zip(Map<String, byte[]> files, Map<String, Object> about) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("README.txt", "a part of an evidence bundle".getBytes(StandardCharsets.UTF_8));
        all.putAll(files);
        all.put("public-keys.json", "[]".getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> listed = new ArrayList<>();
        all.forEach((name, bytes) -> listed.add(Map.of("path", name, "size", bytes.length, "sha256", sha256(bytes))));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "tuanjie-evidence-bundle/1");
        manifest.putAll(about);
        manifest.put("files", listed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.putNextEntry(new ZipEntry("manifest.seal.json"));
            zip.write("{\"keyId\":\"the part's own\"}".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
