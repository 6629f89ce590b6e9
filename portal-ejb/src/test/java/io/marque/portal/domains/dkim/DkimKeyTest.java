package io.marque.portal.domains.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key a reseller's mail domain gets: what is stored, what is published, and that the two agree. */
class DkimKeyTest {

    private static DkimKey key;

    @BeforeAll
    static void generate() {
        key = DkimKey.generate("m202611");
    }

    @Test
    void aNewKeyIsRsa2048() throws Exception {
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKeyBase64())));
        assertEquals(2048, publicKey.getModulus().bitLength());
        assertEquals("m202611", key.selector());
        assertNotEquals(key.publicKeyBase64(), DkimKey.generate("m202611").publicKeyBase64(), "a new pair each time");
    }

    @Test
    void theStoredPemGivesBackTheSameKeyPair() {
        String pem = key.privateKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem);
        assertTrue(pem.endsWith("\n-----END PRIVATE KEY-----\n"), pem);
        assertTrue(pem.lines().allMatch(line -> line.length() <= 64), "64 characters a line");

        DkimKey back = DkimKey.of("m202611", pem);
        assertEquals(key.publicKeyBase64(), back.publicKeyBase64(), "the public half is derived from the private one");
        assertEquals(pem, back.privateKeyPem());
        assertEquals(key.dnsRecordValue(), back.dnsRecordValue());

        String windows = pem.replace("\n", "\r\n");
        assertEquals(key.publicKeyBase64(), DkimKey.of("m202611", "  " + windows).publicKeyBase64(), "CRLF, blanks");
    }

    @Test
    void whatIsNotAPkcs8RsaKeyIsRefusedPlainly() {
        assertThrows(IllegalArgumentException.class, () -> DkimKey.of("m202611", null));
        assertThrows(IllegalArgumentException.class, () -> DkimKey.of("m202611", "not a key"));
        assertThrows(IllegalArgumentException.class, () -> DkimKey.of("m202611",
                "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n"));
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> DkimKey.of("m202611",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
        assertTrue(broken.getMessage().contains("PKCS#8"), broken.getMessage());
    }

    @Test
    void theRecordValueIsWhatReceiversLookUp() {
        assertEquals("v=DKIM1; k=rsa; p=" + key.publicKeyBase64(), key.dnsRecordValue());
        assertTrue(key.dnsRecordValue().matches("v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*"), key.dnsRecordValue());
    }

    @Test
    void theValueIsCutIntoStringsOfAtMost255Bytes() {
        List<String> strings = key.dnsTxtStrings();
        assertEquals(2, strings.size(), "a 2048-bit key's record is about 410 bytes");
        assertEquals(255, strings.get(0).length());
        assertTrue(strings.stream().allMatch(s -> !s.isEmpty() && s.length() <= 255));
        assertEquals(key.dnsRecordValue(), String.join("", strings), "joined without anything between them");
        assertEquals("\"" + strings.get(0) + "\" \"" + strings.get(1) + "\"", key.dnsTxtPresentation());
    }

    @Test
    void theSelectorNamesTheMonthAndNothingElse() {
        assertEquals("m202611", DkimKey.selectorFor(YearMonth.of(2026, 11)));
        assertEquals("m202701", DkimKey.selectorFor(YearMonth.of(2027, 1)));
        DkimKey.generate(DkimKey.selectorFor(YearMonth.now())); // a valid selector
    }

    @Test
    void aSelectorIsOneLowerCaseDnsLabel() {
        for (String bad : new String[] {null, "", "M202611", "a.b", "-a", "a-", "a_b", "x".repeat(64)}) {
            assertThrows(IllegalArgumentException.class, () -> DkimKey.generate(bad), String.valueOf(bad));
            assertThrows(IllegalArgumentException.class, () -> DkimKey.of(bad, key.privateKeyPem()), String.valueOf(bad));
        }
    }

    @Test
    void theKeyDoesNotEndUpInALog() {
        assertEquals("DkimKey[m202611]", key.toString());
        assertFalse(key.toString().contains(key.publicKeyBase64().substring(0, 20)));
    }
}
