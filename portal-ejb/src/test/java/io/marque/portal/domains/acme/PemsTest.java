package io.marque.portal.domains.acme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.util.CertificateUtils;
import org.shredzone.acme4j.util.KeyPairUtils;

/** Keys and chains survive the trip through PEM, and text that is not what it should be is refused. */
class PemsTest {

    @Test
    void newKeysAreFreshEcP256() {
        KeyPair one = Pems.newKeyPair();
        KeyPair two = Pems.newKeyPair();
        ECPublicKey key = (ECPublicKey) one.getPublic();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("EC", one.getPrivate().getAlgorithm());
        assertFalse(java.util.Arrays.equals(one.getPublic().getEncoded(), two.getPublic().getEncoded()));
    }

    @Test
    void aKeyPairSurvivesPemAndStillSigns() throws Exception {
        KeyPair original = Pems.newKeyPair();
        String pem = Pems.toPem(original);
        assertTrue(pem.startsWith("-----BEGIN EC PRIVATE KEY-----\n"), pem);
        assertTrue(pem.strip().endsWith("-----END EC PRIVATE KEY-----"), pem);

        KeyPair read = Pems.keyPairFromPem(pem);
        assertArrayEquals(original.getPublic().getEncoded(), read.getPublic().getEncoded());
        assertEquals(((ECPrivateKey) original.getPrivate()).getS(), ((ECPrivateKey) read.getPrivate()).getS());
        // the read private key signs what the original public key verifies
        byte[] data = "renewal".getBytes();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(read.getPrivate());
        signer.update(data);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(original.getPublic());
        verifier.update(data);
        assertTrue(verifier.verify(signer.sign()));
        assertEquals(pem, Pems.toPem(read), "a key pair read back is written the same");
    }

    @Test
    void rsaKeyPairsSurvivePemToo() throws Exception {
        KeyPair rsa = KeyPairUtils.createKeyPair(2048);
        String pem = Pems.toPem(rsa);
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), pem);
        KeyPair read = Pems.keyPairFromPem(pem);
        assertArrayEquals(rsa.getPublic().getEncoded(), read.getPublic().getEncoded());
        assertArrayEquals(rsa.getPrivate().getEncoded(), read.getPrivate().getEncoded());
    }

    @Test
    void whatIsNotAKeyPairIsRefused() {
        assertThrows(IOException.class, () -> Pems.keyPairFromPem(""));
        assertThrows(IOException.class, () -> Pems.keyPairFromPem("not pem at all"));
        assertThrows(IOException.class, () -> Pems.keyPairFromPem(Pems.toPem(List.of(certificate("CN=x")))));
        // a PKCS#8 key alone carries no public key: not a key pair in this sense
        String pkcs8 = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(Pems.newKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThrows(IOException.class, () -> Pems.keyPairFromPem(pkcs8));
    }

    @Test
    void aChainKeepsItsOrderThroughPem() throws Exception {
        X509Certificate leaf = certificate("CN=portal.acme-test.example");
        X509Certificate intermediate = certificate("CN=Intermediate");
        String pem = Pems.toPem(List.of(leaf, intermediate));
        assertEquals(2, pem.split("-----BEGIN CERTIFICATE-----", -1).length - 1);
        for (String line : pem.split("\n")) {
            assertTrue(line.length() <= 64, "PEM lines are at most 64 characters: " + line);
        }

        List<X509Certificate> read = Pems.certificatesFromPem(pem);
        assertEquals(List.of(leaf, intermediate), read);
        assertEquals(List.of(leaf), Pems.certificatesFromPem(Pems.toPem(List.of(leaf))));
    }

    @Test
    void whatIsNotAChainIsRefused() {
        assertThrows(IOException.class, () -> Pems.certificatesFromPem(""));
        assertThrows(IOException.class, () -> Pems.certificatesFromPem(
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"));
        assertThrows(IOException.class, () -> Pems.certificatesFromPem(Pems.toPem(Pems.newKeyPair())));
    }

    private static X509Certificate certificate(String subject) {
        Instant now = Instant.now();
        // acme4j's test helper signs with RSA only
        return CertificateUtils.createTestRootCertificate(subject, now, now.plus(Duration.ofDays(1)),
                KeyPairUtils.createKeyPair(2048));
    }
}
