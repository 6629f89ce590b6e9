package io.marque.portal.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's secret, used two ways: to encrypt what must be read back later (mailbox
 * passwords) with AES-256-GCM, and to derive stable, unguessable values (a customer's pseudonym) with
 * HMAC-SHA256. Separate keys for each use are derived from the one master key, so a value made for one
 * purpose never serves another.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final String ENCRYPTION = "encryption";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] encryptionKey;
    private final byte[] master;

    /** @param master at least 32 random bytes */
    public SecretBox(byte[] master) {
        if (master.length < 32) {
            throw new IllegalArgumentException("The secret key needs at least 32 bytes");
        }
        this.master = master.clone();
        this.encryptionKey = derive(ENCRYPTION);
    }

    /** Encrypts a text; the result is ASCII, different on every call, and names its format version. */
    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the text was not made by {@link #encrypt} with this key */
    public String decrypt(String sealedText) {
        if (sealedText == null || !sealedText.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            if (all.length < NONCE_BYTES + TAG_BYTES) {
                throw new IllegalArgumentException("The value cannot be decrypted with this key");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"),
                    new GCMParameterSpec(TAG_BYTES * 8, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The value cannot be decrypted with this key", e);
        }
    }

    /** HMAC-SHA256 of {@code data} under a key derived for {@code purpose}. */
    public byte[] mac(String purpose, String data) {
        if (ENCRYPTION.equals(purpose)) {
            // the MAC key of this purpose would be the encryption key itself
            throw new IllegalArgumentException("The purpose '" + ENCRYPTION + "' is reserved");
        }
        return hmac(derive(purpose), data.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] derive(String purpose) {
        return hmac(master, ("marque:" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
