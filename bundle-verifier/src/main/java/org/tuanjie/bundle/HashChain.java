package org.tuanjie.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealAlgorithm;

/**
 * A hash chain's segment in a bundle held against what the bundle says of it elsewhere: the agreements' audit trail
 * ({@code audit/}) or the tasks' timelines ({@code timeline/}). The chain ({@code chain.jsonl}, one entry per line, in
 * order) must run without gaps, each entry linked to the one before, each entry given in full hashing to its
 * hash (SHA-256, or SM3 where it names that digest); and every sealed checkpoint ({@code checkpoints.json}) and, for
 * the audit trail, every agreement's audit entry ({@code agreements/<id>/audit.json}) must find the same hash at its
 * {@code seq}. A database owner who rewrote history and re-hashed everything after it is caught by a checkpoint made before; one who cut the tail, by a
 * checkpoint beyond the chain's end. The claims are read first (the bundle writes the chain last), then the chain is
 * read once, as a stream: only the claims are kept in memory, never the chain.
 */
final class HashChain {

    /** The chain's file name inside its folder ({@code audit/}, {@code timeline/}). */
    static final String CHAIN_FILE = "chain.jsonl";
    static final String CHECKPOINTS_FILE = "checkpoints.json";
    static final String GENESIS = "0".repeat(64);

    /** Problems past this many in the chain are counted, not listed. */
    private static final int LISTED_MAX = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a file says the chain holds at a position. */
    private record Claim(String file, String hash, boolean checkpoint) {
    }

    private final String chainFile;
    private final String checkpointsFile;
    private final Map<Long, Claim> claims = new HashMap<>();

    /** The chain of a folder: {@code audit/} (agreements' audit trail), {@code timeline/} (tasks' timelines). */
    HashChain(String folder) {
        this.chainFile = folder + CHAIN_FILE;
        this.checkpointsFile = folder + CHECKPOINTS_FILE;
    }

    /** The folder of a chain's or checkpoints' file, or null when the name is neither. */
    static String folderOf(String file) {
        int slash = file.lastIndexOf('/');
        String name = file.substring(slash + 1);
        return slash > 0 && (name.equals(CHAIN_FILE) || name.equals(CHECKPOINTS_FILE)) ? file.substring(0, slash + 1) : null;
    }

    /** The folder whose chain an agreement's {@code audit.json} entries belong to. */
    static final String AUDIT = "audit/";
    private boolean chainRead;
    private int entries;

    /** Whether a file of this name says something of the agreements' audit chain besides its checkpoints. */
    static boolean auditEntries(String file) {
        return file.startsWith("agreements/") && file.endsWith("/audit.json");
    }

    /** Takes in what a checkpoints or audit file says, as read before the chain. */
    void claimsOf(String file, byte[] bytes, List<BundleVerifier.Problem> problems) {
        if (chainRead) {
            problems.add(new BundleVerifier.Problem(file, "comes after " + chainFile + ": its entries cannot be held against it"));
            return;
        }
        JsonNode list;
        try {
            list = JSON.readTree(bytes);
        } catch (IOException e) {
            problems.add(new BundleVerifier.Problem(file, "not readable JSON"));
            return;
        }
        for (JsonNode item : list) {
            if (file.equals(checkpointsFile)) {
                checkpoint(file, item, problems);
            } else if (item.path("seq").canConvertToLong() && item.path("hash").isTextual()) {
                claims.putIfAbsent(item.path("seq").asLong(), new Claim(file, item.path("hash").asText(), false));
            }
        }
    }

    /** A checkpoint's own fields must be those it sealed; what it sealed is what counts. */
    private void checkpoint(String file, JsonNode item, List<BundleVerifier.Problem> problems) {
        JsonNode sealed;
        try {
            sealed = JSON.readTree(item.path("sealedPayload").asText(""));
        } catch (IOException e) {
            problems.add(new BundleVerifier.Problem(file, "a checkpoint whose sealed text is not JSON"));
            return;
        }
        long seq = sealed.path("seq").asLong(-1);
        String head = sealed.path("headHash").asText("");
        if (item.path("seq").asLong(-1) != seq || !item.path("headHash").asText("").equals(head)) {
            problems.add(new BundleVerifier.Problem(file, "the checkpoint at seq " + item.path("seq").asText()
                    + " shows another seq or head hash than the text it sealed"));
        }
        claims.put(seq, new Claim(file, head, true));
    }

    /** Reads the chain's lines to their end, checking each; returns how many entries were read. */
    void check(BufferedReader lines, List<BundleVerifier.Problem> problems) throws IOException {
        chainRead = true;
        Problems found = new Problems(problems);
        long first = -1;
        long last = -1;
        String lastHash = null;
        int lineNo = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (IOException e) {
                found.add("line " + lineNo + " is not readable JSON");
                return;
            }
            long seq = entry.path("seq").asLong(-1);
            String hash = entry.path("hash").asText("");
            String prev = entry.path("prevHash").asText("");
            if (first < 0) {
                first = seq;
                if (seq == 1 && !prev.equals(GENESIS)) {
                    found.add("entry 1 does not start the chain (its prevHash is not the genesis)");
                }
            } else if (seq != last + 1) {
                found.add("entries missing between seq " + last + " and " + seq);
            } else if (!prev.equals(lastHash)) {
                found.add("entry " + seq + " is not linked to entry " + last + " (its prevHash differs from that hash)");
            }
            if (!entry.has("withheld")) {
                ObjectNode fields = ((ObjectNode) entry).deepCopy();
                fields.remove("hash");
                if (!hashOf(fields).equals(hash)) {
                    found.add("entry " + seq + " was altered (its fields do not give its hash)");
                }
            }
            Claim claim = claims.remove(seq);
            if (claim != null && !claim.hash().equals(hash)) {
                problems.add(new BundleVerifier.Problem(claim.file(), claim.checkpoint()
                        ? "the checkpoint at seq " + seq + " sealed another head hash than the chain holds there: history rewritten"
                        : "entry " + seq + " is not the chain's entry there"));
            }
            last = seq;
            lastHash = hash;
            entries++;
        }
        for (Map.Entry<Long, Claim> left : claims.entrySet()) {
            long seq = left.getKey();
            if (left.getValue().checkpoint() && seq > last) {
                found.add("the chain ends at seq " + last + " but a checkpoint holds seq " + seq + ": entries were removed");
            } else if (seq > last || first >= 0 && seq >= first) {
                problems.add(new BundleVerifier.Problem(left.getValue().file(), "entry " + seq + " is not in " + chainFile));
            }
        }
        found.close();
    }

    /**
     * An entry's hash: SHA-256 of its canonical fields, or SM3 when it names that digest among them (a deployment
     * whose cryptography is assessed hashes with SM3 from the day it switches).
     */
    static String hashOf(ObjectNode fields) {
        byte[] canonical = CanonicalJson.of(fields).getBytes(StandardCharsets.UTF_8);
        return "SM3".equals(fields.path("digest").asText())
                ? HexFormat.of().formatHex(SealAlgorithm.sm3(canonical))
                : HexFormat.of().formatHex(sha256(canonical));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chain entries read. */
    int entries() {
        return entries;
    }

    /** The chain's problems, the first {@value HashChain#LISTED_MAX} listed. */
    private final class Problems {
        private final List<BundleVerifier.Problem> out;
        private int count;

        Problems(List<BundleVerifier.Problem> out) {
            this.out = out;
        }

        void add(String message) {
            if (++count <= LISTED_MAX) {
                out.add(new BundleVerifier.Problem(chainFile, message));
            }
        }

        void close() {
            if (count > LISTED_MAX) {
                out.add(new BundleVerifier.Problem(chainFile, (count - LISTED_MAX) + " more problems"));
            }
        }
    }
}
