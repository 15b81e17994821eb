package org.tuanjie.platform.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation: a new key takes over from its date, earlier seals keep verifying, no key seals outside its period. */
class SealKeysTest {

    private static final String PAYLOAD = "{\"agreementId\":\"a\",\"kind\":\"SIGN\"}";

    @TempDir
    Path dir;

    @Test
    void aNewKeyTakesOverFromItsDateAndEveryKeySealsOnlyInItsPeriod() throws Exception {
        Path original = dir.resolve("seal-ed25519.pem");
        Path ring = dir.resolve("seal-keys");
        SealKeys first = new SealKeys(original.toString(), Optional.of(ring.toString()), true);
        assertTrue(Files.exists(original), "the first key is created on first start");
        Instant rotation = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant before = rotation.minus(Duration.ofDays(10));
        SealKeys.Seal old = first.seal(PAYLOAD, before);

        Files.createDirectories(ring);
        Files.writeString(ring.resolve("2026-rotation.pem"), "Valid-From: " + rotation + "\n" + SealKeys.newKeyPem(),
                StandardCharsets.US_ASCII);
        SealKeys keys = new SealKeys(original.toString(), Optional.of(ring.toString()), true);
        assertEquals(2, keys.all().size());
        SealKeys.SealKey retired = keys.all().get(0);
        SealKeys.SealKey current = keys.all().get(1);
        assertEquals(old.keyId(), retired.keyId());
        assertNull(retired.validFrom());
        assertEquals(rotation, retired.validUntil());
        assertEquals(rotation, current.validFrom());
        assertNull(current.validUntil());
        assertEquals(current.keyId(), keys.current().keyId());

        // the seal made before the rotation still verifies; a new one is made with the new key
        assertEquals(SealKeys.Check.VALID, keys.check(PAYLOAD, old.value(), old.keyId(), before));
        SealKeys.Seal now = keys.seal(PAYLOAD, Instant.now());
        assertEquals(current.keyId(), now.keyId());
        assertEquals(SealKeys.Check.VALID, keys.check(PAYLOAD, now.value(), now.keyId(), Instant.now()));
        // the new key forging a signature dated in the old key's period, and the old key sealing after its retirement
        assertEquals(SealKeys.Check.OUTSIDE_KEY_PERIOD, keys.check(PAYLOAD, now.value(), now.keyId(), before));
        assertEquals(SealKeys.Check.OUTSIDE_KEY_PERIOD, keys.check(PAYLOAD, old.value(), old.keyId(), Instant.now()));
        assertEquals(SealKeys.Check.SIGNATURE_INVALID, keys.check(PAYLOAD.replace("SIGN", "COUNTERSIGN"), old.value(),
                old.keyId(), before));
        assertEquals(SealKeys.Check.SIGNATURE_INVALID, keys.check(PAYLOAD, "not base64!", old.keyId(), before));
        assertEquals(SealKeys.Check.UNKNOWN_KEY, keys.check(PAYLOAD, old.value(), "0123456789abcdef", before));

        // the retired key's private half removed: its seals still verify by its public half
        String pem = Files.readString(original, StandardCharsets.US_ASCII);
        Files.writeString(original, pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----")), StandardCharsets.US_ASCII);
        SealKeys publicOnly = new SealKeys(original.toString(), Optional.of(ring.toString()), true);
        assertEquals(SealKeys.Check.VALID, publicOnly.check(PAYLOAD, old.value(), old.keyId(), before));
        assertTrue(publicOnly.all().get(0).privateKey().isEmpty());
        IllegalStateException noPrivate = assertThrows(IllegalStateException.class, () -> publicOnly.seal(PAYLOAD, before));
        assertTrue(noPrivate.getMessage().contains("no private key"), noPrivate.getMessage());
    }

    @Test
    void aRingItCannotUseKeepsTheServiceFromStarting() throws Exception {
        Path original = dir.resolve("seal.pem");
        Path ring = dir.resolve("keys");
        Files.createDirectories(ring);
        // the key in force now without its private half: nothing could be sealed
        String pem = SealKeys.newKeyPem();
        Files.writeString(ring.resolve("a.pem"), "Valid-From: 2020-01-01T00:00:00Z\n"
                + pem.substring(pem.indexOf("-----BEGIN PUBLIC KEY-----")), StandardCharsets.US_ASCII);
        IllegalStateException noPrivate = assertThrows(IllegalStateException.class,
                () -> new SealKeys(original.toString(), Optional.of(ring.toString()), true));
        assertTrue(noPrivate.getMessage().contains("no private key"), noPrivate.getMessage());
        assertTrue(Files.notExists(original), "no first key is made up beside a ring that has keys");

        Files.writeString(ring.resolve("a.pem"), SealKeys.newKeyPem(), StandardCharsets.US_ASCII);
        IllegalStateException undated = assertThrows(IllegalStateException.class,
                () -> new SealKeys(original.toString(), Optional.of(ring.toString()), true));
        assertTrue(undated.getMessage().contains("Valid-From"), undated.getMessage());

        Files.writeString(ring.resolve("a.pem"), "Valid-From: 2020-01-01T00:00:00Z\n" + SealKeys.newKeyPem(), StandardCharsets.US_ASCII);
        Files.writeString(ring.resolve("b.pem"), "Valid-From: 2020-01-01T00:00:00Z\n" + SealKeys.newKeyPem(), StandardCharsets.US_ASCII);
        assertThrows(IllegalStateException.class, () -> new SealKeys(original.toString(), Optional.of(ring.toString()), true));
    }

    @Test
    void aDeploymentSealingWithBothAlgorithmsCoSealsWithItsOwnRingAndPeriods() throws Exception {
        Path original = dir.resolve("seal-ed25519.pem");
        Path ring = Files.createDirectories(dir.resolve("seal-keys"));
        Path coKey = dir.resolve("co-seal.pem");
        SealKeys single = new SealKeys(original.toString(), Optional.of(ring.toString()), true);
        assertTrue(single.coSeal(PAYLOAD, Instant.now()).isEmpty(), "no co-seal without a co-sealing ring");

        SealKeys both = new SealKeys(original.toString(), Optional.of(ring.toString()), Optional.of(coKey.toString()),
                Optional.empty(), true);
        assertTrue(Files.exists(coKey), "the co-sealing key is created on first start, of the other algorithm");
        assertEquals(2, both.all().size());
        SealKeys.SealKey co = both.all().get(1);
        assertEquals(SealAlgorithm.SM2, co.algorithm());
        Instant at = Instant.now();
        SealKeys.Seal seal = both.seal(PAYLOAD, at);
        SealKeys.Seal coSeal = both.coSeal(PAYLOAD, at).orElseThrow();
        assertEquals(co.keyId(), coSeal.keyId());
        assertEquals(SealKeys.Check.VALID, both.check(PAYLOAD, seal.value(), seal.keyId(), coSeal.value(), coSeal.keyId(), at));
        assertEquals(SealKeys.Check.VALID, both.check(PAYLOAD, coSeal.value(), coSeal.keyId(), at), "a co-seal checks alone");
        assertEquals(SealKeys.Check.VALID, both.check(PAYLOAD, seal.value(), seal.keyId(), null, null, at),
                "seals made before the deployment co-sealed have none, and hold");
        // a co-seal changed, or made by the sealing key instead, or half given, does not hold
        assertEquals(SealKeys.Check.SIGNATURE_INVALID, both.check(PAYLOAD, seal.value(), seal.keyId(), seal.value(),
                coSeal.keyId(), at));
        assertEquals(SealKeys.Check.SIGNATURE_INVALID, both.check(PAYLOAD, seal.value(), seal.keyId(), null, coSeal.keyId(), at));
        assertEquals(SealKeys.Check.UNKNOWN_KEY, both.check(PAYLOAD, seal.value(), seal.keyId(), coSeal.value(),
                "0123456789abcdef", at));

        // the sealing ring rotates: its old key retires, the co-sealing key's period is its own ring's
        Instant rotation = at.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Files.writeString(ring.resolve("2026-rotation.pem"), "Valid-From: " + rotation + "\n" + SealKeys.newKeyPem(),
                StandardCharsets.US_ASCII);
        SealKeys rotated = new SealKeys(original.toString(), Optional.of(ring.toString()), Optional.of(coKey.toString()),
                Optional.empty(), false);
        assertEquals(3, rotated.all().size());
        assertNull(rotated.all().get(2).validUntil(), "the co-sealing key stays in force");
        assertEquals(SealKeys.Check.VALID, rotated.check(PAYLOAD, coSeal.value(), coSeal.keyId(), at));
        assertEquals(SealKeys.Check.OUTSIDE_KEY_PERIOD, rotated.check(PAYLOAD, seal.value(), seal.keyId(), coSeal.value(),
                coSeal.keyId(), at), "the retired sealing key does not seal after its successor took over");
    }
}
