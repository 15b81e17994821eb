package org.tuanjie.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.tuanjie.platform.seal.SealAlgorithm;

/**
 * Checks an evidence bundle offline, as an auditor receives it: every file against the sealed manifest (its size and
 * SHA-256, or SM3), no file missing or added, and the manifest's seal against the suite's public keys (the key named,
 * within its period, over the manifest's exact bytes; its co-seal likewise when the suite seals with two algorithms),
 * every seal and co-seal inside its JSON files, and each hash chain's segment
 * against its checkpoints ({@link HashChain}: the audit trail's, the timelines'). The ZIP is read once, as a stream: a bundle of gigabytes needs
 * no more memory than a small one, and nothing is written to disk.
 *
 * <p>{@code java -jar bundle-verifier.jar bundle.zip [--public-keys keys.json]}: exit code 0 when the bundle holds, 1
 * when something does not, 2 when it cannot be read.
 */
public final class BundleVerifier {

    static final String FORMAT = "tuanjie-evidence-bundle/1";
    static final String MANIFEST = "manifest.json";
    static final String SEAL = "manifest.seal.json";
    static final String KEYS = "public-keys.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Something that does not hold, and the file it concerns. */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    /**
     * What was found.
     *
     * @param keyId        the key the manifest's seal names
     * @param algorithm    its algorithm (Ed25519, SM2)
     * @param keysFromBundle the keys were the bundle's own: compare {@code keyId} with the suite's published keys
     * @param filesChecked files of the manifest found and compared
     * @param sealsChecked seals found inside the files (signatures, checkpoints) and checked
     * @param chainEntriesChecked entries of the hash chains' segments (audit trail, timelines) read and held against their
     *                     checkpoints
     */
    public record Report(List<Problem> problems, String keyId, String algorithm, boolean keysFromBundle, int filesChecked,
            int sealsChecked, int chainEntriesChecked) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A file's size and digests as read from the ZIP. */
    private record Read(long size, String sha256, String sm3) {
    }

    /**
     * A seal found inside a file: the exact text sealed, the seal, the key it names and its time (a signature's
     * {@code signedAt}, a checkpoint's {@code madeAt}), and the content hash the text vouches for, if any.
     */
    private record Sealed(String file, String payload, String seal, String keyId, String at, String contentHash) {
    }

    /** JSON files up to this size are read for the seals inside them; larger ones are only digested. */
    private static final int SCANNED_MAX = 8 * 1024 * 1024;

    private BundleVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** The command line: prints the report and returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        Optional<Path> keys = Optional.empty();
        Path bundle = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-keys") && i + 1 < args.length) {
                keys = Optional.of(Path.of(args[++i]));
            } else if (bundle == null && !args[i].startsWith("--")) {
                bundle = Path.of(args[i]);
            } else {
                bundle = null;
                break;
            }
        }
        if (bundle == null) {
            out.println("usage: java -jar bundle-verifier.jar <bundle.zip> [--public-keys keys.json]");
            return 2;
        }
        Report report;
        try {
            report = verify(bundle, keys);
        } catch (IOException e) {
            out.println("cannot read " + bundle + ": " + e.getMessage());
            return 2;
        }
        report.problems().forEach(out::println);
        out.println(report.filesChecked() + " files checked against the manifest, " + report.sealsChecked()
                + " seals inside them" + (report.chainEntriesChecked() > 0 ? ", " + report.chainEntriesChecked()
                + " chain entries against their checkpoints" : "") + "; sealed with key "
                + report.keyId() + " (" + report.algorithm() + ")"
                + (report.keysFromBundle() ? ", taken from the bundle itself: compare it with the suite's published keys" : ""));
        out.println(report.valid() ? "valid" : "NOT valid: " + report.problems().size() + " problem(s)");
        return report.valid() ? 0 : 1;
    }

    /**
     * Checks a bundle.
     *
     * @param trustedKeys the suite's public keys as published (GET /seal/public-keys); none: the bundle's own
     * @throws IOException when the file cannot be read at all
     */
    public static Report verify(Path bundle, Optional<Path> trustedKeys) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Map<String, Read> read = new LinkedHashMap<>();
        Map<String, byte[]> small = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<Sealed> sealed = new ArrayList<>();
        Map<String, HashChain> chains = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!seen.add(name)) {
                    problems.add(new Problem(name, "more than once in the ZIP"));
                    continue;
                }
                if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
                    problems.add(new Problem(name, "a path that climbs out of the bundle"));
                    continue;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] head = null;
                String chainFolder = HashChain.folderOf(name);
                if (chainFolder != null && name.endsWith(HashChain.CHAIN_FILE)) {
                    Digesting in = new Digesting(zip, null);
                    chains.computeIfAbsent(chainFolder, HashChain::new)
                            .check(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), problems);
                    read.put(name, in.finish());
                    continue;
                }
                if (name.equals(MANIFEST) || name.equals(SEAL) || name.equals(KEYS)) {
                    head = zip.readNBytes(16 * 1024 * 1024);
                    small.put(name, head);
                } else if (name.endsWith(".json")) {
                    head = zip.readNBytes(SCANNED_MAX);
                    if (head.length < SCANNED_MAX) {
                        sealsIn(name, head, sealed);
                        if (chainFolder != null || HashChain.auditEntries(name)) {
                            chains.computeIfAbsent(chainFolder != null ? chainFolder : HashChain.AUDIT, HashChain::new)
                                    .claimsOf(name, head, problems);
                        }
                    }
                }
                read.put(name, digest(zip, head));
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a readable ZIP (" + e.getMessage() + ")", e);
        }
        byte[] manifestBytes = small.get(MANIFEST);
        if (manifestBytes == null || small.get(SEAL) == null) {
            problems.add(new Problem(manifestBytes == null ? MANIFEST : SEAL, "missing: this is not an evidence bundle"));
            return new Report(problems, null, null, trustedKeys.isEmpty(), 0, 0, 0);
        }
        JsonNode manifest = json(manifestBytes, MANIFEST, problems);
        JsonNode seal = json(small.get(SEAL), SEAL, problems);
        if (manifest == null || seal == null) {
            return new Report(problems, null, null, trustedKeys.isEmpty(), 0, 0, 0);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            problems.add(new Problem(MANIFEST, "format " + manifest.path("format").asText() + " is not " + FORMAT));
            return new Report(problems, null, null, trustedKeys.isEmpty(), 0, 0, 0);
        }
        JsonNode keys = trustedKeys.isPresent() ? json(Files.readAllBytes(trustedKeys.get()), trustedKeys.get().toString(), problems)
                : json(small.get(KEYS), KEYS, problems);
        checkSeal(manifestBytes, seal, keys, problems);
        int checked = checkFiles(manifest, read, problems);
        for (Sealed inside : sealed) {
            checkSealInside(inside, keys, read, problems);
        }
        return new Report(problems, seal.path("keyId").asText(null), seal.path("algorithm").asText(null),
                trustedKeys.isEmpty(), checked, sealed.size(), chains.values().stream().mapToInt(HashChain::entries).sum());
    }

    /** Every file the manifest lists is there, with its size and digest; nothing else is. */
    private static int checkFiles(JsonNode manifest, Map<String, Read> read, List<Problem> problems) {
        String digest = manifest.path("digest").asText("SHA-256");
        if (!digest.equals("SHA-256") && !digest.equals("SM3")) {
            problems.add(new Problem(MANIFEST, "digest " + digest + " is neither SHA-256 nor SM3"));
            return 0;
        }
        String field = digest.equals("SM3") ? "sm3" : "sha256";
        Set<String> listed = new HashSet<>(List.of(MANIFEST, SEAL));
        int checked = 0;
        for (JsonNode file : manifest.path("files")) {
            String path = file.path("path").asText();
            listed.add(path);
            Read found = read.get(path);
            if (found == null) {
                problems.add(new Problem(path, "missing"));
                continue;
            }
            checked++;
            String expected = file.path(field).asText();
            String actual = digest.equals("SM3") ? found.sm3() : found.sha256();
            if (found.size() != file.path("size").asLong(-1) || !expected.equalsIgnoreCase(actual)) {
                problems.add(new Problem(path, "content changed (" + digest + " or size differs from the manifest's)"));
            }
        }
        read.keySet().stream().filter(name -> !listed.contains(name))
                .forEach(name -> problems.add(new Problem(name, "not in the manifest")));
        return checked;
    }

    /** The seal names a key of the ring, was made within the key's period, and holds over the manifest's bytes. */
    private static void checkSeal(byte[] manifest, JsonNode seal, JsonNode keys, List<Problem> problems) {
        if (keys == null || !keys.isArray()) {
            problems.add(new Problem(KEYS, "no list of public keys to check the seal with"));
            return;
        }
        verdict(manifest, seal.path("seal").asText(), seal.path("keyId").asText(), seal.path("sealedAt").asText(),
                seal.path("algorithm").asText(null), keys)
                .ifPresent(why -> problems.add(new Problem(MANIFEST, why.replace("the text sealed", "the manifest")
                        + " (the seal in " + SEAL + ")")));
        if (seal.has("coSeal") || seal.has("coKeyId")) {
            verdict(manifest, seal.path("coSeal").asText(), seal.path("coKeyId").asText(), seal.path("sealedAt").asText(),
                    seal.path("coAlgorithm").asText(null), keys)
                    .ifPresent(why -> problems.add(new Problem(MANIFEST, why.replace("the text sealed", "the manifest")
                            + " (the co-seal in " + SEAL + ")")));
        }
    }

    /** A seal inside a file holds, and the content it vouches for is the content beside it. */
    private static void checkSealInside(Sealed inside, JsonNode keys, Map<String, Read> read, List<Problem> problems) {
        if (keys != null && keys.isArray()) {
            verdict(inside.payload().getBytes(StandardCharsets.UTF_8), inside.seal(), inside.keyId(), inside.at(), null, keys)
                    .ifPresent(why -> problems.add(new Problem(inside.file(), why)));
        }
        String folder = inside.file().substring(0, inside.file().lastIndexOf('/') + 1);
        Read content = read.get(folder + "canonical-content.json");
        if (inside.contentHash() != null && content != null && !inside.contentHash().equalsIgnoreCase(content.sha256())) {
            problems.add(new Problem(folder + "canonical-content.json", "not the content its signatures sealed (SHA-256 "
                    + "differs from the contentHash in " + inside.file() + ")"));
        }
    }

    /** Why a seal does not hold, or nothing when it does. */
    private static Optional<String> verdict(byte[] text, String sealValue, String keyId, String at, String algorithmNamed,
            JsonNode keys) {
        JsonNode key = null;
        for (JsonNode k : keys) {
            if (keyId.equals(k.path("keyId").asText())) {
                key = k;
            }
        }
        if (key == null) {
            return Optional.of("sealed with key " + keyId + ", which is not among the public keys");
        }
        try {
            byte[] spki = Base64.getMimeDecoder().decode(key.path("pem").asText()
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").strip());
            if (!keyId.equals(keyId(spki))) {
                return Optional.of("key " + keyId + " is not the key its PEM holds");
            }
            SealAlgorithm algorithm = SealAlgorithm.of(spki);
            if (algorithmNamed != null && !algorithm.label().equals(algorithmNamed)) {
                return Optional.of("the seal names " + algorithmNamed + " for a " + algorithm.label() + " key");
            }
            Instant sealedAt = time(at);
            Instant from = instant(key.path("validFrom"));
            Instant until = instant(key.path("validUntil"));
            if (from != null && sealedAt.isBefore(from) || until != null && !sealedAt.isBefore(until)) {
                return Optional.of("sealed at " + sealedAt + ", outside key " + keyId + "'s period");
            }
            if (!algorithm.verify(spki, text, Base64.getDecoder().decode(sealValue))) {
                return Optional.of("the seal does not verify: the text sealed or the seal was changed");
            }
            return Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException | GeneralSecurityException e) {
            return Optional.of("the seal cannot be checked: " + e.getMessage());
        }
    }

    /** Seals inside a JSON file: every object carrying the text it sealed, the seal and the key. */
    private static void sealsIn(String file, byte[] bytes, List<Sealed> found) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            return; // its digest still decides whether it is the file the manifest lists
        }
        List<JsonNode> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            if (node.isObject() && node.path("sealedPayload").isTextual() && node.path("seal").isTextual()
                    && node.path("keyId").isTextual()) {
                String payload = node.path("sealedPayload").asText();
                String at = node.path("signedAt").isTextual() ? node.path("signedAt").asText() : node.path("madeAt").asText();
                String contentHash = null;
                try {
                    contentHash = JSON.readTree(payload).path("contentHash").asText(null);
                } catch (IOException e) {
                    // a sealed text that is not JSON vouches for no content; its seal is still checked
                }
                found.add(new Sealed(file, payload, node.path("seal").asText(), node.path("keyId").asText(), at, contentHash));
                if (node.has("coSeal") && !node.path("coSeal").isNull() || node.has("coKeyId") && !node.path("coKeyId").isNull()) {
                    // the co-seal: the same text sealed with the deployment's other algorithm
                    found.add(new Sealed(file, payload, node.path("coSeal").asText(), node.path("coKeyId").asText(), at, null));
                }
            }
            node.elements().forEachRemaining(todo::add);
        }
    }

    /** An instant as the suite writes it: UTC ({@code Z}) or with an offset. */
    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? time(value.asText()) : null;
    }

    /** As the suite names its keys: the first 16 hex characters of the SHA-256 of the key's Base64. */
    static String keyId(byte[] spki) {
        return HexFormat.of().formatHex(sha256().digest(Base64.getEncoder().encodeToString(spki)
                .getBytes(StandardCharsets.US_ASCII))).substring(0, 16);
    }

    private static JsonNode json(byte[] bytes, String name, List<Problem> problems) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            problems.add(new Problem(name, "not readable JSON"));
            return null;
        }
    }

    /** Reads an entry to its end (or takes the bytes already read), digesting it both ways. */
    private static Read digest(InputStream in, byte[] already) throws IOException {
        return new Digesting(in, already).finish();
    }

    /** An entry's bytes as they are read, digested both ways on the way. */
    private static final class Digesting extends FilterInputStream {
        private final MessageDigest sha256 = sha256();
        private final SM3Digest sm3 = new SM3Digest();
        private long size;

        Digesting(InputStream in, byte[] already) {
            super(in);
            if (already != null) {
                update(already, 0, already.length);
            }
        }

        private void update(byte[] bytes, int off, int n) {
            sha256.update(bytes, off, n);
            sm3.update(bytes, off, n);
            size += n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                update(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                update(b, off, n);
            }
            return n;
        }

        @Override
        public void close() {
            // the ZIP's stream stays open for its next entry
        }

        /** Reads what is left of the entry and gives its size and digests. */
        Read finish() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // digested as read
            }
            byte[] sm3Out = new byte[sm3.getDigestSize()];
            sm3.doFinal(sm3Out, 0);
            return new Read(size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(sm3Out));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
