package io.marque.portal.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The installation secret: encrypted values read back only with the same key and untouched, and MACs
 * that are stable per purpose and never shared between purposes.
 */
class SecretBoxTest {

    private static final byte[] KEY = key(1);
    private static final byte[] OTHER_KEY = key(2);

    private final SecretBox box = new SecretBox(KEY);

    // --- encryption -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "hunter2", "Pässwörd mit Ümläuten 🔑 日本語 עברית", "line\nbreak\u0000nul", "v1:looks-sealed"})
    void encryptedTextDecryptsToTheSameText(String plain) {
        assertEquals(plain, box.decrypt(box.encrypt(plain)));
    }

    @Test
    void aLongTextRoundTrips() {
        String plain = "é".repeat(100_000);
        assertEquals(plain, box.decrypt(box.encrypt(plain)));
    }

    @Test
    void anotherBoxWithTheSameKeyDecrypts() {
        assertEquals("secret", new SecretBox(KEY.clone()).decrypt(box.encrypt("secret")));
    }

    @Test
    void theSealedTextIsVersionedAsciiAndHidesThePlainText() {
        String sealed = box.encrypt("mailbox-password");
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(sealed));
        assertFalse(sealed.contains("mailbox"));
        // 12 bytes nonce + 16 plain bytes + 16 bytes tag
        assertEquals(12 + 16 + 16, Base64.getDecoder().decode(sealed.substring(3)).length);
    }

    @Test
    void everyEncryptionIsDifferent() {
        Set<String> sealed = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            sealed.add(box.encrypt("same text"));
        }
        assertEquals(100, sealed.size());
        sealed.forEach(s -> assertEquals("same text", box.decrypt(s)));
    }

    @Test
    void flippingAnyByteIsDetected() {
        String sealed = box.encrypt("transfer 100 EUR");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String forged = "v1:" + Base64.getEncoder().encodeToString(tampered);
            int at = i;
            assertThrows(IllegalArgumentException.class, () -> box.decrypt(forged), "byte " + at);
        }
    }

    @Test
    void truncatingOrExtendingIsDetected() {
        String sealed = box.encrypt("transfer 100 EUR");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        // 12 to 27 bytes (a nonce and less than a tag) are left out: see valuesShorterThanATagAreRefused
        for (int length : new int[] {0, 1, 11, 28, 29, raw.length - 1}) {
            String cut = "v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, length));
            assertThrows(IllegalArgumentException.class, () -> box.decrypt(cut), "length " + length);
        }
        String longer = "v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length + 1));
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(longer));
    }

    @Test
    void valuesShorterThanATagAreRefused() {
        for (int length = 12; length < 28; length++) {
            String cut = "v1:" + Base64.getEncoder().encodeToString(new byte[length]);
            assertThrows(IllegalArgumentException.class, () -> box.decrypt(cut), "length " + length);
        }
    }

    @Test
    void aWrongKeyCannotDecrypt() {
        String sealed = box.encrypt("secret");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SecretBox(OTHER_KEY).decrypt(sealed));
        assertEquals("The value cannot be decrypted with this key", e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"secret", "v1", "V1:AAAA", "v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", " v1:AAAA"})
    void textThatIsNotSealedIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> box.decrypt(text));
        assertEquals("Not an encrypted value", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1:", "v1:!!!!", "v1:AAAA", "v1:not base64 at all", "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void garbageAfterThePrefixIsRefusedAsUndecryptable(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> box.decrypt(text));
        assertEquals("The value cannot be decrypted with this key", e.getMessage());
    }

    @Test
    void valuesSealedByEarlierReleasesStillDecrypt() {
        // AES-256-GCM under HMAC-SHA256(master, "marque:encryption"), nonce first: computed here with the
        // JDK alone, so a change of format or key derivation (which would lose every stored password) fails
        byte[] nonce = new byte[12];
        Arrays.fill(nonce, (byte) 7);
        String sealed = "v1:" + Base64.getEncoder().encodeToString(gcm(hmac(KEY, "marque:encryption"), nonce,
                "imap-password-ü"));
        assertEquals("imap-password-ü", box.decrypt(sealed));
    }

    // --- the key --------------------------------------------------------------------------------

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[31]));
        assertEquals("The secret key needs at least 32 bytes", e.getMessage());
        assertDoesNotThrow(() -> new SecretBox(new byte[32]));
        assertDoesNotThrow(() -> new SecretBox(new byte[64]));
    }

    @Test
    void theBoxKeepsItsOwnCopyOfTheKey() {
        byte[] master = KEY.clone();
        SecretBox own = new SecretBox(master);
        String sealed = own.encrypt("secret");
        byte[] macBefore = own.mac("p", "d");
        Arrays.fill(master, (byte) 0);
        assertEquals("secret", own.decrypt(sealed));
        assertArrayEquals(macBefore, own.mac("p", "d"));
    }

    // --- MAC ------------------------------------------------------------------------------------

    @Test
    void theMacIsDeterministic() {
        assertArrayEquals(box.mac("customer-pseudonym", "7:42"), box.mac("customer-pseudonym", "7:42"));
        assertArrayEquals(box.mac("customer-pseudonym", "7:42"),
                new SecretBox(KEY.clone()).mac("customer-pseudonym", "7:42"));
        assertEquals(32, box.mac("customer-pseudonym", "7:42").length);
    }

    @Test
    void theMacDiffersPerPurposeDataAndKey() {
        byte[] mac = box.mac("customer-pseudonym", "7:42");
        assertFalse(Arrays.equals(mac, box.mac("unsubscribe-link", "7:42")), "purpose");
        assertFalse(Arrays.equals(mac, box.mac("customer-pseudonym", "7:43")), "data");
        assertFalse(Arrays.equals(mac, new SecretBox(OTHER_KEY).mac("customer-pseudonym", "7:42")), "key");
    }

    @Test
    void theEncryptionKeyIsNeverAMacKey() {
        assertThrows(IllegalArgumentException.class, () -> box.mac("encryption", "7:42"));
    }

    @Test
    void theMacIsUnderAKeyDerivedForThePurposeNotTheMasterKey() {
        // pinned with the JDK alone: a changed derivation would silently give every customer a new pseudonym
        assertArrayEquals(hmac(hmac(KEY, "marque:customer-pseudonym"), "7:42"), box.mac("customer-pseudonym", "7:42"));
        assertFalse(Arrays.equals(hmac(KEY, "7:42"), box.mac("customer-pseudonym", "7:42")));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] gcm(byte[] key, byte[] nonce, String plain) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = Arrays.copyOf(nonce, nonce.length + sealed.length);
            System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
            return all;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
