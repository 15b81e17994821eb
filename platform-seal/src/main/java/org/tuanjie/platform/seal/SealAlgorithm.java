package org.tuanjie.platform.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * How a key seals: Ed25519 (RFC 8032, the JDK's), or SM2 over an SM3 digest (GB/T 32918.2 and GB/T 32905, the Chinese
 * commercial cryptography a 密评 assessment expects) with the distinguishing identifier GB/T 35276 sets by default,
 * {@code 1234567812345678}, and the signature DER-encoded as OpenSSL and GmSSL write it. Which one a key uses is read from
 * the key itself (its SubjectPublicKeyInfo), so a ring may hold both.
 */
public enum SealAlgorithm {

    ED25519("Ed25519") {
        @Override
        public byte[] sign(byte[] pkcs8, byte[] message) throws GeneralSecurityException {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            signer.update(message);
            return signer.sign();
        }

        @Override
        public boolean verify(byte[] spki, byte[] message, byte[] seal) throws GeneralSecurityException {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            verifier.update(message);
            return verifier.verify(seal);
        }

        @Override
        public byte[][] newKeyPair() throws GeneralSecurityException {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new byte[][] {pair.getPrivate().getEncoded(), pair.getPublic().getEncoded()};
        }
    },

    SM2("SM2") {
        @Override
        public byte[] sign(byte[] pkcs8, byte[] message) throws GeneralSecurityException {
            try {
                return sm2Sign((ECPrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8), DEFAULT_ID, message, new SecureRandom());
            } catch (IOException | ClassCastException e) {
                throw new GeneralSecurityException("not an SM2 private key", e);
            }
        }

        @Override
        public boolean verify(byte[] spki, byte[] message, byte[] seal) throws GeneralSecurityException {
            try {
                SM2Signer verifier = new SM2Signer();
                verifier.init(false, new ParametersWithID(PublicKeyFactory.createKey(spki), DEFAULT_ID));
                verifier.update(message, 0, message.length);
                return verifier.verifySignature(seal);
            } catch (IOException | IllegalArgumentException e) {
                throw new GeneralSecurityException("not an SM2 public key", e);
            }
        }

        @Override
        public byte[][] newKeyPair() throws GeneralSecurityException {
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1,
                    GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1)), new SecureRandom()));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            try {
                return new byte[][] {PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded(),
                        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded()};
            } catch (IOException e) {
                throw new GeneralSecurityException(e);
            }
        }
    };

    /** The distinguishing identifier (GB/T 35276's default user ID) every SM2 seal is made and checked with. */
    public static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    /** Ed25519's object identifier (RFC 8410). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private final String label;

    SealAlgorithm(String label) {
        this.label = label;
    }

    /** As the published keys name it: {@code Ed25519}, {@code SM2}. */
    public String label() {
        return label;
    }

    public abstract byte[] sign(byte[] pkcs8, byte[] message) throws GeneralSecurityException;

    public abstract boolean verify(byte[] spki, byte[] message, byte[] seal) throws GeneralSecurityException;

    /** A new key pair: the PKCS#8 private key and the X.509 SubjectPublicKeyInfo, DER. */
    public abstract byte[][] newKeyPair() throws GeneralSecurityException;

    /** The algorithm of a public key, by its SubjectPublicKeyInfo. */
    public static SealAlgorithm of(byte[] spki) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (ID_ED25519.equals(algorithm)) {
            return ED25519;
        }
        if (GMObjectIdentifiers.sm2p256v1.equals(algorithm) || X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)
                && GMObjectIdentifiers.sm2p256v1.equals(info.getAlgorithm().getParameters())) {
            return SM2;
        }
        throw new IllegalArgumentException("a sealing key is Ed25519 or SM2 (curve sm2p256v1), not " + algorithm);
    }

    /**
     * An SM2 signature (DER) over a message, SM3 digest with the signer's identifier as GB/T 32918.2 defines it, with
     * the random k drawn from {@code random}: the standard's examples fix it, to check this code against them.
     */
    static byte[] sm2Sign(ECPrivateKeyParameters key, byte[] id, byte[] message, SecureRandom random) throws GeneralSecurityException {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), id));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** SM3 (GB/T 32905) of the bytes. */
    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** An SM2 public key parameter, for checking the standard's examples. */
    static boolean sm2Verify(ECPublicKeyParameters key, byte[] id, byte[] message, byte[] seal) {
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(key, id));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(seal);
    }
}
