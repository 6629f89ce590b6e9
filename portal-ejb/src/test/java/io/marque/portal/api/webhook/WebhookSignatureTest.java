package io.marque.portal.api.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signature a receiver checks: HMAC-SHA256 with the secret over {@code id.timestamp.body}, as the
 * documentation tells receivers to compute it. The expected values were computed outside Java
 * ({@code printf '%s' '<id>.<ts>.<body>' | openssl dgst -sha256 -hmac '<secret>'}), and again here with
 * the JDK's Mac directly, so the class cannot agree with itself only.
 */
class WebhookSignatureTest {

    private static final String ID = "evt_0123456789abcdef";
    private static final String BODY = "{\"id\":\"evt_0123456789abcdef\",\"type\":\"invoice.paid\"}";

    @Test
    void theSignatureIsWhatOpensslComputesOverIdTimestampAndBody() {
        assertEquals("bff91c4e3f38ce028da04b607f60ca52de90842fc166cc5b73747183aefde8a0",
                WebhookSignature.sign("whsec_test-secret", ID, 1_700_000_000L, BODY));
        assertEquals("v1=bff91c4e3f38ce028da04b607f60ca52de90842fc166cc5b73747183aefde8a0",
                WebhookSignature.header("whsec_test-secret", ID, 1_700_000_000L, BODY));
    }

    @Test
    void secretAndBodyAreTakenAsUtf8() {
        assertEquals("bdc9390c13bd82935bbf4df869273c27879d0446452bb15ce9a9484292c9db12",
                WebhookSignature.sign("whsec_ключ", "evt_x", 1_700_000_001L, "{\"k\":\"é\"}"));
    }

    @Test
    void aReceiverComputingTheHmacItselfGetsTheSameValue() throws Exception {
        String secret = Webhooks.newSecret();
        long timestamp = 1_712_345_678L;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String independent = HexFormat.of().formatHex(mac.doFinal((ID + "." + timestamp + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertEquals("v1=" + independent, WebhookSignature.header(secret, ID, timestamp, BODY));
    }

    @Test
    void verifyAcceptsTheRightSignatureOnlyAndAnyOfSeveral() {
        String secret = "whsec_test-secret";
        String header = WebhookSignature.header(secret, ID, 1_700_000_000L, BODY);

        assertTrue(WebhookSignature.verify(secret, ID, 1_700_000_000L, BODY, header));
        assertTrue(WebhookSignature.verify(secret, ID, 1_700_000_000L, BODY, "v1=00ff " + header));
        assertFalse(WebhookSignature.verify(secret, ID, 1_700_000_000L, BODY + " ", header), "a changed body");
        assertFalse(WebhookSignature.verify(secret, ID, 1_700_000_001L, BODY, header), "another timestamp (a replay)");
        assertFalse(WebhookSignature.verify(secret, "evt_other", 1_700_000_000L, BODY, header), "another event");
        assertFalse(WebhookSignature.verify("whsec_other", ID, 1_700_000_000L, BODY, header), "another secret");
        assertFalse(WebhookSignature.verify(secret, ID, 1_700_000_000L, BODY, header.replace("v1=", "v0=")), "an unknown version");
        assertFalse(WebhookSignature.verify(secret, ID, 1_700_000_000L, BODY, null));
    }

    @Test
    void secretsAreLongRandomAndNamedAsSuch() {
        String one = Webhooks.newSecret();
        assertTrue(one.matches("whsec_[A-Za-z0-9_-]{43}"), one);
        assertFalse(one.equals(Webhooks.newSecret()));
    }
}
