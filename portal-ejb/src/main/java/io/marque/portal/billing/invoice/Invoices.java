package io.marque.portal.billing.invoice;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.MoneyField;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.Users;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.Problems;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issues invoices (numbered in the issuer's series under its settings row's lock, so no two share a
 * number, and totalled by {@link InvoiceTotals}) and shows them to the three sides: a customer its own,
 * a reseller its customers' and the provider's to it, the provider only its invoices to resellers (law 3).
 */
@Stateless
public class Invoices {

    /** How many invoices one page of {@link #page} holds. */
    public static final int PAGE = 25;

    private static final Pattern PREFIX = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,15}$");

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    @Inject
    AuditRecorder audit;

    /**
     * Writes an invoice with its lines. Tax and terms come from the issuer's settings; a WHOLESALE
     * invoice is issued by the provider, any other by the reseller itself.
     */
    public Invoice issue(long tenantId, InvoiceKind kind, Long customerId, String currency, List<InvoiceLine.Draft> lines,
            LocalDate today) {
        return issue(tenantId, kind, customerId, currency, lines, today, null);
    }

    /** As {@link #issue(long, InvoiceKind, Long, String, List, LocalDate)}, due on {@code dueOn} (a renewal: the period's first day) or after the issuer's terms when null. */
    public Invoice issue(long tenantId, InvoiceKind kind, Long customerId, String currency, List<InvoiceLine.Draft> lines,
            LocalDate today, LocalDate dueOn) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An invoice has at least one line");
        }
        long issuer = kind == InvoiceKind.WHOLESALE ? providerId() : tenantId;
        BillingSettings settings = lockedSettings(issuer);
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(InvoiceLine.Draft::amount).toList(), currency,
                settings.getTaxLabel(), settings.getTaxRate());
        Invoice invoice = new Invoice(tenantId, issuer, kind, customerId, settings.takeNumber(), totals, today,
                dueOn != null ? dueOn : today.plusDays(settings.getPaymentTermsDays()), Instant.now());
        if (customerId != null) {
            Customer customer = em.find(Customer.class, customerId);
            invoice.billTo(customer.getName(), customer.getCompany(), customer.getEmail());
        }
        em.persist(invoice);
        em.flush();
        int position = 1;
        for (InvoiceLine.Draft line : lines) {
            em.persist(new InvoiceLine(invoice, position++, line));
        }
        return invoice;
    }

    /** The customer's own invoices and credit notes. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InvoiceView> ofCustomer(Actor actor) {
        actor.require(Role.CUSTOMER);
        long customerId = users.customerId(actor);
        return em.createNamedQuery("Invoice.ofCustomer", Invoice.class).setParameter("tenant", actor.tenantId())
                .setParameter("customer", customerId).setMaxResults(500).getResultList().stream()
                .map(i -> InvoiceView.of(i, null, today())).toList();
    }

    /** The reseller's invoices of one kind: to its customers (CUSTOMER, CREDIT_NOTE) or from the provider (WHOLESALE). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InvoiceView> ofReseller(Actor actor, InvoiceKind kind) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        List<Invoice> invoices = em.createNamedQuery("Invoice.ofTenant", Invoice.class).setParameter("tenant", actor.tenantId())
                .setParameter("kind", kind).setMaxResults(500).getResultList();
        Map<Long, String> names = customerNames(actor.tenantId(), invoices);
        return invoices.stream().map(i -> InvoiceView.of(i, names.get(i.getCustomerId()), today())).toList();
    }

    /**
     * One page of the reseller's invoices, newest first: of one kind, or every kind when {@code kind} is
     * null; those older than {@code beforeId} (keyset paging; {@code null} for the first page), at most
     * {@link #PAGE}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InvoiceView> page(Actor actor, InvoiceKind kind, Long beforeId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        var query = em.createQuery("select i from Invoice i where i.tenantId = :tenant and i.id < :before"
                + (kind == null ? "" : " and i.kind = :kind") + " order by i.id desc", Invoice.class)
                .setParameter("tenant", actor.tenantId()).setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(PAGE);
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        List<Invoice> invoices = query.getResultList();
        Map<Long, String> names = customerNames(actor.tenantId(), invoices);
        return invoices.stream().map(i -> InvoiceView.of(i, names.get(i.getCustomerId()), today())).toList();
    }

    /** The provider's invoices to resellers, newest first; one reseller's with {@code resellerId}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InvoiceView> wholesale(Actor actor, Long resellerId) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        String jpql = "select i from Invoice i where i.kind = io.marque.portal.billing.invoice.InvoiceKind.WHOLESALE"
                + (resellerId == null ? "" : " and i.tenantId = :tenant") + " order by i.id desc";
        var query = em.createQuery(jpql, Invoice.class).setMaxResults(500);
        if (resellerId != null) {
            query.setParameter("tenant", resellerId);
        }
        Map<Long, String> names = new HashMap<>();
        for (Tenant t : em.createNamedQuery("Tenant.resellers", Tenant.class).getResultList()) {
            names.put(t.getId(), t.getName());
        }
        return query.getResultList().stream().map(i -> InvoiceView.of(i, names.get(i.getTenantId()), today())).toList();
    }

    /**
     * One invoice as the actor may see it: a customer its own, reseller staff their tenant's (both kinds),
     * provider staff only WHOLESALE invoices. Anything else is not found.
     */
    public Invoice visible(Actor actor, long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null || !mayRead(actor, invoice)) {
            throw new NotFoundException("Invoice");
        }
        return invoice;
    }

    public List<InvoiceLine> lines(Invoice invoice) {
        return em.createNamedQuery("InvoiceLine.ofInvoice", InvoiceLine.class).setParameter("tenant", invoice.getTenantId())
                .setParameter("invoice", invoice.getId()).getResultList();
    }

    private boolean mayRead(Actor actor, Invoice invoice) {
        if (actor.has(Role.PROVIDER_AGENT) || actor.has(Role.PROVIDER_ADMIN)) {
            return invoice.getKind() == InvoiceKind.WHOLESALE && actor.tenantId() == invoice.getIssuerTenantId();
        }
        if (invoice.getTenantId() != actor.tenantId()) {
            return false;
        }
        if (actor.has(Role.RESELLER_AGENT) || actor.has(Role.RESELLER_ADMIN)) {
            return true;
        }
        return actor.has(Role.CUSTOMER) && invoice.getKind() != InvoiceKind.WHOLESALE
                && invoice.getCustomerId() != null && invoice.getCustomerId() == users.customerId(actor);
    }

    /** The actor's own billing settings: a reseller admin's for its customers, a provider admin's for resellers. */
    public BillingSettings settings(Actor actor) {
        actor.require(Role.RESELLER_ADMIN, Role.PROVIDER_ADMIN);
        return settingsOf(actor.tenantId());
    }

    public void saveSettings(Actor actor, SettingsForm form) {
        actor.require(Role.RESELLER_ADMIN, Role.PROVIDER_ADMIN);
        Tenant tenant = em.find(Tenant.class, actor.tenantId());
        Problems problems = new Problems();
        String prefix = form.prefix() == null ? "" : form.prefix().strip().toUpperCase(Locale.ROOT);
        if (!PREFIX.matcher(prefix).matches()) {
            problems.add("prefix", "billing.error.prefix");
        }
        String taxLabel = problems.check(() -> Fields.optionalText("taxLabel", form.taxLabel(), 40));
        BigDecimal taxRate = null;
        try {
            taxRate = new BigDecimal(form.taxRate() == null || form.taxRate().isBlank() ? "0" : form.taxRate().strip().replace(',', '.'));
            if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.valueOf(100)) > 0 || taxRate.scale() > 4) {
                problems.add("taxRate", "billing.error.taxRate");
            }
        } catch (NumberFormatException e) {
            problems.add("taxRate", "billing.error.taxRate");
        }
        if (form.termsDays() < 0 || form.termsDays() > 90) {
            problems.add("termsDays", "billing.error.termsDays");
        }
        Money lateFee = null;
        try {
            lateFee = form.lateFee() == null || form.lateFee().isBlank() ? Money.zero(tenant.getCurrency())
                    : MoneyField.of("lateFee", form.lateFee(), tenant.getCurrency());
        } catch (InvalidInputException e) {
            problems.add("lateFee", e.problems().get("lateFee"));
        }
        String bank = problems.check(() -> Fields.optionalMultiline("bankDetails", form.bankDetails(), 1000));
        problems.throwIfAny();
        BillingSettings settings = lockedSettings(actor.tenantId());
        settings.setInvoicePrefix(prefix);
        settings.setTaxLabel(taxLabel);
        settings.setTaxRate(taxRate);
        settings.setPaymentTermsDays(form.termsDays());
        settings.setLateFee(lateFee.amount());
        settings.setBankDetails(bank);
        audit.record(actor, "billing.settings.changed", prefix, "tax " + taxRate.stripTrailingZeros().toPlainString()
                + "%, terms " + form.termsDays() + " days, late fee " + lateFee);
    }

    /** What the billing settings form sends. */
    public record SettingsForm(String prefix, String taxLabel, String taxRate, int termsDays, String lateFee, String bankDetails) {
    }

    /** A tenant's settings, created with defaults (prefix from its slug, no tax, 14 days, no late fee) on first use. */
    public BillingSettings settingsOf(long tenantId) {
        BillingSettings settings = em.find(BillingSettings.class, tenantId);
        if (settings == null) {
            Tenant tenant = em.find(Tenant.class, tenantId);
            String prefix = tenant.getSlug().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
            settings = new BillingSettings(tenantId, prefix.substring(0, Math.min(prefix.length(), 16)));
            em.persist(settings);
            em.flush();
        }
        return settings;
    }

    private BillingSettings lockedSettings(long tenantId) {
        BillingSettings settings = em.find(BillingSettings.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        return settings != null ? settings : settingsOf(tenantId);
    }

    /** The provider's tenant id: it never changes, so each pooled instance asks once. */
    public long providerId() {
        if (providerId == null) {
            providerId = em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getId();
        }
        return providerId;
    }

    private Long providerId;

    private Map<Long, String> customerNames(long tenantId, List<Invoice> invoices) {
        List<Long> ids = invoices.stream().map(Invoice::getCustomerId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Customer c : em.createQuery("select c from Customer c where c.tenantId = :tenant and c.id in :ids", Customer.class)
                    .setParameter("tenant", tenantId).setParameter("ids", ids).getResultList()) {
                names.put(c.getId(), c.getName());
            }
        }
        return names;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static boolean isProvider(Tenant tenant) {
        return tenant.getKind() == TenantKind.PROVIDER;
    }
}
