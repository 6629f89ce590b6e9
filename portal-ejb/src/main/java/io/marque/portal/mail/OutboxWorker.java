package io.marque.portal.mail;

import io.marque.portal.domains.MailDomains;
import io.marque.portal.domains.dkim.DkimSigner;
import io.marque.portal.mail.inbound.Mailbox;
import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one outbox mail in its own transaction, holding the row's lock while it sends so two nodes
 * never send the same mail. A failure schedules a retry with growing back-off; after
 * {@link #MAX_ATTEMPTS} the mail is marked FAILED and kept.
 */
@Stateless
public class OutboxWorker {

    static final int MAX_ATTEMPTS = 12;
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    MailTransport transport;

    @Inject
    SecretKeys secrets;

    @Inject
    MailDomains mailDomains;

    public List<Long> due(int limit) {
        return em.createNamedQuery("OutboxMail.due", Long.class).setParameter("now", Instant.now())
                .setMaxResults(limit).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deliver(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || mail.getStatus() != OutboxMail.Status.PENDING) {
            return;
        }
        Instant now = Instant.now();
        mail.setAttempts(mail.getAttempts() + 1);
        try {
            transport.send(mail.getId(), signed(mail), relayOf(mail.getTenantId()));
            mail.setStatus(OutboxMail.Status.SENT);
            mail.setSentAt(now);
            mail.setLastError(null);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            mail.setLastError(error.length() > 1000 ? error.substring(0, 1000) : error);
            if (mail.getAttempts() >= MAX_ATTEMPTS) {
                mail.setStatus(OutboxMail.Status.FAILED);
                LOG.log(Level.WARNING, "Mail {0} failed for good: {1}", new Object[] {id, error});
            } else {
                mail.setNextAttemptAt(now.plus(backoff(mail.getAttempts())));
                LOG.log(Level.INFO, "Mail {0} not sent (attempt {1}), retrying: {2}",
                        new Object[] {id, mail.getAttempts(), error});
            }
        }
    }

    /**
     * The mail DKIM-signed for the reseller's mail domain when it brought one, signed at each attempt
     * so that a key replaced meanwhile signs it; as stored otherwise.
     */
    private byte[] signed(OutboxMail mail) {
        return mail.getTenantId() == null ? mail.getMime() : mailDomains.of(mail.getTenantId())
                .map(s -> new DkimSigner(s.mailDomain(), s.key()).sign(mail.getMime())).orElse(mail.getMime());
    }

    /**
     * The reseller's own relay if its mailbox names one, else null (the provider's). Read inside the
     * send's try: a password that no longer decrypts is a failed attempt with its error, not a
     * rolled-back one.
     */
    private SmtpRelay relayOf(Long tenantId) {
        Mailbox mailbox = tenantId == null ? null : em.find(Mailbox.class, tenantId);
        return mailbox == null ? null : mailbox.smtpRelay(secrets.box()).orElse(null);
    }

    /** 5 s, 10 s, 20 s … doubling, at most one hour. */
    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
