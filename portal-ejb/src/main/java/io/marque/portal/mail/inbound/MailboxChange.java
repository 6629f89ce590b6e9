package io.marque.portal.mail.inbound;

/**
 * What a reseller admin submits on its mailbox page. A blank host turns that side off; a blank
 * password keeps the stored one. {@link #toString()} leaves the passwords out.
 */
public record MailboxChange(String imapHost, Integer imapPort, boolean imapTls, String imapUser, String imapPassword,
        String imapFolder, String smtpHost, Integer smtpPort, boolean smtpStarttls, String smtpUser,
        String smtpPassword) {

    @Override
    public String toString() {
        return "MailboxChange[imap=" + imapUser + "@" + imapHost + ":" + imapPort + (imapTls ? " tls" : "") + " "
                + imapFolder + ", smtp=" + smtpUser + "@" + smtpHost + ":" + smtpPort
                + (smtpStarttls ? " starttls" : "") + "]";
    }
}
