package io.marque.portal.billing.dunning;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.invoice.BillingSettings;
import io.marque.portal.billing.invoice.DunningStep;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.billing.invoice.InvoiceKind;
import io.marque.portal.billing.invoice.InvoiceStatus;
import io.marque.portal.billing.order.HostingService;
import io.marque.portal.billing.order.ServiceStatus;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.Server;
import io.marque.portal.server.ServerBilling;
import io.marque.portal.server.SuspensionCause;
import io.marque.portal.tenant.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dunning of unpaid invoices: customer invoices (reseller → customer) and wholesale invoices (provider →
 * reseller) go through the steps of {@link DunningSchedule}, each once, audited and mailed; extensions;
 * and the return of suspended services when an invoice is paid.
 *
 * <ul>
 * <li>{@link #run(LocalDate)} is the system job ({@link DunningTimer} calls it with the provider's today;
 * tests with any day): every unpaid invoice in its own transaction, so one that fails does not hold up
 * the others, and running twice on one day takes nothing twice.</li>
 * <li>{@link #extend} moves an invoice's due date for dunning: a provider admin extends the provider's
 * invoices to resellers; a reseller admin its own invoices to its customers. The provider never reaches a
 * customer invoice (it is the reseller's business), a reseller never extends what it owes the provider.</li>
 * <li>{@link #restore(long)} is for the payment code: called when an invoice is paid (or voided) after its
 * services were suspended, it brings them back.</li>
 * </ul>
 *
 * <p>A suspension for a customer invoice is the reseller's ({@link SuspensionCause#RESELLER}, with a note
 * in the reseller's words the customer reads); termination takes the server back from the customer and
 * the reseller keeps it. For a wholesale invoice the suspension is the provider's (no note: the reseller
 * explains it to its customer in its own words) and termination returns the servers to the provider's pool.
 * An extension moves the steps not yet taken; it does not lift a suspension already made (the invoice's
 * payment does, through {@link #restore}) and cannot undo a termination.
 */
@Stateless
public class Dunning {

    /** An extension reaches at most this many days past the invoice's original due date. */
    public static final int MAX_EXTENSION_DAYS = 60;

    private static final Logger LOG = Logger.getLogger(Dunning.class.getName());

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    ServerBilling servers;

    @Inject
    DunningNotifier notifier;

    @Inject
    AuditRecorder audit;

    /**
     * Takes the steps due on {@code today} of every unpaid customer and wholesale invoice, each invoice in
     * a transaction of its own; a failing invoice is logged and the others go on.
     *
     * @return how many steps were taken, over all invoices
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int run(LocalDate today) {
        // an invoice due within the reminder's reach, or earlier; an extension only makes its steps later
        List<Long> candidates = em.createNamedQuery("Invoice.dunningDue", Long.class)
                .setParameter("until", today.plusDays(DunningSchedule.REMIND_DAYS_BEFORE)).getResultList();
        Dunning self = context.getBusinessObject(Dunning.class);
        int taken = 0;
        for (long invoiceId : candidates) {
            try {
                taken += self.advance(invoiceId, today);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Dunning of invoice " + invoiceId + " failed and is tried again on the next run", e);
            }
        }
        return taken;
    }

    /**
     * One invoice's steps due on {@code today}, in a transaction of its own under the invoice's row lock
     * (two runs at once take each step once). Public only so {@link #run} reaches it through the
     * container; not for other callers.
     *
     * @return how many steps it took
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int advance(long invoiceId, LocalDate today) {
        Invoice invoice = em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null || !dunned(invoice.getKind())) {
            return 0;
        }
        List<DunningStep> steps = DunningSchedule.toTake(invoice.getStatus(), invoice.getDunningStep(),
                invoice.effectiveDueOn(), today);
        for (DunningStep step : steps) {
            take(invoice, step);
        }
        return steps.size();
    }

    /**
     * Extends an unpaid invoice's due date for dunning to {@code until}: every step not taken yet moves with
     * it. A provider admin extends the provider's wholesale invoices; a reseller admin its customer invoices.
     * Another tenant's invoice, and for the provider any customer invoice, is not found.
     *
     * @param until after the current effective due date, not before today, and at most
     *              {@value #MAX_EXTENSION_DAYS} days after the original due date
     */
    public void extend(Actor actor, long invoiceId, LocalDate until) {
        actor.require(Role.PROVIDER_ADMIN, Role.RESELLER_ADMIN);
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null || !mayExtend(actor, invoice)) {
            throw new NotFoundException("Invoice");
        }
        em.refresh(invoice, LockModeType.PESSIMISTIC_WRITE);
        if (invoice.getStatus() != InvoiceStatus.ISSUED) {
            throw new InvalidInputException("", "dunning.error.notUnpaid");
        }
        if (invoice.getDunningStep() == DunningStep.TERMINATED) {
            throw new InvalidInputException("", "dunning.error.terminated");
        }
        LocalDate before = invoice.effectiveDueOn();
        if (until == null) {
            throw new InvalidInputException("until", "error.required");
        }
        if (!until.isAfter(before)) {
            throw new InvalidInputException("until", "dunning.error.until.notLater");
        }
        if (until.isAfter(invoice.getDueOn().plusDays(MAX_EXTENSION_DAYS))) {
            throw new InvalidInputException("until", "dunning.error.until.tooLate");
        }
        if (until.isBefore(today())) {
            throw new InvalidInputException("until", "dunning.error.until.past");
        }
        invoice.extendTo(until);
        audit.recordOn(invoice.getTenantId(), actor, "invoice.extended", invoice.getNumber(),
                "due " + before + " → " + until + " (dunning step " + invoice.getDunningStep() + ")");
    }

    /**
     * Brings back the services a paid (or voided) invoice's dunning suspended: each becomes active and its
     * server's suspension is lifted, unless another unpaid invoice still holds the same service suspended,
     * or the server's suspension is not the one dunning made. Nothing happens for an invoice whose
     * services were not suspended, or were terminated already (that is final). For the payment code to
     * call in the transaction that marks the invoice paid.
     *
     * @return how many services came back
     * @throws IllegalStateException when the invoice is still unpaid
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int restore(long invoiceId) {
        // the caller changed the invoice in this transaction (its update locks the row); the services are locked below
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw new NotFoundException("Invoice");
        }
        if (invoice.getStatus() == InvoiceStatus.ISSUED) {
            throw new IllegalStateException("Invoice " + invoice.getNumber() + " is not paid: nothing to restore");
        }
        if (!dunned(invoice.getKind()) || invoice.getDunningStep() != DunningStep.SUSPENDED) {
            return 0;
        }
        String note = invoice.getKind() == InvoiceKind.CUSTOMER ? notifier.suspensionNote(invoice) : null;
        List<Long> restored = new ArrayList<>();
        for (HostingService service : services(invoice)) {
            if (service.getStatus() != ServiceStatus.SUSPENDED || heldByAnother(invoice, service)) {
                continue;
            }
            service.setStatus(ServiceStatus.ACTIVE);
            if (service.getServerId() != null) {
                servers.unsuspend(service.getServerId(), cause(invoice), note, "invoice " + invoice.getNumber() + " paid");
            }
            restored.add(service.getId());
        }
        record(invoice, "invoice.dunning.restored", "services " + restored);
        return restored.size();
    }

    /** Today where the provider is: the day the timer's run and the extension rules count with. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LocalDate today() {
        String zone = em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getTimeZone();
        return LocalDate.now(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
    }

    private void take(Invoice invoice, DunningStep step) {
        String detail = "due " + invoice.effectiveDueOn();
        List<String> touched = List.of();
        boolean mail = true;
        switch (step) {
            case LATE_FEE -> {
                Money fee = lateFee(invoice);
                if (fee.isZero() || !invoice.lateFee().isZero()) {
                    mail = false;
                    detail += "; no late fee";
                } else {
                    invoice.chargeLateFee(fee);
                    detail += "; late fee " + fee + ", total " + invoice.total();
                }
            }
            case SUSPENDED -> touched = suspend(invoice);
            case TERMINATED -> touched = terminate(invoice);
            default -> {
            }
        }
        invoice.dunning(step);
        if (!touched.isEmpty()) {
            detail += "; servers " + String.join(", ", touched);
        }
        if (mail) {
            List<String> mailed = notifier.stepTaken(invoice, step, touched);
            detail += mailed.isEmpty() ? "; nobody to mail" : "; mailed " + String.join(", ", mailed);
        }
        record(invoice, action(step), detail);
    }

    /** Suspends the invoice's services that are not ended, and their servers; answers the servers' names. */
    private List<String> suspend(Invoice invoice) {
        String note = invoice.getKind() == InvoiceKind.CUSTOMER ? notifier.suspensionNote(invoice) : null;
        List<String> hostnames = new ArrayList<>();
        for (HostingService service : services(invoice)) {
            if (service.getStatus() == ServiceStatus.TERMINATED) {
                continue;
            }
            service.setStatus(ServiceStatus.SUSPENDED);
            if (service.getServerId() != null) {
                servers.suspend(service.getServerId(), cause(invoice), note, "invoice " + invoice.getNumber() + " overdue");
                hostnames.add(hostname(service.getServerId()));
            }
        }
        return hostnames;
    }

    /**
     * Ends the invoice's services. A customer's server goes back to its reseller; a reseller's servers go
     * back to the provider's pool. Answers the servers' names.
     */
    private List<String> terminate(Invoice invoice) {
        List<String> hostnames = new ArrayList<>();
        String detail = "invoice " + invoice.getNumber() + " unpaid " + DunningSchedule.TERMINATE_DAYS_AFTER
                + " days after its due date";
        for (HostingService service : services(invoice)) {
            if (service.getStatus() == ServiceStatus.TERMINATED) {
                continue;
            }
            service.setStatus(ServiceStatus.TERMINATED);
            if (service.getServerId() != null) {
                hostnames.add(hostname(service.getServerId()));
                if (invoice.getKind() == InvoiceKind.CUSTOMER) {
                    servers.takeBackFromCustomer(service.getServerId(), detail);
                } else {
                    servers.returnToPool(service.getServerId(), detail);
                }
            }
        }
        return hostnames;
    }

    /** The services the invoice bills: its lines' services, and the services its lines' orders became. */
    private List<HostingService> services(Invoice invoice) {
        return em.createNamedQuery("HostingService.onInvoice", HostingService.class)
                .setParameter("tenant", invoice.getTenantId()).setParameter("invoice", invoice.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private boolean heldByAnother(Invoice invoice, HostingService service) {
        return em.createNamedQuery("Invoice.suspendingService", Long.class).setParameter("tenant", invoice.getTenantId())
                .setParameter("invoice", invoice.getId()).setParameter("service", service.getId())
                .setParameter("order", service.getOrderId()).getSingleResult() > 0;
    }

    /** The late fee of whoever issued the invoice (the reseller for its customers, the provider for resellers). */
    private Money lateFee(Invoice invoice) {
        BillingSettings settings = em.find(BillingSettings.class, invoice.getIssuerTenantId());
        return settings == null ? Money.zero(invoice.getCurrency()) : settings.lateFee(invoice.getCurrency());
    }

    private String hostname(long serverId) {
        Server server = em.find(Server.class, serverId);
        return server == null ? "server " + serverId : server.getHostname();
    }

    /** In the reseller's log; a wholesale invoice's also in the provider's, whose invoice it is. */
    private void record(Invoice invoice, String action, String detail) {
        audit.recordAnonymous(invoice.getTenantId(), ServerBilling.WHO, action, invoice.getNumber(), detail, null);
        if (invoice.getKind() == InvoiceKind.WHOLESALE && invoice.getIssuerTenantId() != invoice.getTenantId()) {
            audit.recordAnonymous(invoice.getIssuerTenantId(), ServerBilling.WHO, action, invoice.getNumber(), detail, null);
        }
    }

    private boolean mayExtend(Actor actor, Invoice invoice) {
        if (actor.has(Role.PROVIDER_ADMIN)) {
            return invoice.getKind() == InvoiceKind.WHOLESALE && invoice.getIssuerTenantId() == actor.tenantId();
        }
        if (invoice.getTenantId() != actor.tenantId()) {
            return false;
        }
        if (invoice.getKind() == InvoiceKind.WHOLESALE) {
            throw new ForbiddenException("Only the provider extends what a reseller owes it");
        }
        return invoice.getKind() == InvoiceKind.CUSTOMER;
    }

    /** The audit action of a step: {@code invoice.dunning.reminded}, {@code invoice.dunning.lateFee}, … */
    static String action(DunningStep step) {
        return switch (step) {
            case NONE -> throw new IllegalArgumentException("NONE is not a step to take");
            case REMINDED -> "invoice.dunning.reminded";
            case OVERDUE -> "invoice.dunning.overdue";
            case LATE_FEE -> "invoice.dunning.lateFee";
            case SUSPENDED -> "invoice.dunning.suspended";
            case TERMINATED -> "invoice.dunning.terminated";
        };
    }

    private static boolean dunned(InvoiceKind kind) {
        return kind == InvoiceKind.CUSTOMER || kind == InvoiceKind.WHOLESALE;
    }

    private static SuspensionCause cause(Invoice invoice) {
        return invoice.getKind() == InvoiceKind.CUSTOMER ? SuspensionCause.RESELLER : SuspensionCause.PROVIDER;
    }
}
