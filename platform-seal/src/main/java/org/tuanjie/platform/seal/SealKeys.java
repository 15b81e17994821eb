package org.tuanjie.platform.seal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's sealing keys: a ring of keys, each valid for a period, exactly one of them sealing at any moment.
 *
 * <p>The first key is {@code seal.key-file} (a PKCS#8 private key and its public key, PEM), valid from the
 * beginning; it is created on first start if missing (then back it up). A key that takes over from a date is a PEM file
 * in {@code seal.keys-dir} whose explanatory text (RFC 7468) says when: {@code Valid-From:
 * 2027-01-01T00:00:00Z} before its blocks. Each key is valid until the next one takes over. Once its successor has
 * taken over, a key's private block can be removed from its file: its public block keeps every seal it made verifiable.
 *
 * <p>A key seals with Ed25519 or SM2 ({@link SealAlgorithm}), as its own public key says: switching a deployment to SM2 is
 * a rotation to an SM2 key, and every seal made before keeps verifying with its Ed25519 key.
 *
 * <p>A seal is valid when the key its signature names made it, and the signature's time lies within that key's period:
 * a key that leaked after it was retired cannot seal a signature dated in its period without the seal also being checked
 * against the key of that period.
 *
 * <p>A deployment may seal with two algorithms at once: a second ring ({@code seal.co-key-file}, {@code seal.co-keys-dir},
 * the same rules, its periods its own) makes a co-seal beside every seal, e.g. SM2 beside Ed25519 while verifiers move
 * to 国密, or Ed25519 beside SM2 for verifiers abroad. A co-seal is checked like a seal; the public keys listed are both
 * rings'.
 */
@ApplicationScoped
public class SealKeys {

    /** Key ids as the {@code key_id} column holds them (a key's is 16 hex characters). */
    public static final int KEY_ID_MAX = 64;
    /** An Ed25519 signature is 64 bytes (88 characters of Base64), an SM2 one at most 72 in DER (96). */
    public static final int SEAL_LENGTH = 96;
    /** An Ed25519 public key in PEM is 113 characters, an SM2 one 178. */
    public static final int PEM_MAX = 200;
    /** The most keys a ring holds: a rotation a year for a century. */
    public static final int MOST_KEYS = 100;

    private static final Logger LOG = Logger.getLogger(SealKeys.class);
    private static final String VALID_FROM = "Valid-From:";

    /**
     * One key of the ring: its id (the first 16 hex characters of the SHA-256 of its Base64 public key), the period it
     * seals in ({@code validFrom} null: from the beginning; {@code validUntil} null: until further notice), and its
     * private half while it has one.
     */
    public record SealKey(String keyId, SealAlgorithm algorithm, byte[] publicKey, Optional<byte[]> privateKey,
            Instant validFrom, Instant validUntil) {

        public boolean validAt(Instant at) {
            return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
        }

        /** X.509 SubjectPublicKeyInfo, PEM: what {@code openssl pkeyutl -verify -pubin} reads. */
        public String publicKeyPem() {
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(publicKey) + "\n-----END PUBLIC KEY-----\n";
        }
    }

    /** Why a seal does not hold, or that it does. */
    public enum Check {
        VALID, UNKNOWN_KEY, OUTSIDE_KEY_PERIOD, SIGNATURE_INVALID
    }

    /** A seal and the key that made it. */
    public record Seal(String keyId, String value) {
    }

    private final List<SealKey> ring;
    /** The co-sealing ring: empty when the deployment seals with one algorithm. */
    private final List<SealKey> coRing;

    /**
     * The ring of the key file and the keys directory, as a service configures it; public so that tools and other
     * modules' tests can build one from files.
     */
    public SealKeys(String keyFile, Optional<String> keysDir, boolean createMissingKey) {
        this(keyFile, keysDir, Optional.empty(), Optional.empty(), createMissingKey);
    }

    /** The ring, and the co-sealing ring when one is configured (its key file created when missing, if asked). */
    @jakarta.inject.Inject
    public SealKeys(@ConfigProperty(name = "seal.key-file") String keyFile,
            @ConfigProperty(name = "seal.keys-dir") Optional<String> keysDir,
            @ConfigProperty(name = "seal.co-key-file") Optional<String> coKeyFile,
            @ConfigProperty(name = "seal.co-keys-dir") Optional<String> coKeysDir,
            @ConfigProperty(name = "seal.create-missing-key", defaultValue = "false") boolean createMissingKey) {
        try {
            this.ring = ring(Path.of(keyFile), keysDir.map(Path::of), createMissingKey);
            SealAlgorithm other = current(Instant.now()).algorithm() == SealAlgorithm.SM2 ? SealAlgorithm.ED25519 : SealAlgorithm.SM2;
            this.coRing = coKeyFile.isEmpty() && coKeysDir.isEmpty() ? List.of()
                    : ring(coKeyFile.map(Path::of), coKeysDir.map(Path::of), createMissingKey ? Optional.of(other) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealing key cannot be read: " + e.getMessage(), e);
        }
        if (ring.size() + coRing.size() > MOST_KEYS) {
            throw new IllegalStateException("the sealing key rings hold " + (ring.size() + coRing.size())
                    + " keys, more than " + MOST_KEYS);
        }
        SealKey current = current(Instant.now());
        if (current.privateKey().isEmpty()) {
            throw new IllegalStateException("the sealing key in force now (" + current.keyId() + ") has no private key");
        }
        LOG.infof("Sealing with key %s (%s) of a ring of %d", current.keyId(), current.algorithm().label(), ring.size());
        inForce(coRing, Instant.now()).ifPresent(co -> {
            if (co.privateKey().isEmpty()) {
                throw new IllegalStateException("the co-sealing key in force now (" + co.keyId() + ") has no private key");
            }
            if (co.algorithm() == current.algorithm()) {
                LOG.warnf("The co-sealing key %s uses %s as the sealing key does: a co-seal is meant for another algorithm",
                        co.keyId(), co.algorithm().label());
            }
            LOG.infof("Co-sealing with key %s (%s) of a ring of %d", co.keyId(), co.algorithm().label(), coRing.size());
        });
    }

    /** Seals a payload with the key in force at {@code at} (the signature's own time). */
    public Seal seal(String canonicalPayload, Instant at) {
        return sealWith(current(at), canonicalPayload, at);
    }

    /**
     * The co-seal of a payload: made with the co-sealing ring's key in force at {@code at}, when the deployment co-seals
     * and a key of that ring is in force then.
     */
    public Optional<Seal> coSeal(String canonicalPayload, Instant at) {
        return inForce(coRing, at).map(key -> sealWith(key, canonicalPayload, at));
    }

    private static Seal sealWith(SealKey key, String canonicalPayload, Instant at) {
        byte[] privateKey = key.privateKey().orElseThrow(
                () -> new IllegalStateException("the sealing key in force at " + at + " has no private key"));
        try {
            return new Seal(key.keyId(), Base64.getEncoder().encodeToString(
                    key.algorithm().sign(privateKey, canonicalPayload.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A seal and its co-seal, if it has one: the seal's check, unless that holds and the co-seal does not (an absent
     * co-seal is no fault: seals made before a deployment co-sealed have none).
     */
    public Check check(String canonicalPayload, String seal, String keyId, String coSeal, String coKeyId, Instant sealedAt) {
        Check first = check(canonicalPayload, seal, keyId, sealedAt);
        if (first != Check.VALID || coSeal == null && coKeyId == null) {
            return first;
        }
        return coSeal == null || coKeyId == null ? Check.SIGNATURE_INVALID : check(canonicalPayload, coSeal, coKeyId, sealedAt);
    }

    /** Whether the key named (of either ring) made the seal over the payload, at a time within its period. */
    public Check check(String canonicalPayload, String seal, String keyId, Instant sealedAt) {
        Optional<SealKey> key = all().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        if (key.isEmpty()) {
            return Check.UNKNOWN_KEY;
        }
        if (!key.get().validAt(sealedAt)) {
            return Check.OUTSIDE_KEY_PERIOD;
        }
        try {
            return key.get().algorithm().verify(key.get().publicKey(), canonicalPayload.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(seal)) ? Check.VALID : Check.SIGNATURE_INVALID;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Check.SIGNATURE_INVALID;
        }
    }

    /** The key sealing now. */
    public SealKey current() {
        return current(Instant.now());
    }

    /** Every key of the ring, the oldest first, with its period, then those of the co-sealing ring likewise. */
    public List<SealKey> all() {
        if (coRing.isEmpty()) {
            return ring;
        }
        List<SealKey> both = new ArrayList<>(ring);
        both.addAll(coRing);
        return List.copyOf(both);
    }

    private SealKey current(Instant at) {
        return inForce(ring, at).orElseThrow(() -> new IllegalStateException("no sealing key is in force at " + at));
    }

    private static Optional<SealKey> inForce(List<SealKey> keys, Instant at) {
        return keys.stream().filter(k -> k.validAt(at)).findFirst();
    }

    static List<SealKey> ring(Path keyFile, Optional<Path> keysDir) throws IOException, GeneralSecurityException {
        return ring(keyFile, keysDir, true);
    }

    static List<SealKey> ring(Path keyFile, Optional<Path> keysDir, boolean createMissingKey)
            throws IOException, GeneralSecurityException {
        return ring(Optional.of(keyFile), keysDir, createMissingKey ? Optional.of(SealAlgorithm.ED25519) : Optional.empty());
    }

    /** @param createAs the algorithm of the key file created when there is no key at all; empty: none is created */
    static List<SealKey> ring(Optional<Path> keyFileNamed, Optional<Path> keysDir, Optional<SealAlgorithm> createAs)
            throws IOException, GeneralSecurityException {
        record Loaded(String pem, Instant validFrom, Path file) {
        }
        List<Loaded> loaded = new ArrayList<>();
        if (keysDir.isPresent() && Files.isDirectory(keysDir.get())) {
            try (Stream<Path> files = Files.list(keysDir.get())) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                    String pem = Files.readString(file, StandardCharsets.US_ASCII);
                    loaded.add(new Loaded(pem, validFrom(pem, file), file));
                }
            }
        }
        Path keyFile = keyFileNamed.orElse(null);
        if ((keyFile == null || !Files.exists(keyFile)) && loaded.isEmpty()) {
            if (createAs.isEmpty() || keyFile == null) {
                throw new IllegalStateException("no sealing key at " + keyFileNamed.map(Path::toAbsolutePath).orElse(null)
                        + " (nor in a keys directory): this service seals with the suite's key ring, which "
                        + "agreements-service creates");
            }
            create(keyFile, createAs.get());
        }
        if (keyFile != null && Files.exists(keyFile)) {
            loaded.add(new Loaded(Files.readString(keyFile, StandardCharsets.US_ASCII), null, keyFile));
        }
        loaded.sort(Comparator.comparing(Loaded::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<SealKey> ring = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            Loaded key = loaded.get(i);
            if (i > 0 && java.util.Objects.equals(loaded.get(i - 1).validFrom(), key.validFrom())) {
                throw new IllegalStateException(key.file() + " takes over at the same moment as " + loaded.get(i - 1).file());
            }
            byte[] publicKey = Base64.getMimeDecoder().decode(between(key.pem(), "PUBLIC KEY", key.file()).orElseThrow(
                    () -> new IllegalStateException(key.file() + " has no PUBLIC KEY block")));
            SealAlgorithm algorithm;
            try {
                algorithm = SealAlgorithm.of(publicKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key.file() + ": " + e.getMessage(), e);
            }
            Optional<byte[]> privateKey = between(key.pem(), "PRIVATE KEY", key.file()).map(Base64.getMimeDecoder()::decode);
            if (privateKey.isPresent()) {
                // the halves belong together: what the private half seals, the public half verifies
                byte[] probe = "tuanjie".getBytes(StandardCharsets.US_ASCII);
                if (!algorithm.verify(publicKey, probe, algorithm.sign(privateKey.get(), probe))) {
                    throw new IllegalStateException(key.file() + ": the private and public keys are not a pair");
                }
            }
            Instant until = i + 1 < loaded.size() ? loaded.get(i + 1).validFrom() : null;
            ring.add(new SealKey(keyId(publicKey), algorithm, publicKey, privateKey, key.validFrom(), until));
        }
        return List.copyOf(ring);
    }

    public static String keyId(byte[] publicKey) {
        return CanonicalJson.sha256(Base64.getEncoder().encodeToString(publicKey)).substring(0, 16);
    }

    private static Instant validFrom(String pem, Path file) {
        for (String line : pem.lines().toList()) {
            if (line.startsWith("-----BEGIN")) {
                break;
            }
            if (line.regionMatches(true, 0, VALID_FROM, 0, VALID_FROM.length())) {
                try {
                    return Instant.parse(line.substring(VALID_FROM.length()).strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(file + ": Valid-From is not an instant (2027-01-01T00:00:00Z)", e);
                }
            }
        }
        throw new IllegalStateException(file + " says from when it seals in a line 'Valid-From: 2027-01-01T00:00:00Z' "
                + "before its blocks");
    }

    /** A new Ed25519 key pair in PEM, as the key file and the keys directory hold them. */
    public static String newKeyPem() throws GeneralSecurityException {
        return newKeyPem(SealAlgorithm.ED25519);
    }

    /** A new key pair of the algorithm in PEM: its private block (PKCS#8), then its public block (SubjectPublicKeyInfo). */
    public static String newKeyPem(SealAlgorithm algorithm) throws GeneralSecurityException {
        byte[][] pair = algorithm.newKeyPair();
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(pair[0])
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + mime.encodeToString(pair[1]) + "\n-----END PUBLIC KEY-----\n";
    }

    private static void create(Path file, SealAlgorithm algorithm) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, newKeyPem(algorithm), StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        LOG.warnf("Created a new %s sealing key at %s: back it up", algorithm.label(), file.toAbsolutePath());
    }

    private static Optional<String> between(String pem, String label, Path file) {
        int start = pem.indexOf("-----BEGIN " + label + "-----");
        int end = pem.indexOf("-----END " + label + "-----");
        if (start < 0 && end < 0) {
            return Optional.empty();
        }
        if (start < 0 || end < start) {
            throw new IllegalStateException(file + " has a broken " + label + " block");
        }
        return Optional.of(pem.substring(start + ("-----BEGIN " + label + "-----").length(), end).trim());
    }
}
