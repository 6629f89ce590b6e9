package io.marque.portal.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery proves it comes from Marque and was not changed or replayed: the
 * {@code Webhook-Signature} header is {@code v1=<hex HMAC-SHA256>} computed with the endpoint's secret
 * (its UTF-8 bytes, the whole {@code whsec_…} text) over {@code <Webhook-Id>.<Webhook-Timestamp>.<body>},
 * the body exactly as sent. The timestamp is in Unix seconds and is signed, so a receiver that refuses
 * old timestamps (five minutes is usual) cannot be fed a recorded delivery again; the id stays the same
 * on every retry of one event, so a receiver can drop duplicates. The scheme is versioned ({@code v1})
 * so it can change without breaking receivers, and a header may one day carry several signatures
 * separated by spaces (e.g. during a secret's rotation): a receiver accepts the delivery if any matches.
 */
public final class WebhookSignature {

    /** The version of the scheme, the label before {@code =} in the header. */
    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** The lower-case hex HMAC-SHA256 of {@code <id>.<timestamp>.<body>} under {@code secret}. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedContent(id, timestamp, body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the {@code Webhook-Signature} header: {@code v1=<hex>}. */
    public static String header(String secret, String id, long timestamp, String body) {
        return VERSION + "=" + sign(secret, id, timestamp, body);
    }

    /**
     * What a receiver does, in Java: whether any {@code v1=} entry of the header matches, compared in
     * constant time. (The timestamp's age is the receiver's own check.)
     */
    public static boolean verify(String secret, String id, long timestamp, String body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String entry : header.trim().split("\\s+")) {
            if (entry.startsWith(VERSION + "=")) {
                matched |= MessageDigest.isEqual(expected,
                        entry.substring(VERSION.length() + 1).toLowerCase().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return matched;
    }

    private static byte[] signedContent(String id, long timestamp, String body) {
        return (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
    }
}
