package io.marque.portal.mail.inbound;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.SecretKeys;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mailboxes as {@link MailboxPoller} needs them, across tenants and without a signed-in user:
 * which to fetch, how to reach each, and the small transactions that record how a fetch went. Not for
 * pages: those use {@link MailboxService}, which is scoped to the actor's tenant.
 */
@Stateless
public class Mailboxes {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    SecretKeys secrets;

    @Inject
    AuditRecorder audit;

    /** The resellers with an IMAP mailbox set, leaving out suspended ones. */
    public List<Long> pollable() {
        return em.createNamedQuery("Mailbox.pollable", Long.class).getResultStream()
                .filter(id -> directory.byId(id).filter(TenantSnapshot::isActive).filter(t -> !t.isProvider())
                        .isPresent())
                .toList();
    }

    public Optional<ImapAccount> imapAccount(long tenantId) {
        Mailbox mailbox = em.find(Mailbox.class, tenantId);
        return mailbox == null ? Optional.empty() : mailbox.imapAccount(secrets.box());
    }

    /** Records a fetch on its own, so it stays recorded whatever happens to the mails it fetched. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordPoll(long tenantId, Instant at, String error) {
        Mailbox mailbox = em.find(Mailbox.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (mailbox != null) {
            mailbox.setLastPolledAt(at);
            mailbox.setLastError(error);
        }
    }

    /** The activity entry of a check a reseller admin asked for. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordCheck(Actor actor, PollResult result) {
        audit.record(actor, "mailbox.checked", "", result.busy() ? "busy"
                : "accepted=" + result.accepted() + " left=" + result.left()
                        + (result.error() == null ? "" : " error=" + result.error()));
    }
}
