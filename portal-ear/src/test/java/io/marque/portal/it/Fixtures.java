package io.marque.portal.it;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.PasswordHasher;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.mail.OutboxMail;
import io.marque.portal.mail.inbound.ReceivedMail;
import io.marque.portal.tenant.Brand;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.Domain;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantCreated;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.ticket.Ticket;
import io.marque.portal.ticket.TicketMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Builds fresh, uniquely named resellers with an admin, an agent and a customer for tests that run
 * inside the server, so tests never depend on each other's data or on the demo tenants.
 */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "fixture-password-1";

    /** A reseller built for one test: ids of its users and customer, and actors for its staff. */
    public record Reseller(long tenantId, String host, long adminId, String adminEmail, long agentId,
            long customerId, long customerUserId, String customerEmail) {

        public Actor admin() {
            return new Actor(tenantId, adminId, adminEmail, EnumSet.of(Role.RESELLER_ADMIN), "127.0.0.1");
        }

        public Actor agent() {
            return new Actor(tenantId, agentId, "agent@" + host, EnumSet.of(Role.RESELLER_AGENT), "127.0.0.1");
        }

        public Actor customer() {
            return new Actor(tenantId, customerUserId, customerEmail, EnumSet.of(Role.CUSTOMER), "127.0.0.1");
        }
    }

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    Event<TenantCreated> created;

    private static final String HASH = new PasswordHasher().hash(PASSWORD.toCharArray());

    @Transactional
    public Reseller reseller(String label) {
        String slug = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        String host = slug + ".test";
        Instant now = Instant.now();
        Tenant tenant = new Tenant(TenantKind.RESELLER, slug, "Reseller " + slug, "base", now);
        em.persist(tenant);
        em.flush();
        em.persist(new Brand(tenant.getId(), "Reseller " + slug, "support@" + host, "#123456", "#654321", now));
        em.persist(new Domain(tenant.getId(), host, true, now));
        em.flush();
        created.fire(new TenantCreated(tenant.getId(), TenantKind.RESELLER, "Reseller " + slug));
        User admin = user(tenant, "admin@" + host, Role.RESELLER_ADMIN, null);
        User agent = user(tenant, "agent@" + host, Role.RESELLER_AGENT, null);
        Customer customer = new Customer(tenant.getId(), "Carla Customer", "Carla Co", "carla@" + host,
                CustomerStatus.ACTIVE, now);
        em.persist(customer);
        em.flush();
        User customerUser = user(tenant, "carla@" + host, Role.CUSTOMER, customer.getId());
        em.flush();
        directory.invalidate();
        return new Reseller(tenant.getId(), host, admin.getId(), admin.getEmail(), agent.getId(), customer.getId(),
                customerUser.getId(), customerUser.getEmail());
    }

    /** Another active customer of a fixture reseller, with a login; answers its actor. */
    @Transactional
    public Actor anotherCustomer(Reseller reseller, String name) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "@" + reseller.host();
        Customer customer = new Customer(reseller.tenantId(), name, null, email, CustomerStatus.ACTIVE, Instant.now());
        em.persist(customer);
        em.flush();
        Tenant tenant = em.find(Tenant.class, reseller.tenantId());
        User user = user(tenant, email, Role.CUSTOMER, customer.getId());
        em.flush();
        return new Actor(reseller.tenantId(), user.getId(), email, EnumSet.of(Role.CUSTOMER), "127.0.0.1");
    }

    /** The demo provider's agent, as an actor. */
    @Transactional
    public Actor providerAgent() {
        Tenant provider = em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult();
        User agent = em.createQuery("select u from User u where u.tenantId = :t and u.roles like '%PROVIDER_AGENT%'", User.class)
                .setParameter("t", provider.getId()).setMaxResults(1).getSingleResult();
        return new Actor(provider.getId(), agent.getId(), agent.getEmail(), EnumSet.of(Role.PROVIDER_AGENT), "127.0.0.1");
    }

    /** A ticket's reply token, as its mails carry it in {@code Reply-To}. */
    @Transactional
    public String replyToken(long tenantId, long number) {
        return ticket(tenantId, number).getReplyToken();
    }

    /** The Message-ID of the first mail the customer got about a ticket. */
    @Transactional
    public String threadMessageId(long tenantId, long number) {
        return ticket(tenantId, number).getThreadMessageId();
    }

    /** Every message of a ticket, whatever its visibility, oldest first. */
    @Transactional
    public List<TicketMessage> messages(long tenantId, long number) {
        Ticket ticket = ticket(tenantId, number);
        return em.createQuery("select m from TicketMessage m where m.tenantId = :t and m.ticketId = :ticket order by m.id",
                TicketMessage.class).setParameter("t", tenantId).setParameter("ticket", ticket.getId()).getResultList();
    }

    /** How many tickets a tenant has. */
    @Transactional
    public long ticketCount(long tenantId) {
        return em.createQuery("select count(t) from Ticket t where t.tenantId = :t", Long.class)
                .setParameter("t", tenantId).getSingleResult();
    }

    /** The record of every mail that reached a tenant, newest first. */
    @Transactional
    public List<ReceivedMail> receivedMails(long tenantId) {
        return em.createNamedQuery("ReceivedMail.recent", ReceivedMail.class).setParameter("tenant", tenantId)
                .getResultList();
    }

    /** Everyone a tenant's outbox has mailed or will mail. */
    @Transactional
    public List<String> outboxRecipients(long tenantId) {
        return em.createQuery("select m from OutboxMail m where m.tenantId = :t", OutboxMail.class)
                .setParameter("t", tenantId).getResultStream().map(OutboxMail::getRecipient).toList();
    }

    private Ticket ticket(long tenantId, long number) {
        return em.createNamedQuery("Ticket.byNumber", Ticket.class).setParameter("tenant", tenantId)
                .setParameter("number", number).getSingleResult();
    }

    /** The demo provider's admin, as an actor. */
    @Transactional
    public Actor providerAdmin() {
        Tenant provider = em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult();
        User admin = em.createQuery("select u from User u where u.tenantId = :t and u.roles like '%PROVIDER_ADMIN%'", User.class)
                .setParameter("t", provider.getId()).setMaxResults(1).getSingleResult();
        return new Actor(provider.getId(), admin.getId(), admin.getEmail(), EnumSet.of(Role.PROVIDER_ADMIN), "127.0.0.1");
    }

    private User user(Tenant tenant, String email, Role role, Long customerId) {
        User user = new User(tenant.getId(), email, email, EnumSet.of(role), UserStatus.ACTIVE, Instant.now());
        user.setPasswordHash(HASH);
        user.setCustomerId(customerId);
        em.persist(user);
        return user;
    }
}
