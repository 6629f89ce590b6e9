package io.marque.portal.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Looks for a person's name or address in every column that can hold a customer's personal data. */
@ApplicationScoped
public class PrivacyFixtures {

    /** table.column pairs holding a customer's personal data (docs/architecture.md, "Customer data"), invoices aside. */
    static final List<String> COLUMNS = List.of("customer.name", "customer.company", "customer.email",
            "app_user.email", "app_user.display_name", "ticket.subject", "ticket.rating_comment", "ticket.related_service",
            "ticket.escalation_reason", "ticket.tags", "ticket_message.body", "ticket_message.author_name",
            "ticket_message.public_name", "attachment.file_name", "inbound_mail.sender", "inbound_mail.subject",
            "inbound_mail.detail", "outbox_mail.recipient", "outbox_mail.subject", "activity.actor", "activity.target",
            "activity.detail", "server.reseller_label", "server.reseller_notes", "server_job.requested_email",
            "customer_order.note", "customer_order.created_by", "ledger_entry.actor", "ledger_entry.note",
            "payment.decided_by", "api_idempotency.body");

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    /** Each "table.column" where {@code text} occurs (ignoring case) in one tenant's rows. */
    @Transactional
    public List<String> whereFound(long tenantId, String text) {
        List<String> found = new ArrayList<>();
        for (String column : COLUMNS) {
            String[] parts = column.split("\\.");
            Number n = (Number) em.createNativeQuery("select count(*) from " + parts[0] + " where lower(cast(" + parts[1]
                    + " as varchar)) like ?1 and tenant_id = ?2").setParameter(1, "%" + text.toLowerCase(Locale.ROOT) + "%")
                    .setParameter(2, tenantId).getSingleResult();
            if (n.longValue() > 0) {
                found.add(column);
            }
        }
        return found;
    }

    /** How many invoice rows of the customer bill this name (bill_to_name). */
    @Transactional
    public long invoicesBilling(long customerId, String name) {
        return ((Number) em.createNativeQuery("select count(*) from invoice where customer_id = ?1 and bill_to_name = ?2")
                .setParameter(1, customerId).setParameter(2, name).getSingleResult()).longValue();
    }

    /** A snapshot of the customer's invoice rows and lines, to compare before and after. */
    @Transactional
    public List<String> invoiceRows(long customerId) {
        List<String> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("select concat(i.number, '|', i.kind, '|', i.status, '|', cast(i.total as varchar), '|',"
                + " cast(i.subtotal as varchar), '|', i.bill_to_name, '|', coalesce(i.bill_to_company, ''), '|', i.bill_to_email, '|',"
                + " cast(i.issued_on as varchar)) from invoice i where i.customer_id = ?1 order by i.id").setParameter(1, customerId)
                .getResultList()) {
            rows.add(String.valueOf(row));
        }
        for (Object row : em.createNativeQuery("select concat(l.description, '|', cast(l.amount as varchar)) from invoice_line l"
                + " join invoice i on i.id = l.invoice_id where i.customer_id = ?1 order by l.id").setParameter(1, customerId)
                .getResultList()) {
            rows.add(String.valueOf(row));
        }
        return rows;
    }

    /** How many attachments the tenant keeps. */
    @Transactional
    public long attachments(long tenantId) {
        return ((Number) em.createNativeQuery("select count(*) from attachment where tenant_id = ?1").setParameter(1, tenantId)
                .getSingleResult()).longValue();
    }
}
