package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.dunning.DunningNotifier;
import io.marque.portal.billing.invoice.DunningStep;
import io.marque.portal.billing.invoice.Invoice;
import io.marque.portal.domains.MailDomains;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.PasswordResetService;
import io.marque.portal.identity.User;
import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.OutboxMail;
import io.marque.portal.server.OsTemplate;
import io.marque.portal.server.Server;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ProviderDesk;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.Ticket;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.Visibility;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Law 2 for every kind of mail a reseller's customer can receive, on each demo reseller: each is made by
 * the real service that sends it (an invitation, a password reset, a new ticket's acknowledgement, a
 * reseller's answer, the provider's answer under the reseller's alias, each dunning step on the customer's
 * own invoice) or, for the reinstall mails whose job cannot be made to fail on demand, by the composer with
 * the values the job's notifier gives; and each is read whole as it would leave — every header of the
 * message and of each MIME part, decoded, and every part's content. All of it happens in one transaction
 * that is rolled back, so the demo keeps its data and nobody is mailed. Then again with the provider
 * renamed at run time. A template no list below names fails {@link #everyMailTemplateIsCheckedOrNotForCustomers}.
 */
@ExtendWith(ArquillianExtension.class)
class BrandMailIT {

    /** The templates of the mails a customer receives: each is made and read below. */
    static final Set<String> CUSTOMER_TEMPLATES = Set.of("invitation", "password-reset", "ticket-created", "ticket-reply",
            "server-reinstalled", "server-reinstall-failed", "invoice-reminder", "invoice-overdue", "invoice-late-fee",
            "invoice-suspended", "invoice-terminated");

    /**
     * The templates no customer receives: mails to a reseller's staff (in its own brand), to the provider's
     * staff, and to resellers and applicants in the provider's brand (abuse, the reseller program).
     */
    static final Set<String> NOT_FOR_CUSTOMERS = Set.of("ticket-new", "ticket-customer-reply", "ticket-provider-reply",
            "ticket-escalated", "ticket-provider-update", "abuse-report", "abuse-answered", "abuse-resolved",
            "abuse-suspended", "application-received", "application-approved", "application-rejected",
            "application-more-info");

    /** Each dunning step and the template of its mail (as DunningNotifier chooses it). */
    static final Map<DunningStep, String> DUNNING_MAILS = new java.util.EnumMap<>(Map.of(
            DunningStep.REMINDED, "invoice-reminder", DunningStep.OVERDUE, "invoice-overdue",
            DunningStep.LATE_FEE, "invoice-late-fee", DunningStep.SUSPENDED, "invoice-suspended",
            DunningStep.TERMINATED, "invoice-terminated"));

    /** A demo reseller, its customer and its admin. */
    record Site(String host, String customerEmail, String adminEmail) {
    }

    static final List<Site> SITES = List.of(new Site("acme.localhost", "alice@example.com", "admin@acme.example"),
            new Site("bluebird.localhost", "alice@example.com", "admin@bluebird.example"));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(BrandMailIT.class, BrandMailIT.Site.class, Forbidden.class, Forbidden.Builder.class,
                Forbidden.Scope.class, BrandCheck.class, BrandCheck.Sender.class, ProviderBrand.class,
                ProviderBrand.Renamed.class, BrandSweeps.class, BrandSweeps.Sweep.class);
    }

    @Inject
    ProviderBrand provider;

    @Inject
    Fixtures fixtures;

    @Inject
    DomainDirectory directory;

    @Inject
    MailDomains mailDomains;

    @Inject
    CustomerService customers;

    @Inject
    PasswordResetService resets;

    @Inject
    CustomerDesk customerDesk;

    @Inject
    ResellerDesk resellerDesk;

    @Inject
    ProviderDesk providerDesk;

    @Inject
    DunningNotifier dunning;

    @Inject
    MailComposer composer;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Test
    @RunAsClient
    void everyMailTemplateIsCheckedOrNotForCustomers() throws Exception {
        Set<String> templates = baseTemplates();
        assertTrue(templates.size() > 20, templates.toString());
        Set<String> both = new TreeSet<>(CUSTOMER_TEMPLATES);
        both.retainAll(NOT_FOR_CUSTOMERS);
        assertEquals(Set.of(), both, "a template is either a customer's or not");
        Set<String> listed = new TreeSet<>(CUSTOMER_TEMPLATES);
        listed.addAll(NOT_FOR_CUSTOMERS);
        assertEquals(new TreeSet<>(templates), listed,
                "every mail template of the base theme is made and read here, or is named as no customer's");
    }

    @Test
    void everyMailACustomerReceivesNamesOnlyTheReseller() throws Exception {
        BrandSweeps.findNothing(provider, resellerIds(), this::sweep);
    }

    @Test
    void everyMailNamesOnlyTheResellerWithTheProviderRenamedAtRunTime() throws Exception {
        BrandSweeps.findNothingRenamed(provider, resellerIds(), this::sweep);
    }

    /** Every customer mail of every site, made and read in a transaction that is then rolled back. */
    private void sweep(BrandCheck check) throws Exception {
        Actor providerAgent = fixtures.providerAgent();
        for (Site site : SITES) {
            TenantSnapshot tenant = directory.lookup(site.host()).orElseThrow();
            Set<String> hosts = new HashSet<>(em.createQuery("select d.host from Domain d where d.tenantId = :t",
                    String.class).setParameter("t", tenant.id()).getResultList());
            mailDomains.of(tenant.id()).ifPresent(signing -> hosts.add(signing.mailDomain()));
            BrandCheck.Sender sender = new BrandCheck.Sender(tenant.displayName(), tenant.supportEmail(), hosts);
            Map<String, Integer> made = new TreeMap<>();
            tx.begin();
            try {
                User alice = user(tenant.id(), site.customerEmail());
                Actor customer = new Actor(tenant.id(), alice.getId(), alice.getEmail(), alice.roleSet(), "127.0.0.1",
                        alice.getCustomerId());
                Actor admin = actor(tenant.id(), site.adminEmail());
                String invitee = "brand-sweep-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                String where = site.host() + " ";

                long mark = lastMailId();
                customers.invite(admin, "Brand Sweep", null, invitee, Locale.ENGLISH);
                read(check, where, "invitation", mails(mark, invitee), sender, made);

                mark = lastMailId();
                resets.requestReset(tenant.id(), invitee, Locale.ENGLISH, "127.0.0.1");
                read(check, where, "password-reset", mails(mark, invitee), sender, made);

                mark = lastMailId();
                long department = em.createNamedQuery("Department.ofTenant", io.marque.portal.ticket.Department.class)
                        .setParameter("tenant", tenant.id()).getResultStream().filter(d -> d.isActive()).findFirst()
                        .orElseThrow().getId();
                long number = customerDesk.open(customer, new NewTicket(department, "Brand sweep " + UUID.randomUUID(),
                        "What do the mails show?", Priority.NORMAL, null), List.of());
                read(check, where, "ticket-created", mails(mark, alice.getEmail()), sender, made);

                mark = lastMailId();
                resellerDesk.reply(admin, number, Visibility.PUBLIC, "The reseller answers.", List.of());
                read(check, where, "ticket-reply", mails(mark, alice.getEmail()), sender, made);

                // the provider answers the customer, as the reseller allowed on this ticket: under its alias
                resellerDesk.escalate(admin, number, "Please look at this.", true, false);
                long ticketId = em.createNamedQuery("Ticket.byNumber", Ticket.class).setParameter("tenant", tenant.id())
                        .setParameter("number", number).getSingleResult().getId();
                mark = lastMailId();
                providerDesk.reply(providerAgent, ticketId, Visibility.PUBLIC, "The provider answers.", List.of());
                read(check, where + "(the provider's answer) ", "ticket-reply", mails(mark, alice.getEmail()), sender,
                        made);

                Server server = em.createQuery("select s from Server s where s.tenantId = :t and s.customerId = :c"
                        + " order by s.id", Server.class).setParameter("t", tenant.id())
                        .setParameter("c", alice.getCustomerId()).setMaxResults(1).getSingleResult();
                String os = em.createNamedQuery("OsTemplate.all", OsTemplate.class).setMaxResults(1).getSingleResult()
                        .getName();
                for (String template : List.of("server-reinstalled", "server-reinstall-failed")) {
                    // the values JobNotifier gives; a job cannot be made to fail on demand
                    byte[] mime = composer.compose(tenant, tenant.locale(), template, alice.getEmail(), Map.of(
                            "hostname", server.getHostname(), "os", os, "recipientName", alice.getDisplayName(),
                            "serverUrl", composer.baseUrl(tenant) + "/customer/server?id=" + server.getId()),
                            new MailComposer.Threading(null, null, true)).mime();
                    check.mail(where + template, mime, sender);
                    made.merge(template, 1, Integer::sum);
                }

                Invoice invoice = em.createNamedQuery("Invoice.ofCustomer", Invoice.class)
                        .setParameter("tenant", tenant.id()).setParameter("customer", alice.getCustomerId())
                        .setMaxResults(1).getSingleResult();
                for (Map.Entry<DunningStep, String> step : DUNNING_MAILS.entrySet()) {
                    mark = lastMailId();
                    List<String> to = dunning.stepTaken(invoice, step.getKey(), List.of(server.getHostname()));
                    assertEquals(1, to.size(), where + step.getKey() + " mails the customer");
                    read(check, where, step.getValue(), mails(mark, to.get(0)), sender, made);
                }
            } finally {
                tx.rollback();
            }
            assertEquals(CUSTOMER_TEMPLATES, made.keySet(), site.host() + ": every customer mail was made and read");
            System.out.println("Brand mail sweep " + site.host() + ": " + made);
        }
        System.out.println("Brand mail sweep read " + check.counts());
    }

    private void read(BrandCheck check, String where, String template, List<OutboxMail> mails, BrandCheck.Sender sender,
            Map<String, Integer> made) {
        assertTrue(!mails.isEmpty(), where + template + ": a mail was made");
        for (OutboxMail mail : mails) {
            check.mail(where + template + " to " + mail.getRecipient(), mail.getMime(), sender);
            made.merge(template, 1, Integer::sum);
        }
    }

    private long lastMailId() {
        em.flush();
        Long last = em.createQuery("select max(m.id) from OutboxMail m", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    /** The mails to {@code recipient} made since {@code mark}. */
    private List<OutboxMail> mails(long mark, String recipient) {
        em.flush();
        return em.createQuery("select m from OutboxMail m where m.id > :mark and m.recipient = :r order by m.id",
                OutboxMail.class).setParameter("mark", mark).setParameter("r", recipient).getResultList();
    }

    private User user(long tenantId, String email) {
        return em.createNamedQuery("User.byEmail", User.class).setParameter("tenant", tenantId)
                .setParameter("email", email).getSingleResult();
    }

    private Actor actor(long tenantId, String email) {
        User user = user(tenantId, email);
        return new Actor(tenantId, user.getId(), user.getEmail(), user.roleSet(), "127.0.0.1");
    }

    private List<Long> resellerIds() {
        return SITES.stream().map(s -> directory.lookup(s.host()).orElseThrow().id()).toList();
    }

    /** Every mail template of the base theme (a folder, or a jar in a build of every module). */
    private static Set<String> baseTemplates() throws Exception {
        URI layout = MailComposer.class.getClassLoader().getResource("themes/base/mail/layout.txt").toURI();
        if ("jar".equals(layout.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(layout, Map.of())) {
                return templatesIn(jar.getPath("themes/base/mail"));
            }
        }
        return templatesIn(Path.of(layout).getParent());
    }

    private static Set<String> templatesIn(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).filter(n -> !n.equals("layout"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
