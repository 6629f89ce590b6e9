package io.marque.portal.demo;

import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.PasswordHasher;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.reseller.PolicyKind;
import io.marque.portal.reseller.ProgramSettings;
import io.marque.portal.reseller.ResellerProfile;
import io.marque.portal.tenant.Brand;
import io.marque.portal.tenant.Domain;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantCreated;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketAdministration;
import io.marque.portal.ticket.Visibility;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seeds the demo tenants and users (listed in the README) into an empty database, once. Turned off
 * with {@code MARQUE_DEMO_DATA=false}; it never touches a database that already has a tenant.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    public static final String PASSWORD = "demo-password";
    /** Bluebird's Alice has her own password: the same address on two resellers is two accounts. */
    public static final String BLUEBIRD_ALICE_PASSWORD = "bluebird-password";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    MarqueConfig config;

    @Inject
    Event<TenantCreated> created;

    @Inject
    CustomerDesk customerDesk;

    @Inject
    ResellerDesk resellerDesk;

    @Inject
    TicketAdministration administration;

    @Inject
    io.marque.portal.billing.order.Orders orders;

    private final PasswordHasher hasher = new PasswordHasher();

    @PostConstruct
    void seed() {
        if (!config.demoData()) {
            return;
        }
        Long tenants = em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult();
        if (tenants > 0) {
            return;
        }
        String demoHash = hasher.hash(PASSWORD.toCharArray());

        Tenant provider = tenant(TenantKind.PROVIDER, "northwind", "Northwind Hosting", "console",
                "ops@northwind.example", "#38bdf8", "#f472b6", "provider.localhost");
        staff(provider, "admin@northwind.example", "Nora Admin", Role.PROVIDER_ADMIN, demoHash);
        staff(provider, "agent@northwind.example", "Niels Agent", Role.PROVIDER_AGENT, demoHash);

        Tenant acme = tenant(TenantKind.RESELLER, "acme", "Acme Cloud", "aurora", "support@acme.example",
                "#2f6fed", "#f59e0b", "acme.localhost", "support.acme.localhost");
        acme.setSignupEnabled(true);
        acme.setCustomerTotp(true);
        User ada = staff(acme, "admin@acme.example", "Ada Acme", Role.RESELLER_ADMIN, demoHash);
        User arno = staff(acme, "agent@acme.example", "Arno Agent", Role.RESELLER_AGENT, demoHash);
        User alice = customer(acme, "Alice Martin", "Martin Web Studio", "alice@example.com", demoHash);
        User bob = customer(acme, "Bob Stone", null, "bob@example.com", demoHash);
        for (int i = 1; i <= 40; i++) {
            customer(acme, String.format("Demo Customer %02d", i), i % 3 == 0 ? "Example Shop " + i : null,
                    String.format("customer%02d@example.net", i), null);
        }

        Tenant bluebird = tenant(TenantKind.RESELLER, "bluebird", "Bluebird Hosting", "harbor",
                "support@bluebird.example", "#0f766e", "#f97316", "bluebird.localhost");
        User bea = staff(bluebird, "admin@bluebird.example", "Bea Bluebird", Role.RESELLER_ADMIN, demoHash);
        User bluebirdAlice = customer(bluebird, "Alice Martin", null, "alice@example.com",
                hasher.hash(BLUEBIRD_ALICE_PASSWORD.toCharArray()));
        tickets(ada, arno, alice, bob, bluebirdAlice);
        new DemoServers(em).seed(acme, bluebird, alice, bob, bluebirdAlice);
        new DemoBilling(em).seed(provider, acme, bluebird, alice.getCustomerId(), bluebirdAlice.getCustomerId());
        orders(ada, alice, bea, bluebirdAlice);
        acme.setAbuseEmail("abuse@acme.example");
        program(acme, bluebird);
        LOG.info("Demo tenants seeded: provider.localhost, acme.localhost, support.acme.localhost, bluebird.localhost");
    }

    /**
     * The reseller program as a demo shows it: Acme on the volume discount, Bluebird on the example
     * rolling turnover table, both with company details; the application form asks two extra questions.
     * (Every reseller got its profile when it was created.)
     */
    private void program(Tenant acme, Tenant bluebird) {
        em.flush();
        ResellerProfile acmeProfile = profile(acme);
        acmeProfile.setCompanyName("Acme Cloud Ltd");
        acmeProfile.setRegistrationNumber("HRB 104211");
        acmeProfile.setTaxId("DE311456789");
        acmeProfile.setAddress("Hafenstraße 12\n20457 Hamburg\nGermany");
        acmeProfile.setDiscountPolicy(PolicyKind.VOLUME);
        acmeProfile.setAdminNotes("Demo: pays on time; asked about dedicated servers in Frankfurt.");
        ResellerProfile bluebirdProfile = profile(bluebird);
        bluebirdProfile.setCompanyName("Bluebird Hosting LLC");
        bluebirdProfile.setRegistrationNumber("1027700132195");
        bluebirdProfile.setTaxId("7707083893");
        bluebirdProfile.setDiscountPolicy(PolicyKind.TURNOVER);
        em.find(ProgramSettings.class, ProgramSettings.ID)
                .setApplicationFields("Website\nServers you expect to sell in the first year");
    }

    private ResellerProfile profile(Tenant reseller) {
        ResellerProfile profile = em.find(ResellerProfile.class, reseller.getId());
        if (profile == null) {
            profile = new ResellerProfile(reseller.getId(), reseller.getName());
            em.persist(profile);
        }
        return profile;
    }

    private Tenant tenant(TenantKind kind, String slug, String name, String theme, String support, String primary,
            String accent, String... hosts) {
        Instant now = Instant.now();
        Tenant tenant = new Tenant(kind, slug, name, theme, now);
        em.persist(tenant);
        em.flush();
        Brand brand = new Brand(tenant.getId(), name, support, primary, accent, now);
        brand.setFooterText("© " + name + " · " + support);
        em.persist(brand);
        for (int i = 0; i < hosts.length; i++) {
            em.persist(new Domain(tenant.getId(), hosts[i], i == 0, now));
        }
        em.flush();
        created.fire(new TenantCreated(tenant.getId(), kind, name));
        return tenant;
    }

    private User staff(Tenant tenant, String email, String name, Role role, String hash) {
        User user = new User(tenant.getId(), email, name, EnumSet.of(role), UserStatus.ACTIVE, Instant.now());
        user.setPasswordHash(hash);
        em.persist(user);
        return user;
    }

    private User customer(Tenant tenant, String name, String company, String email, String hash) {
        Customer customer = new Customer(tenant.getId(), name, company, email,
                hash == null ? CustomerStatus.INVITED : CustomerStatus.ACTIVE, Instant.now());
        em.persist(customer);
        em.flush();
        User user = new User(tenant.getId(), email, name, EnumSet.of(Role.CUSTOMER),
                hash == null ? UserStatus.INVITED : UserStatus.ACTIVE, Instant.now());
        user.setCustomerId(customer.getId());
        user.setPasswordHash(hash);
        em.persist(user);
        return user;
    }

    /**
     * A few tickets in every state a demo should show: Alice's open question and an answered one, an
     * escalation the provider may answer, Bob's unassigned ticket, and a canned reply. They are written
     * through the same desks the pages use. The mails they cause are dropped: the demo addresses are
     * not real, and a test server's mail catcher must not receive them.
     */
    private void tickets(User ada, User arno, User alice, User bob, User bluebirdAlice) {
        em.flush();
        Actor admin = actor(ada);
        Actor agent = actor(arno);
        Actor aliceActor = actor(alice);
        long support = customerDesk.departments(aliceActor).get(0).id();
        administration.addDepartment(admin, "Billing");
        administration.saveCannedReply(admin, null, "Greeting",
                "Hello {{customer.name}},\n\nthank you for writing to us about ticket #{{ticket.number}}.\n\n{{agent.name}}");
        long slow = customerDesk.open(aliceActor, new NewTicket(support, "Website is slow since this morning",
                "Hello,\n\nour shop at martin-web.example takes ten seconds to load since about 8:00.\nCould you have a look?\n\nAlice",
                Priority.HIGH, "web-01.martin-web.example"), List.of());
        resellerDesk.reply(agent, slow, Visibility.PUBLIC,
                "Hello Alice,\n\nwe are looking into it and will get back to you within the hour.\n\nArno", List.of());
        resellerDesk.reply(agent, slow, Visibility.RESELLER_NOTE, "Load on the host looks normal; checking the disks.",
                List.of());
        long ip = customerDesk.open(aliceActor, new NewTicket(support, "A second IPv4 address for web-01",
                "We need a second IPv4 address for a new TLS site. Is that possible?", Priority.NORMAL,
                "web-01.martin-web.example"), List.of());
        resellerDesk.escalate(agent, ip, "The address has to come from the data centre's pool.", true, false);
        customerDesk.open(actor(bob), new NewTicket(support, "Question about my invoice",
                "Why is the November invoice higher than October's?", Priority.LOW, null), List.of());
        Actor blue = actor(bluebirdAlice);
        customerDesk.open(blue, new NewTicket(customerDesk.departments(blue).get(0).id(), "Restore last night's backup",
                "Please restore yesterday's backup of my database server.", Priority.URGENT, null), List.of());
        em.createQuery("delete from OutboxMail").executeUpdate();
    }

    /**
     * An order each demo reseller placed for its Alice, through the same service as the order page: a
     * VPS S awaiting payment, its invoice issued in the reseller's series. Paying it (Alice's balance covers
     * it) provisions a server from the provider's pool.
     */
    private void orders(User ada, User alice, User bea, User bluebirdAlice) {
        em.flush();
        long vps = em.createNamedQuery("Product.byCode", io.marque.portal.billing.catalogue.Product.class)
                .setParameter("code", "vps-s").getSingleResult().getId();
        orders.place(actor(ada), new OrderForm(alice.getCustomerId(), vps, List.of(), Cycle.MONTHLY, "Staging server"));
        orders.place(actor(bea), new OrderForm(bluebirdAlice.getCustomerId(), vps, List.of(), Cycle.MONTHLY, null));
    }

    private static Actor actor(User user) {
        return new Actor(user.getTenantId(), user.getId(), user.getEmail(), user.roleSet(), "demo-seed");
    }
}
