import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a mailbox password as Marque's SecretBox does (AES-256-GCM under HMAC-SHA256(key,
 * "marque:encryption"), "v1:" + Base64(nonce + ciphertext)), so the ticket benchmark can write
 * mailbox rows directly: {@code java bench/SealPassword.java <MARQUE_SECRET_KEY> <password>}.
 */
public class SealPassword {
    public static void main(String[] args) throws Exception {
        byte[] master = Base64.getDecoder().decode(args[0]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(master, "HmacSHA256"));
        byte[] key = mac.doFinal("marque:encryption".getBytes(StandardCharsets.UTF_8));
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(args[1].getBytes(StandardCharsets.UTF_8));
        System.out.println("v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
    }
}
