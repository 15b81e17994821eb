package org.tuanjie.platform.events.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** The example of the Standard Webhooks specification: a receiver's library must accept what we send. */
    @Test
    void signsAsTheStandardWebhooksSpecificationsExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesBehindThePrefix() {
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, Signatures.newSecret());
    }

    @Test
    void theSignatureCoversIdTimestampAndBody() {
        String secret = Signatures.newSecret();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.sign(secret, "a", 1, body);
        assertNotEquals(signature, Signatures.sign(secret, "b", 1, body));
        assertNotEquals(signature, Signatures.sign(secret, "a", 2, body));
        assertNotEquals(signature, Signatures.sign(secret, "a", 1, "{ }".getBytes(StandardCharsets.UTF_8)));
    }
}
