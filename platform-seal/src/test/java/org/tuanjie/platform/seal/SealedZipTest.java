package org.tuanjie.platform.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealed ZIP lists every file it holds with the digest of its bytes, and its manifest's seal is the key ring's. */
class SealedZipTest {

    @TempDir
    Path dir;

    @Test
    void everyFileIsListedWithItsSizeAndDigestAndTheManifestIsSealedByTheKeyInForce() throws Exception {
        SealKeys keys = new SealKeys(dir.resolve("seal.pem").toString(), Optional.empty(), true);
        byte[] photo = new byte[300_000];
        new java.util.Random(7).nextBytes(photo);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Instant at = Instant.parse("2026-12-05T02:00:00Z");
        try (SealedZip zip = new SealedZip(bytes, keys)) {
            zip.add("README.txt", "说明".getBytes(StandardCharsets.UTF_8));
            zip.add("tasks/1/evidence/photo.jpg", new ByteArrayInputStream(photo));
            zip.addJson("tasks/1/task.json", Map.of("state", "VERIFIED"));
            assertEquals(3, zip.files());
            zip.seal(new LinkedHashMap<>(Map.of("bundleId", "b-1")), at);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(List.of("README.txt", "tasks/1/evidence/photo.jpg", "tasks/1/task.json", "public-keys.json",
                "manifest.json", "manifest.seal.json"), List.copyOf(entries.keySet()));
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertEquals(SealedZip.FORMAT, manifest.path("format").asText());
        assertEquals("b-1", manifest.path("bundleId").asText());
        assertEquals(at.toString(), manifest.path("builtAt").asText());
        assertEquals(4, manifest.path("files").size(), "the key ring is listed too; the manifest and its seal are not");
        for (JsonNode file : manifest.path("files")) {
            byte[] content = entries.get(file.path("path").asText());
            assertEquals(content.length, file.path("size").asLong(), file.path("path").asText());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                    file.path("sha256").asText(), file.path("path").asText());
        }
        JsonNode seal = json.readTree(entries.get("manifest.seal.json"));
        assertEquals(keys.current().keyId(), seal.path("keyId").asText());
        assertEquals("Ed25519", seal.path("algorithm").asText());
        String text = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertEquals(SealKeys.Check.VALID, keys.check(text, seal.path("seal").asText(), seal.path("keyId").asText(), at));
        assertEquals(SealKeys.Check.SIGNATURE_INVALID, keys.check(text.replace("b-1", "b-2"), seal.path("seal").asText(),
                seal.path("keyId").asText(), at));
        assertEquals(keys.current().keyId(), json.readTree(entries.get("public-keys.json")).get(0).path("keyId").asText());
    }

    @Test
    void aDeploymentSealingWithSm2ListsSm3Digests() throws Exception {
        Path ring = dir.resolve("keys");
        java.nio.file.Files.createDirectories(ring);
        java.nio.file.Files.writeString(ring.resolve("sm2.pem"), "Valid-From: 2026-01-01T00:00:00Z\n"
                + SealKeys.newKeyPem(SealAlgorithm.SM2), StandardCharsets.US_ASCII);
        SealKeys keys = new SealKeys(dir.resolve("seal.pem").toString(), Optional.of(ring.toString()), true);
        byte[] text = "abc".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SealedZip zip = new SealedZip(bytes, keys)) {
            zip.add("abc.txt", text);
            zip.seal(new LinkedHashMap<>(), Instant.parse("2026-12-05T02:00:00Z"));
        }
        JsonNode manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("manifest.json")) {
                    manifest = new ObjectMapper().readTree(in.readAllBytes());
                }
            }
        }
        assertEquals("SM3", manifest.path("digest").asText());
        // GB/T 32905 appendix A.1: SM3("abc")
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                manifest.path("files").get(0).path("sm3").asText());
        assertTrue(manifest.path("files").get(0).path("sha256").isMissingNode());
    }

    @Test
    void photosVideosAndOfficeFilesAreNotDeflatedAgainTheRestIs() throws Exception {
        SealKeys keys = new SealKeys(dir.resolve("seal.pem").toString(), Optional.empty(), true);
        byte[] zeros = new byte[100_000];
        Path file = dir.resolve("bundle.zip");
        try (SealedZip zip = new SealedZip(java.nio.file.Files.newOutputStream(file), keys)) {
            // the same compressible bytes under two names: only the name decides
            zip.add("tasks/1/evidence/f/宣传栏.JPG", zeros);
            zip.add("tasks/1/evidence/f/会议记录.mp4", zeros);
            zip.add("tasks/1/timeline.json", zeros);
            zip.add("tasks/1/evidence/f/jpg", zeros);
            zip.seal(new LinkedHashMap<>(), Instant.parse("2026-12-05T02:00:00Z"));
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (String stored : List.of("tasks/1/evidence/f/宣传栏.JPG", "tasks/1/evidence/f/会议记录.mp4")) {
                assertTrue(zip.getEntry(stored).getCompressedSize() >= zeros.length, stored + " is written as it is");
            }
            for (String deflated : List.of("tasks/1/timeline.json", "tasks/1/evidence/f/jpg")) {
                assertTrue(zip.getEntry(deflated).getCompressedSize() < zeros.length / 50, deflated + " is deflated");
            }
        }
    }

    @Test
    void aServiceThatMayNotCreateTheKeyRefusesToStartWithout() {
        Path missing = dir.resolve("none.pem");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SealKeys(missing.toString(), Optional.of(dir.resolve("keys").toString()), false));
        assertTrue(refused.getMessage().contains("none.pem"), refused.getMessage());
        assertFalse(missing.toFile().exists());
    }
}
