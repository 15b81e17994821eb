package org.tuanjie.platform.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM3 and SM2 against the examples their standards publish, and a deployment switching from Ed25519 to SM2. */
class SealAlgorithmTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void sm3DigestsTheStandardsExamples() {
        // GB/T 32905-2016, appendix A: "abc" and "abcd" sixteen times
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HEX.formatHex(SealAlgorithm.sm3("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
                HEX.formatHex(SealAlgorithm.sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void sm2SignsTheStandardsExampleToTheDigit() throws Exception {
        // GB/T 32918.2-2016, appendix A.2: the 256-bit prime-field test curve, the signer ALICE123@YAHOO.COM
        BigInteger p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
        BigInteger a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
        BigInteger b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
        BigInteger n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
        ECCurve curve = new ECCurve.Fp(p, a, b, n, BigInteger.ONE);
        ECPoint g = curve.createPoint(new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
                new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
        ECDomainParameters domain = new ECDomainParameters(curve, g, n);
        BigInteger d = new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16);
        ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(d, domain);
        ECPublicKeyParameters publicKey = new ECPublicKeyParameters(g.multiply(d).normalize(), domain);
        byte[] id = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);

        byte[] der = SealAlgorithm.sm2Sign(privateKey, id, message,
                new Fixed(HEX.parseHex("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F")));
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, der);
        assertEquals(new BigInteger("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1", 16), rs[0]);
        assertEquals(new BigInteger("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7", 16), rs[1]);
        assertTrue(SealAlgorithm.sm2Verify(publicKey, id, message, der));
        assertFalse(SealAlgorithm.sm2Verify(publicKey, id, "message digesT".getBytes(StandardCharsets.US_ASCII), der));
        assertFalse(SealAlgorithm.sm2Verify(publicKey, "1234567812345678".getBytes(StandardCharsets.US_ASCII), message, der),
                "the signer's identifier is part of what is signed");
    }

    @Test
    void switchingADeploymentToSm2KeepsEveryEd25519SealValid() throws Exception {
        Path original = dir.resolve("seal-ed25519.pem");
        Path ring = dir.resolve("seal-keys");
        Instant before = Instant.now().minus(Duration.ofDays(30));
        SealKeys.Seal ed25519 = new SealKeys(original.toString(), Optional.of(ring.toString()), true).seal("{\"a\":1}", before);

        Instant switched = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Files.createDirectories(ring);
        Files.writeString(ring.resolve("sm2.pem"), "Valid-From: " + switched + "\n" + SealKeys.newKeyPem(SealAlgorithm.SM2),
                StandardCharsets.US_ASCII);
        SealKeys keys = new SealKeys(original.toString(), Optional.of(ring.toString()), true);
        assertEquals(SealAlgorithm.ED25519, keys.all().get(0).algorithm());
        assertEquals(SealAlgorithm.SM2, keys.current().algorithm());

        assertEquals(SealKeys.Check.VALID, keys.check("{\"a\":1}", ed25519.value(), ed25519.keyId(), before));
        SealKeys.Seal sm2 = keys.seal("{\"a\":1}", Instant.now());
        assertEquals(keys.current().keyId(), sm2.keyId());
        assertTrue(sm2.value().length() <= SealKeys.SEAL_LENGTH, sm2.value());
        assertEquals(SealKeys.Check.VALID, keys.check("{\"a\":1}", sm2.value(), sm2.keyId(), Instant.now()));
        assertEquals(SealKeys.Check.SIGNATURE_INVALID, keys.check("{\"a\":2}", sm2.value(), sm2.keyId(), Instant.now()));
        // an Ed25519 seal presented under the SM2 key's id fails, and the other way round
        assertEquals(SealKeys.Check.SIGNATURE_INVALID, keys.check("{\"a\":1}", ed25519.value(), sm2.keyId(), Instant.now()));
        assertEquals(SealKeys.Check.OUTSIDE_KEY_PERIOD, keys.check("{\"a\":1}", sm2.value(), ed25519.keyId(), Instant.now()));
        assertTrue(keys.current().publicKeyPem().length() <= SealKeys.PEM_MAX);

        // a file whose halves are of two different keys is refused
        String one = SealKeys.newKeyPem(SealAlgorithm.SM2);
        String other = SealKeys.newKeyPem(SealAlgorithm.SM2);
        Files.writeString(ring.resolve("sm2.pem"), "Valid-From: " + switched + "\n"
                + one.substring(0, one.indexOf("-----BEGIN PUBLIC KEY-----")) + other.substring(other.indexOf("-----BEGIN PUBLIC KEY-----")),
                StandardCharsets.US_ASCII);
        IllegalStateException mismatched = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new SealKeys(original.toString(), Optional.of(ring.toString()), true));
        assertTrue(mismatched.getMessage().contains("not a pair"), mismatched.getMessage());
    }

    /** Gives the bytes it was made with: the standard's fixed k. */
    private static final class Fixed extends SecureRandom {

        private final byte[] bytes;

        Fixed(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] out) {
            assertEquals(bytes.length, out.length, "k is drawn as one number of the curve order's size");
            System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
        }
    }
}
