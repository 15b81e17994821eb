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

    /**
     * The ring of the key file and the keys directory, as a service configures it; public so that tools and other
     * modules' tests can build one from files.
     */
    public SealKeys(@ConfigProperty(name = "seal.key-file") String keyFile,
            @ConfigProperty(name = "seal.keys-dir") Optional<String> keysDir,
            @ConfigProperty(name = "seal.create-missing-key", defaultValue = "false") boolean createMissingKey) {
        try {
            this.ring = ring(Path.of(keyFile), keysDir.map(Path::of), createMissingKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealing key cannot be read: " + e.getMessage(), e);
        }
        if (ring.size() > MOST_KEYS) {
            throw new IllegalStateException("the sealing key ring holds " + ring.size() + " keys, more than " + MOST_KEYS);
        }
        SealKey current = current(Instant.now());
        if (current.privateKey().isEmpty()) {
            throw new IllegalStateException("the sealing key in force now (" + current.keyId() + ") has no private key");
        }
        LOG.infof("Sealing with key %s (%s) of a ring of %d", current.keyId(), current.algorithm().label(), ring.size());
    }

    /** Seals a payload with the key in force at {@code at} (the signature's own time). */
    public Seal seal(String canonicalPayload, Instant at) {
        SealKey key = current(at);
        byte[] privateKey = key.privateKey().orElseThrow(
                () -> new IllegalStateException("the sealing key in force at " + at + " has no private key"));
        try {
            return new Seal(key.keyId(), Base64.getEncoder().encodeToString(
                    key.algorithm().sign(privateKey, canonicalPayload.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the key named made the seal over the payload, at a time within its period. */
    public Check check(String canonicalPayload, String seal, String keyId, Instant sealedAt) {
        Optional<SealKey> key = ring.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
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

    /** Every key of the ring, the oldest first, with its period. */
    public List<SealKey> all() {
        return ring;
    }

    private SealKey current(Instant at) {
        return ring.stream().filter(k -> k.validAt(at)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sealing key is in force at " + at));
    }

    static List<SealKey> ring(Path keyFile, Optional<Path> keysDir) throws IOException, GeneralSecurityException {
        return ring(keyFile, keysDir, true);
    }

    static List<SealKey> ring(Path keyFile, Optional<Path> keysDir, boolean createMissingKey)
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
        if (!Files.exists(keyFile) && loaded.isEmpty()) {
            if (!createMissingKey) {
                throw new IllegalStateException("no sealing key at " + keyFile.toAbsolutePath() + " (nor in a keys directory): "
                        + "this service seals with the suite's key ring, which agreements-service creates");
            }
            create(keyFile);
        }
        if (Files.exists(keyFile)) {
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

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, newKeyPem(), StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        LOG.warnf("Created a new Ed25519 sealing key at %s: back it up", file.toAbsolutePath());
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
