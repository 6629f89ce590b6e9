package io.marque.portal.mail;

/**
 * A reseller's own SMTP relay, with its password in clear for the moment of sending. Never logged:
 * {@link #toString()} leaves the password out.
 *
 * @param user     null to send without authentication
 * @param password null when {@code user} is null
 */
public record SmtpRelay(String host, int port, boolean starttls, String user, String password) {

    @Override
    public String toString() {
        return "SmtpRelay[" + host + ":" + port + (starttls ? " starttls" : "") + (user == null ? "" : " as " + user) + "]";
    }
}
