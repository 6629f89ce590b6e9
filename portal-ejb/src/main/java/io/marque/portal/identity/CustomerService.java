package io.marque.portal.identity;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * A reseller's customers: listed and searched by its staff, invited or disabled by them, or
 * signing up themselves where the reseller allows it. Only a reseller's own staff reach its
 * customers; the provider has no way to list them.
 */
@Stateless
public class CustomerService {

    public static final int PAGE = 25;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    @Inject
    PasswordResetService links;

    @Inject
    DomainDirectory directory;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<SessionsRevoked> revoked;

    /**
     * One page of customers in id order, after {@code afterId} (keyset paging), whose name, company
     * or e-mail contains {@code search} (case-insensitive); one more than {@link #PAGE} is never returned.
     */
    public List<CustomerView> page(Actor actor, String search, Long afterId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        String term = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        if (term.length() > 100) {
            throw new InvalidInputException("search", "error.text.invalid");
        }
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var query = em.createQuery("select c from Customer c where c.tenantId = :tenant and c.id > :after"
                + (term.isEmpty() ? "" : " and (lower(c.name) like :q escape '\\' or lower(c.email) like :q escape '\\'"
                        + " or lower(coalesce(c.company, '')) like :q escape '\\')")
                + " order by c.id", Customer.class)
                .setParameter("tenant", actor.tenantId())
                .setParameter("after", afterId == null ? 0L : afterId)
                .setMaxResults(PAGE);
        if (!term.isEmpty()) {
            query.setParameter("q", like);
        }
        return query.getResultStream().map(CustomerView::of).toList();
    }

    /** One customer of the reseller; another tenant's is not found. */
    public CustomerView get(Actor actor, long customerId) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null || customer.getTenantId() != actor.tenantId()) {
            throw new io.marque.portal.platform.NotFoundException("Customer");
        }
        return CustomerView.of(customer);
    }

    public long count(Actor actor) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        return em.createQuery("select count(c) from Customer c where c.tenantId = :tenant", Long.class)
                .setParameter("tenant", actor.tenantId()).getSingleResult();
    }

    /** Creates an invited customer and mails it a link to set its password. */
    public CustomerView invite(Actor actor, String name, String company, String email, Locale locale) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        Customer customer = create(actor.tenantId(), name, company, email, CustomerStatus.INVITED);
        User user = users.byEmail(actor.tenantId(), customer.getEmail()).orElseThrow();
        links.sendInvitation(user, locale);
        audit.record(actor, "customer.invited", customer.getEmail(), null);
        return CustomerView.of(customer);
    }

    public void setEnabled(Actor actor, long customerId, boolean enabled) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        Customer customer = em.createQuery("select c from Customer c where c.tenantId = :tenant and c.id = :id", Customer.class)
                .setParameter("tenant", actor.tenantId()).setParameter("id", customerId)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Customer"));
        for (User user : em.createNamedQuery("User.ofCustomer", User.class).setParameter("tenant", actor.tenantId())
                .setParameter("customer", customerId).getResultList()) {
            user.setStatus(enabled ? (user.getPasswordHash() == null ? UserStatus.INVITED : UserStatus.ACTIVE)
                    : UserStatus.DISABLED);
            if (!enabled) {
                revoked.fire(new SessionsRevoked(user.getId()));
            }
        }
        customer.setStatus(enabled ? (customer.getStatus() == CustomerStatus.DISABLED ? CustomerStatus.ACTIVE
                : customer.getStatus()) : CustomerStatus.DISABLED);
        audit.record(actor, enabled ? "customer.enabled" : "customer.disabled", customer.getEmail(), null);
    }

    /**
     * A customer signs itself up on a reseller's domain, where the reseller has turned sign-up on.
     *
     * @throws InvalidInputException when sign-up is off, an input is invalid or the address has an account
     */
    public void signUp(long tenantId, String name, String email, char[] password, String clientAddress) {
        TenantSnapshot tenant = directory.byId(tenantId).orElseThrow(() -> new NotFoundException("Tenant"));
        if (tenant.isProvider() || !tenant.signupEnabled()) {
            throw new InvalidInputException("", "error.signup.closed");
        }
        String address = Fields.email("email", email);
        PasswordPolicy.check("password", password, address);
        Customer customer = create(tenantId, name, null, address, CustomerStatus.ACTIVE);
        User user = users.byEmail(tenantId, customer.getEmail()).orElseThrow();
        user.setPasswordHash(new PasswordHasher().hash(password));
        user.setStatus(UserStatus.ACTIVE);
        audit.recordAnonymous(tenantId, address, "customer.signed-up", address, null, clientAddress);
    }

    private Customer create(long tenantId, String name, String company, String email, CustomerStatus status) {
        // every field is checked before anything is refused, so the form (or API client) hears of all of them
        io.marque.portal.platform.Problems problems = new io.marque.portal.platform.Problems();
        String address = problems.check(() -> Fields.email("email", email));
        String fullName = problems.check(() -> Fields.text("name", name, 160));
        String companyName = problems.check(() -> Fields.optionalText("company", company, 160));
        problems.throwIfAny();
        if (users.byEmail(tenantId, address).isPresent()) {
            throw new InvalidInputException("email", "error.email.taken");
        }
        Instant now = Instant.now();
        Customer customer = new Customer(tenantId, fullName, companyName, address, status, now);
        em.persist(customer);
        em.flush();
        User user = new User(tenantId, address, fullName, EnumSet.of(Role.CUSTOMER),
                status == CustomerStatus.ACTIVE ? UserStatus.ACTIVE : UserStatus.INVITED, now);
        user.setCustomerId(customer.getId());
        em.persist(user);
        em.flush();
        return customer;
    }
}
