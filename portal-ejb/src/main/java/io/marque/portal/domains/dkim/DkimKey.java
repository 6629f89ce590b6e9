package io.marque.portal.domains.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One DKIM key pair of a reseller's mail domain: the private half signs its mails, the public half is
 * what the reseller publishes in DNS at {@code <selector>._domainkey.<mail domain>}. RSA with 2048 bits,
 * the size every receiver accepts (1024 is called weak by some, 4096 does not fit in one UDP answer
 * for some resolvers).
 *
 * <p>The private key travels as PKCS#8 PEM ({@link #privateKeyPem()}), which is what gets stored
 * (encrypted) and what {@link #of(String, String)} takes back; the public key is derived from it, so
 * the two halves can never disagree.
 *
 * <pre>{@code
 * DkimKey key = DkimKey.generate(DkimKey.selectorFor(YearMonth.now()));
 * // show the reseller: name  m202611._domainkey.mail.acme.example   TXT  key.dnsRecordValue()
 * byte[] signed = new DkimSigner("mail.acme.example", key).sign(mime);
 * }</pre>
 */
public final class DkimKey {

    private static final int BITS = 2048;
    /** One DNS label, lower case: the selector is the first label of the record's name. */
    private static final Pattern SELECTOR = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    /** A TXT record's character-strings are at most 255 bytes each (RFC 1035, 3.3.14). */
    static final int TXT_STRING_MAX = 255;

    private final String selector;
    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;

    private DkimKey(String selector, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        this.selector = selector;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * A new RSA 2048 key pair.
     *
     * @param selector one lower-case DNS label, e.g. from {@link #selectorFor(YearMonth)}
     * @throws IllegalArgumentException when the selector is not one
     */
    public static DkimKey generate(String selector) {
        requireSelector(selector);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            KeyPair pair = generator.generateKeyPair();
            return new DkimKey(selector, (RSAPrivateCrtKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no RSA key generator", e);
        }
    }

    /**
     * The key stored earlier, rebuilt from its private half.
     *
     * @param privateKeyPem what {@link #privateKeyPem()} gave (PKCS#8, {@code BEGIN PRIVATE KEY})
     * @throws IllegalArgumentException when the selector is no DNS label or the PEM holds no RSA
     *                                  private key in PKCS#8
     */
    public static DkimKey of(String selector, String privateKeyPem) {
        requireSelector(selector);
        String text = privateKeyPem == null ? "" : privateKeyPem.strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
            throw new IllegalArgumentException("Not a PKCS#8 PEM private key (" + PEM_BEGIN + ")");
        }
        String body = text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()).replaceAll("\\s", "");
        RSAPrivateCrtKey key;
        RSAPublicKey publicKey;
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            // bad Base64, not PKCS#8, not RSA, or RSA without the CRT parts that carry the public exponent
            throw new IllegalArgumentException("The PEM holds no RSA private key in PKCS#8: " + e.getMessage(), e);
        }
        return new DkimKey(selector, key, publicKey);
    }

    /**
     * A selector for keys made in that month, e.g. {@code m202611}: a new key gets a new name, so the
     * old record can stay published while mails signed with the old key are still on their way. It
     * names nothing but the month (no product or provider: law 2, the reseller publishes it).
     */
    public static String selectorFor(YearMonth month) {
        return String.format("m%04d%02d", month.getYear(), month.getMonthValue());
    }

    /** The first label of the record's name: {@code <selector>._domainkey.<mail domain>}. */
    public String selector() {
        return selector;
    }

    /** The private key as PKCS#8 PEM, 64 characters a line: what is stored, encrypted. */
    public String privateKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded());
        return PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n";
    }

    /** The public key, DER (SubjectPublicKeyInfo) in Base64 on one line: the record's {@code p=}. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The TXT record's value as a reseller types it into a DNS form: {@code v=DKIM1; k=rsa; p=<base64>}. */
    public String dnsRecordValue() {
        return "v=DKIM1; k=rsa; p=" + publicKeyBase64();
    }

    /**
     * {@link #dnsRecordValue()} cut into the character-strings of one TXT record. A string holds at
     * most 255 bytes, and a 2048-bit key's value is about 410, so it takes two; receivers join the
     * strings of the record without anything between them (RFC 6376, 3.6.2.2), so the cut may fall
     * anywhere. Many DNS forms do the cutting themselves from {@link #dnsRecordValue()}; zone files and
     * APIs that take the record's presentation want {@link #dnsTxtPresentation()}.
     */
    public List<String> dnsTxtStrings() {
        String value = dnsRecordValue(); // ASCII only, so a character is a byte
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < value.length(); start += TXT_STRING_MAX) {
            strings.add(value.substring(start, Math.min(value.length(), start + TXT_STRING_MAX)));
        }
        return strings;
    }

    /**
     * The TXT record in zone-file presentation, each string quoted: {@code "v=DKIM1; k=rsa; p=MIIB…" "…"}.
     * This is the {@code content} PowerDNS's API takes for a TXT record. The value holds no quote or
     * backslash, so nothing needs escaping.
     */
    public String dnsTxtPresentation() {
        return String.join(" ", dnsTxtStrings().stream().map(s -> "\"" + s + "\"").toList());
    }

    /** For {@link DkimSigner}; never shown, never logged. */
    PrivateKey privateKey() {
        return privateKey;
    }

    /** Names the selector only: the private key must not end up in a log. */
    @Override
    public String toString() {
        return "DkimKey[" + selector + "]";
    }

    private static void requireSelector(String selector) {
        if (selector == null || !SELECTOR.matcher(selector).matches()) {
            throw new IllegalArgumentException("A DKIM selector is one lower-case DNS label (a-z, 0-9, -): " + selector);
        }
    }
}
