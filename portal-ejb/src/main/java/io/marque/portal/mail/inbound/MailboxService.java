package io.marque.portal.mail.inbound;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.Problems;
import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A reseller admin's mailbox: the IMAP account its support mail is fetched from, and optionally its
 * own SMTP relay for its outgoing mail. Everything is the actor's own tenant's. Passwords go in and
 * never come out: they are stored encrypted, views only say whether one is set, a blank field keeps
 * the stored one, and the activity log records that a password changed, never what to.
 */
@Stateless
public class MailboxService {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    SecretKeys secrets;

    @Inject
    AuditRecorder audit;

    @Inject
    Mailboxes mailboxes;

    @Inject
    MailboxPoller poller;

    public MailboxView view(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        Mailbox mailbox = em.find(Mailbox.class, actor.tenantId());
        return MailboxView.of(mailbox == null ? new Mailbox(actor.tenantId()) : mailbox);
    }

    /**
     * Saves the settings; a blank IMAP host stops fetching, a blank SMTP host sends through the
     * provider's relay again. The password of a side that is turned off is forgotten.
     *
     * @throws InvalidInputException listing every bad field; nothing is stored
     */
    public void save(Actor actor, MailboxChange change) {
        actor.require(Role.RESELLER_ADMIN);
        Mailbox mailbox = em.find(Mailbox.class, actor.tenantId(), LockModeType.PESSIMISTIC_WRITE);
        boolean isNew = mailbox == null;
        if (isNew) {
            mailbox = new Mailbox(actor.tenantId());
        }

        Problems problems = new Problems();
        String imapHost = problems.check(() -> MailboxRules.host("imapHost", change.imapHost()));
        String imapUser = problems.check(() -> MailboxRules.user("imapUser", change.imapUser()));
        String imapPassword = problems.check(() -> MailboxRules.password("imapPassword", change.imapPassword()));
        String folder = problems.check(() -> MailboxRules.folder("imapFolder", change.imapFolder()));
        int imapPort = port(problems, "imapPort", change.imapPort(), imapHost, mailbox.getImapPort());
        if (imapHost != null && !imapHost.isEmpty()) {
            if (imapUser == null) {
                problems.add("imapUser", "error.required");
            }
            if (imapPassword == null && mailbox.getImapPassword() == null) {
                problems.add("imapPassword", "error.required");
            }
        }
        String smtpHost = problems.check(() -> MailboxRules.host("smtpHost", change.smtpHost()));
        String smtpUser = problems.check(() -> MailboxRules.user("smtpUser", change.smtpUser()));
        String smtpPassword = problems.check(() -> MailboxRules.password("smtpPassword", change.smtpPassword()));
        int smtpPort = port(problems, "smtpPort", change.smtpPort(), smtpHost, mailbox.getSmtpPort());
        if (smtpHost != null && !smtpHost.isEmpty() && smtpUser != null && smtpPassword == null
                && mailbox.getSmtpPassword() == null) {
            problems.add("smtpPassword", "error.required");
        }
        problems.throwIfAny();

        List<String> passwordsChanged = new ArrayList<>();
        mailbox.setImapHost(imapHost);
        mailbox.setImapPort(imapPort);
        mailbox.setImapTls(change.imapTls());
        mailbox.setImapUser(imapUser);
        mailbox.setImapFolder(folder);
        if (imapHost == null) {
            if (mailbox.getImapPassword() != null) {
                passwordsChanged.add("imap removed");
            }
            mailbox.setImapPassword(null);
            mailbox.setLastError(null);
        } else if (imapPassword != null) {
            mailbox.setImapPassword(secrets.box().encrypt(imapPassword));
            passwordsChanged.add("imap");
        }
        mailbox.setSmtpHost(smtpHost);
        mailbox.setSmtpPort(smtpPort);
        mailbox.setSmtpStarttls(change.smtpStarttls());
        mailbox.setSmtpUser(smtpUser);
        if (smtpHost == null || smtpUser == null) {
            if (mailbox.getSmtpPassword() != null) {
                passwordsChanged.add("smtp removed");
            }
            mailbox.setSmtpPassword(null);
        } else if (smtpPassword != null) {
            mailbox.setSmtpPassword(secrets.box().encrypt(smtpPassword));
            passwordsChanged.add("smtp");
        }
        if (isNew) {
            em.persist(mailbox);
        }
        audit.record(actor, "mailbox.changed", imapHost == null ? "" : imapHost, describe(mailbox)
                + (passwordsChanged.isEmpty() ? "" : "; passwords: " + String.join(", ", passwordsChanged)));
    }

    /**
     * Fetches the actor's mailbox now and answers what happened. Runs outside a transaction: each
     * mail is accepted in a transaction of its own, and marked read only after it committed.
     *
     * @throws InvalidInputException {@code error.mailbox.notConfigured} when no IMAP account is set
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PollResult pollNow(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        if (mailboxes.imapAccount(actor.tenantId()).isEmpty()) {
            throw new InvalidInputException("", "error.mailbox.notConfigured");
        }
        PollResult result = poller.pollTenant(actor.tenantId());
        mailboxes.recordCheck(actor, result);
        return result;
    }

    /** A port is checked only for a side that is turned on; otherwise the one stored (or the default) stays. */
    private static int port(Problems problems, String field, Integer value, String host, int stored) {
        if (host == null || host.isEmpty()) {
            return value != null && value >= 1 && value <= 65535 ? value : stored;
        }
        String checked = problems.check(() -> String.valueOf(MailboxRules.port(field, value)));
        return checked.isEmpty() ? stored : Integer.parseInt(checked);
    }

    private static String describe(Mailbox m) {
        String imap = m.getImapHost() == null ? "imap off"
                : "imap " + m.getImapUser() + "@" + m.getImapHost() + ":" + m.getImapPort() + (m.isImapTls() ? " tls" : "")
                        + " folder " + m.getImapFolder();
        String smtp = m.getSmtpHost() == null ? "smtp provider relay"
                : "smtp " + (m.getSmtpUser() == null ? "" : m.getSmtpUser() + "@") + m.getSmtpHost() + ":"
                        + m.getSmtpPort() + (m.isSmtpStarttls() ? " starttls" : "");
        return imap + "; " + smtp;
    }
}
