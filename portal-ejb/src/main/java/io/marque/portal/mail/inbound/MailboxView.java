package io.marque.portal.mail.inbound;

import java.io.Serializable;
import java.time.Instant;

/**
 * A reseller's mailbox settings as its admin sees them: every field but the passwords, of which it
 * learns only whether one is stored.
 *
 * @param lastError a message key naming what went wrong at the last poll, or null
 */
public record MailboxView(String imapHost, int imapPort, boolean imapTls, String imapUser, boolean imapPasswordSet,
        String imapFolder, String smtpHost, int smtpPort, boolean smtpStarttls, String smtpUser,
        boolean smtpPasswordSet, Instant lastPolledAt, String lastError) implements Serializable {

    static MailboxView of(Mailbox m) {
        return new MailboxView(m.getImapHost(), m.getImapPort(), m.isImapTls(), m.getImapUser(),
                m.getImapPassword() != null, m.getImapFolder(), m.getSmtpHost(), m.getSmtpPort(), m.isSmtpStarttls(),
                m.getSmtpUser(), m.getSmtpPassword() != null, m.getLastPolledAt(), m.getLastError());
    }

    public boolean polling() {
        return imapHost != null;
    }
}
