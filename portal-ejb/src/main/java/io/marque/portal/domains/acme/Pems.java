package io.marque.portal.domains.acme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.shredzone.acme4j.util.KeyPairUtils;

/**
 * Key pairs and certificate chains to and from PEM, the form the database, the file drop and nginx keep
 * them in.
 *
 * <p>Keys are EC P-256 ({@code secp256r1}), for accounts and certificates alike: every CA and every TLS
 * client of the last decade takes them, a handshake with them is cheaper than with RSA 2048 at a higher
 * security level, the PEM is a few lines, and making one takes a millisecond where RSA takes up to a
 * second. They are made by the JDK's own provider: acme4j's {@code KeyPairUtils.createECKeyPair} wants
 * Bouncy Castle registered as a JVM-wide security provider, which a deployment in a shared application
 * server should not do. Key PEM is the OpenSSL "traditional" form ("EC PRIVATE KEY", which carries the
 * public key too, so a key pair comes back whole; nginx and openssl read it), read by acme4j's
 * {@link KeyPairUtils} and written with Bouncy Castle's PEM writer. Certificates need nothing but the JDK.
 */
public final class Pems {

    private Pems() {
    }

    /** A new EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot make EC P-256 keys", e);
        }
    }

    /**
     * The key pair as PEM, unencrypted: "EC PRIVATE KEY" (RFC 5915, with the public key inside) or
     * "RSA PRIVATE KEY".
     */
    public static String toPem(KeyPair keyPair) {
        StringWriter pem = new StringWriter();
        try {
            if (keyPair.getPrivate() instanceof ECPrivateKey ec) {
                try (PemWriter writer = new PemWriter(pem)) {
                    writer.writeObject(new PemObject("EC PRIVATE KEY", withPublicKey(ec, keyPair.getPublic()).getEncoded()));
                }
            } else {
                KeyPairUtils.writeKeyPair(keyPair, pem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return pem.toString();
    }

    /**
     * The private key in RFC 5915 form, with its public key. The JDK encodes an EC private key without
     * the public key, which acme4j's {@code KeyPairUtils.writeKeyPair} then leaves out of the PEM, so
     * {@code readKeyPair} cannot read it back; openssl and nginx would, but a key pair must survive the
     * round trip through the database.
     */
    private static org.bouncycastle.asn1.sec.ECPrivateKey withPublicKey(ECPrivateKey key, PublicKey publicKey) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        try {
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                    info.parsePrivateKey());
            if (sec1.getPublicKey() != null) {
                return sec1;
            }
            return new org.bouncycastle.asn1.sec.ECPrivateKey(key.getParams().getOrder().bitLength(), key.getS(),
                    SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData(),
                    info.getPrivateKeyAlgorithm().getParameters());
        } catch (IOException e) {
            throw new IllegalArgumentException("An EC private key that cannot be encoded", e);
        }
    }

    /**
     * Reads a key pair written by {@link #toPem(KeyPair)} or by {@code openssl} in the traditional form
     * ("EC PRIVATE KEY", "RSA PRIVATE KEY").
     *
     * @throws IOException when the text holds no such key pair
     */
    public static KeyPair keyPairFromPem(String pem) throws IOException {
        try {
            KeyPair keyPair = KeyPairUtils.readKeyPair(new StringReader(pem));
            if (keyPair == null || keyPair.getPrivate() == null || keyPair.getPublic() == null) {
                throw new IOException("No key pair in the PEM text");
            }
            return keyPair;
        } catch (RuntimeException e) { // acme4j casts whatever it finds (or nothing) to a key pair
            throw new IOException("The PEM text holds no traditional key pair", e);
        }
    }

    /** The certificates as consecutive PEM blocks, in the order given. */
    public static String toPem(List<X509Certificate> chain) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("A certificate that cannot be encoded", e);
            }
        }
        return pem.toString();
    }

    /**
     * The certificates of a PEM chain, in file order (for an ACME chain: leaf first).
     *
     * @throws IOException when the text holds no certificate or a broken one
     */
    public static List<X509Certificate> certificatesFromPem(String pem) throws IOException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new IOException("No certificate in the PEM text");
            }
            return List.copyOf(chain);
        } catch (CertificateException e) {
            throw new IOException("Not a PEM certificate chain: " + e.getMessage(), e);
        }
    }
}
