package org.tuanjie.agreements.seal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's Ed25519 sealing key. Read from a PKCS#8 PEM file; created there on first start if
 * it is missing (then back it up: a lost key cannot seal again under the same identity, though every
 * seal made stays verifiable with the published public key).
 */
@ApplicationScoped
public class SealKeys {

    public static final String ALGORITHM = "Ed25519";
    /** Key ids as the {@code key_id} column holds them (this key's is 16 hex characters). */
    public static final int KEY_ID_MAX = 64;
    /** An Ed25519 signature is 64 bytes: 88 characters of Base64. */
    public static final int SEAL_LENGTH = 88;
    /** An Ed25519 public key in PEM is 113 characters. */
    public static final int PEM_MAX = 200;

    private static final Logger LOG = Logger.getLogger(SealKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    SealKeys(@ConfigProperty(name = "agreements.seal.key-file") String keyFile) {
        try {
            KeyPair pair = loadOrCreate(Path.of(keyFile));
            this.privateKey = pair.getPrivate();
            this.publicKey = pair.getPublic();
            this.keyId = CanonicalJson.sha256(Base64.getEncoder().encodeToString(publicKey.getEncoded())).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealing key cannot be read", e);
        }
    }

    public String seal(String canonicalPayload) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(canonicalPayload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String canonicalPayload, String seal) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(canonicalPayload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(seal));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String keyId() {
        return keyId;
    }

    /** X.509 SubjectPublicKeyInfo, PEM: what {@code openssl pkeyutl -verify -pubin} reads. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        if (Files.exists(file)) {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String privateBase64 = between(pem, "PRIVATE KEY");
            String publicBase64 = between(pem, "PUBLIC KEY");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(privateBase64)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(publicBase64)));
            return new KeyPair(publicKey, privateKey);
        }
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + mime.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        LOG.warnf("Created a new Ed25519 sealing key at %s: back it up", file.toAbsolutePath());
        return pair;
    }

    private static String between(String pem, String label) {
        int start = pem.indexOf("-----BEGIN " + label + "-----");
        int end = pem.indexOf("-----END " + label + "-----");
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the key file has no " + label);
        }
        return pem.substring(start + ("-----BEGIN " + label + "-----").length(), end).trim();
    }
}
