package org.tuanjie.platform.seal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.jcajce.provider.digest.SM3;

/**
 * A ZIP whose every file is listed, with its size and SHA-256 (SM3 where the key in force is an SM2 key), in a sealed
 * manifest: what a service hands out as proof
 * (an evidence bundle). Sizes and digests are taken from the bytes as they pass, so nothing is read twice or held in
 * memory. {@link #seal} ends it with {@code public-keys.json} (the key ring's public halves, listed like any file),
 * {@code manifest.json} and {@code manifest.seal.json}: the seal of the manifest's exact bytes by the key in force.
 * {@code bundle-verifier} checks such a ZIP offline.
 */
public final class SealedZip implements AutoCloseable {

    /** The format's name, in the manifest: a verifier refuses what it does not know. */
    public static final String FORMAT = "tuanjie-evidence-bundle/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What makes an entry's content: writes it to the stream given (and does not close it). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Listed(String path, long size, String digest) {
    }

    private final ZipOutputStream zip;
    private final SealKeys keys;
    private final List<Listed> listed = new ArrayList<>();

    /** SM3 digests in the manifest: the key in force is an SM2 key, so the whole bundle is 国密. */
    private final boolean sm3;

    public SealedZip(OutputStream out, SealKeys keys) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.keys = keys;
        this.sm3 = keys.current().algorithm() == SealAlgorithm.SM2;
    }

    /**
     * Kinds of file compressed already (photos, videos, PDF, Office files, archives): deflating them again takes most
     * of a bundle's build time and saves nothing, so they are written at level 0 (deflate's stored blocks).
     */
    private static final Set<String> COMPRESSED = Set.of("jpg", "jpeg", "png", "webp", "heic", "heif", "mp4", "mov", "m4v",
            "pdf", "docx", "xlsx", "pptx", "zip", "gz");

    /** Whether the file's name says it is compressed already. */
    static boolean compressedAlready(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && COMPRESSED.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Adds a file the manifest lists. */
    public void add(String path, Content content) throws IOException {
        // SHA-256, or SM3 (GB/T 32905) where the deployment seals with SM2: BouncyCastle's SM3 as a JDK MessageDigest
        MessageDigest digest = sm3 ? new SM3.Digest() : sha256();
        long[] size = {0};
        zip.setLevel(compressedAlready(path) ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(path));
        content.writeTo(new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                digest.update((byte) b);
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
                digest.update(b, off, len);
                size[0] += len;
            }

            @Override
            public void close() {
                // the entry ends below; the ZIP stays open
            }
        });
        zip.closeEntry();
        listed.add(new Listed(path, size[0], HexFormat.of().formatHex(digest.digest())));
    }

    public void add(String path, byte[] bytes) throws IOException {
        add(path, out -> out.write(bytes));
    }

    public void add(String path, InputStream in) throws IOException {
        add(path, in::transferTo);
    }

    /** Adds a file the manifest lists, as indented JSON. */
    public void addJson(String path, Object value) throws IOException {
        add(path, JSON.writeValueAsBytes(value));
    }

    /** How many files the manifest will list so far. */
    public int files() {
        return listed.size();
    }

    /**
     * Ends the ZIP: {@code public-keys.json}, then {@code manifest.json} (the format, the fields of {@code about} in
     * their order, {@code builtAt}, the digest's name and every file) and its seal made at {@code at}.
     */
    public void seal(Map<String, Object> about, Instant at) throws IOException {
        addJson("public-keys.json", keys.all().stream().map(SealedZip::publicKey).toList());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.putAll(about);
        manifest.put("builtAt", at.toString());
        manifest.put("digest", sm3 ? "SM3" : "SHA-256");
        manifest.put("files", listed.stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            file.put("size", f.size());
            file.put(sm3 ? "sm3" : "sha256", f.digest());
            return file;
        }).toList());
        String text = JSON.writeValueAsString(manifest);
        SealKeys.Seal seal = keys.seal(text, at);
        Map<String, Object> sealed = new LinkedHashMap<>();
        sealed.put("keyId", seal.keyId());
        sealed.put("algorithm", algorithmOf(seal.keyId()));
        sealed.put("sealedAt", at.toString());
        sealed.put("seal", seal.value());
        keys.coSeal(text, at).ifPresent(co -> {
            sealed.put("coKeyId", co.keyId());
            sealed.put("coAlgorithm", algorithmOf(co.keyId()));
            sealed.put("coSeal", co.value());
        });
        unlisted("manifest.json", text.getBytes(StandardCharsets.UTF_8));
        unlisted("manifest.seal.json", JSON.writeValueAsBytes(sealed));
        zip.close();
    }

    private String algorithmOf(String keyId) {
        return keys.all().stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElseThrow().algorithm().label();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void unlisted(String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static Map<String, Object> publicKey(SealKeys.SealKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("algorithm", key.algorithm().label());
        json.put("keyId", key.keyId());
        json.put("pem", key.publicKeyPem());
        json.put("validFrom", key.validFrom() == null ? null : key.validFrom().toString());
        json.put("validUntil", key.validUntil() == null ? null : key.validUntil().toString());
        return json;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
