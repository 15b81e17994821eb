package org.tuanjie.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealAlgorithm;

/**
 * Bundles written here by the format's rules (not by the suite's own writer), then checked: what holds verifies, and
 * every way of changing one is reported with the file it concerns.
 */
class BundleVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant SEALED = Instant.parse("2026-12-05T02:00:00Z");

    @TempDir
    Path dir;

    /** A key pair of the ring, with its period. */
    private record Key(SealAlgorithm algorithm, byte[] privateKey, byte[] publicKey, Instant from, Instant until) {

        static Key of(SealAlgorithm algorithm) throws GeneralSecurityException {
            byte[][] pair = algorithm.newKeyPair();
            return new Key(algorithm, pair[0], pair[1], null, null);
        }

        Key during(Instant from, Instant until) {
            return new Key(algorithm, privateKey, publicKey, from, until);
        }

        String id() {
            return BundleVerifier.keyId(publicKey);
        }

        Map<String, Object> published() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("algorithm", algorithm.label());
            json.put("keyId", id());
            json.put("pem", "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey)
                    + "\n-----END PUBLIC KEY-----\n");
            json.put("validFrom", from == null ? null : from.toString());
            json.put("validUntil", until == null ? null : until.toString());
            return json;
        }
    }

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.txt", "证据包".getBytes(StandardCharsets.UTF_8));
        files.put("ledger.xlsx", new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9});
        byte[] photo = new byte[200_000];
        new java.util.Random(3).nextBytes(photo);
        files.put("tasks/7d1c/evidence/f1/宣传栏.jpg", photo);
        files.put("tasks/7d1c/timeline.json", "[{\"type\":\"VERIFIED\"}]".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Writes a bundle: the files, the ring's public keys, the manifest and its seal by {@code signer} at {@code at}. */
    private Path bundle(Map<String, byte[]> given, Key signer, List<Key> ring, Instant at, String digest) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(given);
        files.put("public-keys.json", JSON.writeValueAsBytes(ring.stream().map(Key::published).toList()));
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", f.getKey());
            entry.put("size", f.getValue().length);
            entry.put(digest.equals("SM3") ? "sm3" : "sha256", digest.equals("SM3")
                    ? HexFormat.of().formatHex(SealAlgorithm.sm3(f.getValue()))
                    : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.getValue())));
            listed.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "tuanjie-evidence-bundle/1");
        manifest.put("bundleId", "b-1");
        manifest.put("builtAt", at.toString());
        manifest.put("digest", digest);
        manifest.put("files", listed);
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("keyId", signer.id());
        seal.put("algorithm", signer.algorithm().label());
        seal.put("sealedAt", at.toString());
        seal.put("seal", Base64.getEncoder().encodeToString(signer.algorithm().sign(signer.privateKey(), manifestBytes)));
        files.put("manifest.json", manifestBytes);
        files.put("manifest.seal.json", JSON.writeValueAsBytes(seal));
        return zip(files);
    }

    private Path zip(Map<String, byte[]> files) throws IOException {
        Path path = Files.createTempFile(dir, "bundle-", ".zip");
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return path;
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void aBundleSealedWithEd25519OrSm2OverSha256OrSm3Verifies() throws Exception {
        for (SealAlgorithm algorithm : SealAlgorithm.values()) {
            for (String digest : List.of("SHA-256", "SM3")) {
                Key key = Key.of(algorithm);
                BundleVerifier.Report report = BundleVerifier.verify(bundle(files(), key, List.of(key), SEALED, digest),
                        Optional.empty());
                assertTrue(report.valid(), algorithm + " " + digest + ": " + report.problems());
                assertEquals(5, report.filesChecked());
                assertEquals(key.id(), report.keyId());
                assertEquals(algorithm.label(), report.algorithm());
                assertTrue(report.keysFromBundle());
            }
        }
    }

    @Test
    void oneChangedByteInAnyFileIsReportedWithItsName() throws Exception {
        Key key = Key.of(SealAlgorithm.ED25519);
        Map<String, byte[]> good = entries(bundle(files(), key, List.of(key), SEALED, "SHA-256"));
        for (String name : good.keySet()) {
            BundleVerifier.Report report = BundleVerifier.verify(zip(withByteChanged(good, name)), Optional.empty());
            assertFalse(report.valid(), name);
            assertTrue(report.problems().toString().contains(name), () -> name + " changed: " + report.problems());
        }
    }

    @Test
    void aMissingOrAddedFileIsReported() throws Exception {
        Key key = Key.of(SealAlgorithm.ED25519);
        Map<String, byte[]> good = entries(bundle(files(), key, List.of(key), SEALED, "SHA-256"));
        Map<String, byte[]> fewer = new LinkedHashMap<>(good);
        fewer.remove("ledger.xlsx");
        assertEquals(List.of(new BundleVerifier.Problem("ledger.xlsx", "missing")),
                BundleVerifier.verify(zip(fewer), Optional.empty()).problems());
        Map<String, byte[]> more = new LinkedHashMap<>(good);
        more.put("tasks/7d1c/evidence/f2/extra.jpg", new byte[] {1, 2, 3});
        assertEquals(List.of(new BundleVerifier.Problem("tasks/7d1c/evidence/f2/extra.jpg", "not in the manifest")),
                BundleVerifier.verify(zip(more), Optional.empty()).problems());
    }

    @Test
    void aSealByAnotherKeyOrOutsideTheKeysPeriodOrByAnUnpublishedKeyFails() throws Exception {
        Key key = Key.of(SealAlgorithm.SM2);
        Key forger = Key.of(SealAlgorithm.SM2);
        // the forger's signature under the real key's id
        Map<String, byte[]> forged = entries(bundle(files(), forger, List.of(key), SEALED, "SHA-256"));
        Map<String, Object> seal = JSON.readValue(forged.get("manifest.seal.json"), Map.class);
        seal.put("keyId", key.id());
        forged.put("manifest.seal.json", JSON.writeValueAsBytes(seal));
        assertTrue(BundleVerifier.verify(zip(forged), Optional.empty()).problems().toString().contains("does not verify"));

        // a retired key sealing after its period ended
        Key retired = key.during(null, SEALED.minusSeconds(60));
        assertTrue(BundleVerifier.verify(bundle(files(), retired, List.of(retired), SEALED, "SHA-256"), Optional.empty())
                .problems().toString().contains("outside key"));

        // checked against the keys the suite publishes, which do not hold the bundle's
        Path published = dir.resolve("published.json");
        Files.write(published, JSON.writeValueAsBytes(List.of(forger.published())));
        BundleVerifier.Report report = BundleVerifier.verify(bundle(files(), key, List.of(key), SEALED, "SHA-256"),
                Optional.of(published));
        assertFalse(report.keysFromBundle());
        assertTrue(report.problems().toString().contains("not among the public keys"), report.problems().toString());
    }

    @Test
    void theCommandLineSaysValidOrNotAndExitsAccordingly() throws Exception {
        Key key = Key.of(SealAlgorithm.ED25519);
        Path good = bundle(files(), key, List.of(key), SEALED, "SHA-256");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, BundleVerifier.run(new String[] {good.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("valid"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(key.id()));

        Map<String, byte[]> changed = entries(good);
        changed.put("README.txt", "改过".getBytes(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(1, BundleVerifier.run(new String[] {zip(changed).toString()}, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("README.txt: content changed"));
        assertEquals(2, BundleVerifier.run(new String[] {}, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertEquals(2, BundleVerifier.run(new String[] {dir.resolve("none.zip").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "hello");
        assertEquals(1, BundleVerifier.run(new String[] {notZip.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8)),
                "a file that holds no bundle is not valid");
    }

    @Test
    void theSealsInsideAreCheckedAndAContentEditedBeforeTheBundleWasBuiltIsCaught() throws Exception {
        Key key = Key.of(SealAlgorithm.ED25519);
        byte[] content = "{\"clauses\":[\"一\"],\"year\":2026}".getBytes(StandardCharsets.UTF_8);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String payload = "{\"agreementId\":\"a\",\"contentHash\":\"" + hash + "\",\"kind\":\"SIGN\"}";
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("kind", "SIGN");
        signature.put("signedAt", "2026-12-05T10:00:00+08:00");
        signature.put("contentHash", hash);
        signature.put("keyId", key.id());
        signature.put("seal", Base64.getEncoder().encodeToString(
                key.algorithm().sign(key.privateKey(), payload.getBytes(StandardCharsets.UTF_8))));
        signature.put("sealedPayload", payload);
        Map<String, byte[]> files = files();
        files.put("agreements/a/canonical-content.json", content);
        files.put("agreements/a/signatures.json", JSON.writeValueAsBytes(List.of(signature)));
        BundleVerifier.Report good = BundleVerifier.verify(bundle(files, key, List.of(key), SEALED, "SHA-256"), Optional.empty());
        assertTrue(good.valid(), good.problems().toString());
        assertEquals(1, good.sealsChecked());

        // the content edited in the database before the bundle was built: the bundle's own seal holds, the signature's not
        Map<String, byte[]> edited = new LinkedHashMap<>(files);
        edited.put("agreements/a/canonical-content.json", "{\"clauses\":[\"二\"],\"year\":2026}".getBytes(StandardCharsets.UTF_8));
        BundleVerifier.Report report = BundleVerifier.verify(bundle(edited, key, List.of(key), SEALED, "SHA-256"), Optional.empty());
        assertEquals(List.of("agreements/a/canonical-content.json"), report.problems().stream().map(BundleVerifier.Problem::file).toList());

        // a signature whose sealed text was changed
        signature.put("sealedPayload", payload.replace("SIGN", "COUNTERSIGN"));
        Map<String, byte[]> forged = new LinkedHashMap<>(files);
        forged.put("agreements/a/signatures.json", JSON.writeValueAsBytes(List.of(signature)));
        report = BundleVerifier.verify(bundle(forged, key, List.of(key), SEALED, "SHA-256"), Optional.empty());
        assertEquals(List.of("agreements/a/signatures.json"), report.problems().stream().map(BundleVerifier.Problem::file).toList());
    }

    /**
     * A chain of {@code n} entries as the agreements service hashes them, the second by {@code secondActor}: SHA-256
     * up to the third, SM3 from the fourth on.
     */
    private static List<ObjectNode> chain(int n, String secondActor) {
        List<ObjectNode> entries = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            ObjectNode e = JSON.createObjectNode();
            e.put("seq", seq);
            e.put("at", "2026-03-0" + seq + "T02:00:00Z");
            e.put("actor", seq == 2 ? secondActor : "leader-" + seq);
            e.put("action", "SIGNED");
            e.put("agreementId", "a");
            e.put("unitCode", "513221101001");
            e.putObject("detail").put("kind", "SIGN");
            e.put("prevHash", prev);
            if (seq >= 4) {
                // the deployment switched to SM3 from the fourth entry on
                e.put("digest", "SM3");
                prev = HexFormat.of().formatHex(SealAlgorithm.sm3(CanonicalJson.of(e).getBytes(StandardCharsets.UTF_8)));
            } else {
                prev = CanonicalJson.sha256(CanonicalJson.of(e));
            }
            e.put("hash", prev);
            entries.add(e);
        }
        return entries;
    }

    /** The chain's lines as a bundle writes them: the third entry is someone else's, withheld. */
    private static byte[] lines(List<ObjectNode> entries) {
        StringBuilder text = new StringBuilder();
        for (ObjectNode e : entries) {
            ObjectNode line = e;
            if (e.path("seq").asInt() == 3) {
                line = JSON.createObjectNode().put("seq", 3).put("prevHash", e.path("prevHash").asText())
                        .put("withheld", true).put("hash", e.path("hash").asText());
            }
            text.append(CanonicalJson.of(line)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, byte[]> chained(Key key, List<ObjectNode> held, List<ObjectNode> entries) throws Exception {
        ObjectNode payload = JSON.createObjectNode().put("chain", "agreements-audit")
                .put("headHash", held.get(3).path("hash").asText()).put("madeAt", "2026-03-05T00:00:00Z").put("seq", 4);
        String sealed = CanonicalJson.of(payload);
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("seq", 4);
        checkpoint.put("headHash", held.get(3).path("hash").asText());
        checkpoint.put("madeAt", "2026-03-05T00:00:00Z");
        checkpoint.put("keyId", key.id());
        checkpoint.put("seal", Base64.getEncoder().encodeToString(
                key.algorithm().sign(key.privateKey(), sealed.getBytes(StandardCharsets.UTF_8))));
        checkpoint.put("sealedPayload", sealed);
        Map<String, byte[]> files = files();
        files.put("agreements/a/audit.json", JSON.writeValueAsBytes(List.of(entries.get(0), entries.get(1))));
        files.put("audit/checkpoints.json", JSON.writeValueAsBytes(List.of(checkpoint)));
        files.put("audit/chain.jsonl", lines(entries));
        return files;
    }

    @Test
    void theChainsSegmentIsHeldAgainstTheCheckpointMadeBeforeAndTheEntriesListed() throws Exception {
        Key key = Key.of(SealAlgorithm.SM2);
        List<ObjectNode> original = chain(5, "leader-2");
        BundleVerifier.Report good = BundleVerifier.verify(
                bundle(chained(key, original, original), key, List.of(key), SEALED, "SM3"), Optional.empty());
        assertTrue(good.valid(), good.problems().toString());
        assertEquals(5, good.chainEntriesChecked());

        // one entry's actor changed in place: its own hash gives it away, SHA-256 or SM3; so does an SM3 entry
        // passed off as SHA-256 (its digest's name is hashed with it)
        List<ObjectNode> altered = chain(5, "leader-2");
        altered.get(1).put("actor", "someone-else");
        altered.get(4).put("actor", "someone-else");
        assertEquals(List.of("audit/chain.jsonl: entry 2 was altered (its fields do not give its hash)",
                "audit/chain.jsonl: entry 5 was altered (its fields do not give its hash)"), problems(chained(key, original, altered), key));
        List<ObjectNode> renamed = chain(5, "leader-2");
        renamed.get(3).remove("digest");
        assertEquals(List.of("audit/chain.jsonl: entry 4 was altered (its fields do not give its hash)"),
                problems(chained(key, original, renamed), key));

        // rewritten and every hash after it re-made (the listed entries too): only the checkpoint made before tells
        List<ObjectNode> rewritten = chain(5, "someone-else");
        List<String> found = problems(chained(key, original, rewritten), key);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("audit/checkpoints.json: the checkpoint at seq 4 sealed another head hash"), found::toString);

        // the tail cut below the checkpoint; an entry taken out of the middle
        assertEquals(List.of("audit/chain.jsonl: the chain ends at seq 3 but a checkpoint holds seq 4: entries were removed"),
                problems(chained(key, original, original.subList(0, 3)), key));
        List<ObjectNode> gap = new ArrayList<>(original);
        gap.remove(1);
        assertEquals(List.of("audit/chain.jsonl: entries missing between seq 1 and 3"), problems(chained(key, original, gap), key));
    }

    private List<String> problems(Map<String, byte[]> files, Key key) throws Exception {
        return BundleVerifier.verify(bundle(files, key, List.of(key), SEALED, "SM3"), Optional.empty()).problems().stream()
                .map(BundleVerifier.Problem::toString).toList();
    }

    @Test
    void aBundleTheServicesWriteWithAnSm2KeyListsSm3AndVerifies() throws Exception {
        Path ring = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(ring.resolve("sm2.pem"), "Valid-From: 2026-01-01T00:00:00Z\n"
                + org.tuanjie.platform.seal.SealKeys.newKeyPem(SealAlgorithm.SM2), StandardCharsets.US_ASCII);
        var keys = new org.tuanjie.platform.seal.SealKeys(dir.resolve("seal.pem").toString(), Optional.of(ring.toString()), true);
        Path file = Files.createTempFile(dir, "sm2-", ".zip");
        try (var zip = new org.tuanjie.platform.seal.SealedZip(Files.newOutputStream(file), keys)) {
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                zip.add(f.getKey(), f.getValue());
            }
            zip.seal(new LinkedHashMap<>(), SEALED);
        }
        BundleVerifier.Report report = BundleVerifier.verify(file, Optional.empty());
        assertTrue(report.valid(), report.problems()::toString);
        assertEquals("SM2", report.algorithm());
        Path changed = zip(withByteChanged(entries(file), "tasks/7d1c/timeline.json"));
        assertEquals(List.of("tasks/7d1c/timeline.json"), BundleVerifier.verify(changed, Optional.empty()).problems().stream()
                .map(BundleVerifier.Problem::file).toList());
    }

    @Test
    void aBundleSealedWithBothAlgorithmsVerifiesBothSealsAndNamesABrokenCoSeal() throws Exception {
        var keys = new org.tuanjie.platform.seal.SealKeys(dir.resolve("seal.pem").toString(), Optional.empty(),
                Optional.of(dir.resolve("co-seal.pem").toString()), Optional.empty(), true);
        Path file = Files.createTempFile(dir, "both-", ".zip");
        try (var zip = new org.tuanjie.platform.seal.SealedZip(Files.newOutputStream(file), keys)) {
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                zip.add(f.getKey(), f.getValue());
            }
            zip.seal(new LinkedHashMap<>(), SEALED);
        }
        Map<String, byte[]> entries = entries(file);
        com.fasterxml.jackson.databind.node.ObjectNode seal = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(entries.get("manifest.seal.json"));
        assertEquals("Ed25519", seal.path("algorithm").asText());
        assertEquals("SM2", seal.path("coAlgorithm").asText());
        BundleVerifier.Report report = BundleVerifier.verify(file, Optional.empty());
        assertTrue(report.valid(), report.problems()::toString);

        // the co-seal replaced by the seal itself: the manifest is named, as the co-seal's
        seal.put("coSeal", seal.path("seal").asText());
        Map<String, byte[]> broken = new LinkedHashMap<>(entries);
        broken.put("manifest.seal.json", seal.toString().getBytes(StandardCharsets.UTF_8));
        List<String> problems = BundleVerifier.verify(zip(broken), Optional.empty()).problems().stream()
                .map(BundleVerifier.Problem::toString).toList();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("manifest.json: ") && problems.get(0).contains("co-seal"), problems::toString);
    }

    private static Map<String, byte[]> withByteChanged(Map<String, byte[]> files, String name) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        byte[] content = changed.get(name).clone();
        content[content.length / 2] ^= 1;
        changed.put(name, content);
        return changed;
    }
}
