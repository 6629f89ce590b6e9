package io.marque.portal.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Accepts a finished mail into the outbox inside the caller's transaction ({@code MANDATORY}): the
 * mail exists if and only if the change that caused it committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public OutboxMail enqueue(ComposedMail mail) {
        OutboxMail row = new OutboxMail(mail.tenantId(), mail.messageId(), mail.sender(), mail.recipient(),
                mail.subject(), mail.mime(), Instant.now());
        em.persist(row);
        return row;
    }
}
