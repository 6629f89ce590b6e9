package io.marque.portal.domains.acme;

import java.time.Instant;
import java.util.Objects;

/**
 * A certificate as the CA issued it, with the private key made for it.
 *
 * @param chainPem      the leaf certificate first, then the intermediates, PEM; what a TLS server sends
 * @param privateKeyPem the leaf's private key, PEM; a secret: store it encrypted or with owner-only access
 * @param notBefore     start of the leaf's validity
 * @param notAfter      end of the leaf's validity, which renewal is planned from
 * @param serialHex     the leaf's serial number in lower-case hexadecimal, as the CA and openssl show it
 */
public record IssuedCertificate(String chainPem, String privateKeyPem, Instant notBefore, Instant notAfter,
        String serialHex) {

    public IssuedCertificate {
        Objects.requireNonNull(chainPem, "chainPem");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(serialHex, "serialHex");
    }

    /** Leaves the key out, so a certificate may be logged. */
    @Override
    public String toString() {
        return "IssuedCertificate[serial=" + serialHex + ", notBefore=" + notBefore + ", notAfter=" + notAfter + "]";
    }
}
