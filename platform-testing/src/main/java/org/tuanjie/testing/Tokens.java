package org.tuanjie.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Mints RS256 access tokens shaped like Keycloak's (realm {@code unity}): roles in
 * {@code realm_access.roles}, the caller's unit in {@code unit_code}. The key pair is a test key,
 * known to the test profile only.
 */
public final class Tokens {

    public static final String ISSUER = "https://tuanjie.test/realms/unity";
    /** The audience every token for this API carries (Keycloak's audience mapper on each client). */
    public static final String AUDIENCE = "tuanjie-api";
    private static final PrivateKey KEY = load("test-keys/private.pem");
    private static final PrivateKey FOREIGN_KEY = load("test-keys/foreign-private.pem");

    private Tokens() {
    }

    /** A token for a person with one role, reaching the subtree of {@code unitCode}. */
    public static String of(String role, String unitCode) {
        return claims("user-" + role + "-" + unitCode, role, unitCode).sign(KEY);
    }

    public static String of(String subject, String role, String unitCode) {
        return claims(subject, role, unitCode).sign(KEY);
    }

    /** A person's token issued to an OAuth client ({@code azp}), such as the field app's public {@code mobile-app}. */
    public static String viaClient(String clientId, String subject, String role, String unitCode) {
        return claims(subject, role, unitCode).claim("azp", clientId).sign(KEY);
    }

    /** A client-credentials token of another county platform, with the OAuth scopes its client was granted. */
    public static String withScope(String role, String unitCode, String scope) {
        return claims("client-" + role + "-" + unitCode, role, unitCode).claim("scope", scope).sign(KEY);
    }

    public static String bearer(String role, String unitCode) {
        return "Bearer " + of(role, unitCode);
    }

    public static String expired(String role, String unitCode) {
        return claims("user-expired", role, unitCode)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(KEY);
    }

    /** A valid token that expires {@code seconds} from now. */
    public static String expiringIn(long seconds, String role, String unitCode) {
        return claims("user-brief", role, unitCode).expiresAt(Instant.now().plusSeconds(seconds)).sign(KEY);
    }

    /** Signed by the right key for the right issuer, but meant for another application. */
    public static String wrongAudience(String role, String unitCode) {
        return claims("user-other-app", role, unitCode).audience("another-app").sign(KEY);
    }

    public static String wrongIssuer(String role, String unitCode) {
        return claims("user-elsewhere", role, unitCode).issuer("https://evil.example/realms/unity").sign(KEY);
    }

    public static String wrongKey(String role, String unitCode) {
        return claims("user-forged", role, unitCode).sign(FOREIGN_KEY);
    }

    /** An unsigned token ({@code alg: none}) carrying admin claims: must never be accepted. */
    public static String unsigned(String role, String unitCode) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + payload(role, unitCode) + ".";
    }

    /**
     * The classic key-confusion forgery: HS256 "signed" with the server's RSA public key as the HMAC
     * secret. A verifier that trusts the token's {@code alg} would accept it.
     */
    public static String hs256WithPublicKey(String role, String unitCode, String publicKeyBase64) {
        try {
            String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
            String signingInput = header + "." + payload(role, unitCode);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(publicKeyBase64.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payload(String role, String unitCode) {
        long now = Instant.now().getEpochSecond();
        return base64Url("{\"iss\":\"" + ISSUER + "\",\"sub\":\"forger\",\"exp\":" + (now + 3600) + ",\"iat\":" + now
                + ",\"realm_access\":{\"roles\":[\"" + role + "\"]},\"unit_code\":\"" + unitCode + "\"}");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JwtClaimsBuilder claims(String subject, String role, String unitCode) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).audience(AUDIENCE)
                .claim("preferred_username", subject)
                .claim("name", subject)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(3600);
        if (unitCode != null) {
            claims.claim("unit_code", unitCode);
        }
        return claims;
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
