package io.marque.portal.mail.inbound;

/**
 * Where a reseller's mail is fetched from, with the password in clear for the moment of connecting.
 * Never logged: {@link #toString()} leaves the password out.
 *
 * @param tls      IMAP over TLS ({@code imaps}); otherwise plain IMAP, upgraded with STARTTLS where offered
 * @param password null when the stored one cannot be decrypted (the installation's key changed) or is missing
 */
public record ImapAccount(long tenantId, String host, int port, boolean tls, String user, String password,
        String folder) {

    @Override
    public String toString() {
        return "ImapAccount[" + tenantId + ": " + user + "@" + host + ":" + port + (tls ? " tls" : "") + " " + folder
                + "]";
    }
}
