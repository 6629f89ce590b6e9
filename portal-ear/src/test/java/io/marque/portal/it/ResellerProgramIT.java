package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.audit.ActivityLog;
import io.marque.portal.audit.ActivityView;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Account;
import io.marque.portal.billing.account.LedgerEntry;
import io.marque.portal.billing.account.LedgerKind;
import io.marque.portal.billing.discount.FixedPercentage;
import io.marque.portal.billing.discount.RollingTurnover;
import io.marque.portal.billing.discount.VolumeByServers;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.reseller.ApplicationDetail;
import io.marque.portal.reseller.ApplicationForm;
import io.marque.portal.reseller.ApplicationReview;
import io.marque.portal.reseller.ApplicationStatus;
import io.marque.portal.reseller.ApplicationView;
import io.marque.portal.reseller.Applications;
import io.marque.portal.reseller.PolicyKind;
import io.marque.portal.reseller.ProfileChange;
import io.marque.portal.reseller.ProfileView;
import io.marque.portal.reseller.ProgramAdministration;
import io.marque.portal.reseller.ProgramChange;
import io.marque.portal.reseller.ProgramStanding;
import io.marque.portal.reseller.ProgramView;
import io.marque.portal.reseller.ResellerProfile;
import io.marque.portal.reseller.ResellerProfiles;
import io.marque.portal.reseller.ResellerTerms;
import io.marque.portal.reseller.Tier;
import io.marque.portal.reseller.TierChange;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.NewReseller;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantStatus;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reseller program inside the server, against PostgreSQL: an application through more information,
 * resubmission and approval, which creates the reseller with its profile and invites the contact; a
 * rejection; a closed program; approval without review; every reseller getting a profile; tiers from
 * real turnover; who may order; and what a reseller may read of profiles — only its own standing, never
 * another's, never the admin notes.
 *
 * <p>The program's settings are one row shared by the whole server: each test starts from known settings
 * and the row is put back as it was afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class ResellerProgramIT {

    private static final Pattern LINK = Pattern.compile("/application\\?token=([A-Za-z0-9_-]{20,})");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ResellerProgramIT.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    Applications applications;

    @Inject
    ApplicationReview review;

    @Inject
    ProgramAdministration program;

    @Inject
    ResellerProfiles profiles;

    @Inject
    ResellerTerms terms;

    @Inject
    ResellerAdministration resellers;

    @Inject
    ActivityLog activity;

    @Inject
    DomainDirectory directory;

    @Inject
    MarqueConfig config;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    private Actor admin;
    private long providerId;
    private ProgramView before;

    @BeforeEach
    void knownProgram() {
        admin = fixtures.providerAdmin();
        providerId = admin.tenantId();
        before = program.settings(admin);
        settings(true, false);
    }

    @AfterEach
    void programAsItWas() {
        program.update(admin, new ProgramChange(before.enabled(), before.autoApprove(),
                before.defaultDiscount().toPlainString(), before.silverFrom().toPlainString(),
                before.goldFrom().toPlainString(), before.platinumFrom().toPlainString(),
                before.diamondFrom().toPlainString(), before.tierCurrency(), before.applicationFields()));
    }

    @Test
    void anApplicationThroughMoreInformationAndResubmissionIsApprovedIntoAResellerWithItsProfile() throws Exception {
        String slug = unique("delta");
        String email = "dora." + slug + "@applicant.example";
        long id = applications.submit(providerId, form(slug, email, "DE111"), Locale.ENGLISH, address());
        assertEquals(ApplicationStatus.SUBMITTED, review.get(admin, id).status());
        assertTrue(review.queue(admin, true).stream().anyMatch(a -> a.id() == id), "it waits in the queue");
        assertTrue(entries(admin).stream().anyMatch(e -> e.action().equals("application.submitted")
                && e.actor().equals(email)), "the submission is recorded in the provider's log");

        String first = tokenInLastMailTo(email);
        ApplicationView submitted = applications.byToken(providerId, first).orElseThrow();
        assertEquals(ApplicationStatus.SUBMITTED, submitted.status());
        assertFalse(submitted.editable());
        assertThrows(InvalidInputException.class,
                () -> applications.resubmit(providerId, first, form(slug, email, "DE222"), address()),
                "nobody asked for more yet");
        assertTrue(applications.byToken(providerId, "not-" + first).isEmpty(), "an unknown link finds nothing");

        assertThrows(InvalidInputException.class, () -> review.askForMore(admin, id, "  "), "the question is required");
        review.askForMore(admin, id, "Please give us your VAT number, not the local tax number.");
        assertTrue(applications.byToken(providerId, first).isEmpty(), "the review's mail replaces the link");
        String second = tokenInLastMailTo(email);
        ApplicationView asked = applications.byToken(providerId, second).orElseThrow();
        assertEquals(ApplicationStatus.MORE_INFO, asked.status());
        assertEquals("Please give us your VAT number, not the local tax number.", asked.reviewNote());
        assertTrue(asked.editable());
        assertEquals("https://" + slug + ".example", asked.answerTo("Website"));
        assertThrows(InvalidInputException.class, () -> review.askForMore(admin, id, "Again?"),
                "the applicant has been asked already");

        applications.resubmit(providerId, second, form(slug, email, "DE333"), address());
        ApplicationView resubmitted = applications.byToken(providerId, second).orElseThrow();
        assertEquals(ApplicationStatus.SUBMITTED, resubmitted.status());
        assertEquals("DE333", resubmitted.taxId());

        ApplicationDetail approved = review.approve(admin, id, "Welcome aboard.");
        assertEquals(ApplicationStatus.APPROVED, approved.status());
        assertEquals(admin.email(), approved.reviewedBy());
        long tenantId = approved.tenantId();
        String host = slug + "." + config.resellerBaseDomain();
        ResellerView reseller = resellers.get(admin, tenantId);
        assertEquals(slug, reseller.slug());
        assertEquals("Delta " + slug + " GmbH", reseller.name());
        assertEquals(host, reseller.primaryHost());
        assertEquals(TenantStatus.ACTIVE, reseller.status());
        assertTrue(directory.lookup(host).isPresent(), "the new reseller answers on its host");

        ProfileView profile = profiles.get(admin, tenantId);
        assertEquals("Delta " + slug + " GmbH", profile.standing().companyName());
        assertEquals("HRB " + slug, profile.standing().registrationNumber());
        assertEquals("DE333", profile.standing().taxId());
        assertEquals(PolicyKind.FIXED, profile.standing().policy());
        assertEquals(Tier.BRONZE, profile.standing().tier());
        assertNull(profile.discountPercent(), "it follows the program's default");
        assertEquals(0, new BigDecimal("12.5").compareTo(profile.standing().percent()));
        FixedPercentage policy = assertInstanceOf(FixedPercentage.class, terms.policyOf(tenantId));
        assertEquals(0, new BigDecimal("12.5").compareTo(policy.value()));

        User invited = em.createQuery("select u from User u where u.tenantId = :t", User.class)
                .setParameter("t", tenantId).getSingleResult();
        assertEquals(email, invited.getEmail());
        assertEquals(UserStatus.INVITED, invited.getStatus());
        assertTrue(invited.hasRole(Role.RESELLER_ADMIN));
        assertTrue(fixtures.outboxRecipients(tenantId).contains(email), "the invitation, in the new reseller's brand");

        String third = tokenInLastMailTo(email);
        ApplicationView done = applications.byToken(providerId, third).orElseThrow();
        assertEquals(ApplicationStatus.APPROVED, done.status());
        assertEquals("Welcome aboard.", done.reviewNote());
        assertEquals(host, done.portalHost());
        String approvalMail = text(lastMailTo(email));
        assertTrue(approvalMail.contains("Welcome aboard."), "the note is in the mail");
        assertTrue(approvalMail.contains(host), "so is the new portal's address");

        assertThrows(InvalidInputException.class, () -> review.approve(admin, id, null), "decided for good");
        assertThrows(InvalidInputException.class, () -> review.reject(admin, id, "No."), "decided for good");
        assertTrue(review.queue(admin, true).stream().noneMatch(a -> a.id() == id), "no longer waiting");
        assertTrue(entries(admin).stream().anyMatch(e -> e.action().equals("application.approved")
                && e.actor().equals(admin.email())), "the approval is recorded");
    }

    @Test
    void aRejectedApplicationCreatesNothingAndTheApplicantReadsWhy() throws Exception {
        String slug = unique("echo");
        String email = "eve." + slug + "@applicant.example";
        long id = applications.submit(providerId, form(slug, email, "DE444"), Locale.forLanguageTag("ru"), address());
        assertThrows(InvalidInputException.class, () -> review.reject(admin, id, null), "a rejection says why");
        assertEquals(ApplicationStatus.SUBMITTED, review.get(admin, id).status(), "the refused rejection changed nothing");

        review.reject(admin, id, "We only work with companies registered in the EU.");
        ApplicationDetail rejected = review.get(admin, id);
        assertEquals(ApplicationStatus.REJECTED, rejected.status());
        assertNull(rejected.tenantId());
        assertTrue(em.createNamedQuery("Tenant.bySlug", Tenant.class).setParameter("slug", slug).getResultList().isEmpty(),
                "no reseller was made");
        ApplicationView seen = applications.byToken(providerId, tokenInLastMailTo(email)).orElseThrow();
        assertEquals(ApplicationStatus.REJECTED, seen.status());
        assertEquals("We only work with companies registered in the EU.", seen.reviewNote());
        assertFalse(seen.editable());
        MimeMessage mail = lastMailTo(email);
        assertEquals("ru", mail.getHeader("Content-Language", null), "in the applicant's language");
        assertTrue(text(mail).contains("We only work with companies registered in the EU."));
        assertThrows(InvalidInputException.class, () -> review.askForMore(admin, id, "Really?"));
        assertTrue(entries(admin).stream().anyMatch(e -> e.action().equals("application.rejected")));

        // once decided, the same address may apply again, and the short name is free again
        long again = applications.submit(providerId, form(slug, email, "DE445"), Locale.ENGLISH, address());
        assertEquals(ApplicationStatus.SUBMITTED, review.get(admin, again).status());
    }

    @Test
    void aClosedProgramTakesNoApplications() {
        settings(false, false);
        assertFalse(applications.form(providerId).open());
        String slug = unique("foxtrot");
        String email = "finn." + slug + "@applicant.example";
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> applications.submit(providerId, form(slug, email, "DE555"), Locale.ENGLISH, address()));
        assertEquals(Map.of("", "application.error.closed"), refused.problems());
        assertEquals(0L, em.createQuery("select count(a) from ResellerApplication a where a.contactEmail = :e", Long.class)
                .setParameter("e", email).getSingleResult());
        assertTrue(fixtures.outboxRecipients(providerId).stream().noneMatch(email::equals), "and mails nobody");
    }

    @Test
    void theProgramMayApproveWithoutReview() throws Exception {
        settings(true, true);
        String slug = unique("golf");
        String email = "gina." + slug + "@applicant.example";
        long id = applications.submit(providerId, form(slug, email, "DE666"), Locale.ENGLISH, address());
        ApplicationDetail approved = review.get(admin, id);
        assertEquals(ApplicationStatus.APPROVED, approved.status());
        assertEquals(ApplicationReview.AUTOMATIC, approved.reviewedBy());
        assertNotNull(approved.tenantId());
        assertEquals(slug, resellers.get(admin, approved.tenantId()).slug());
        assertEquals("DE666", profiles.get(admin, approved.tenantId()).standing().taxId());
        assertEquals(ApplicationStatus.APPROVED,
                applications.byToken(providerId, tokenInLastMailTo(email)).orElseThrow().status());
        assertTrue(entries(admin).stream().anyMatch(e -> e.action().equals("application.approved")
                && e.actor().equals(ApplicationReview.AUTOMATIC)), "the automatic approval is recorded");
    }

    @Test
    void theFormRefusesTakenNamesRepeatedApplicationsAndEveryHostButTheProviders() {
        Fixtures.Reseller existing = fixtures.reseller("taken");
        String takenSlug = em.find(Tenant.class, existing.tenantId()).getSlug();
        String email = "hal." + unique("x") + "@applicant.example";
        InvalidInputException taken = assertThrows(InvalidInputException.class,
                () -> applications.submit(providerId, form(takenSlug, email, "DE1"), Locale.ENGLISH, address()));
        assertEquals("error.slug.taken", taken.problems().get("desiredSlug"));

        String slug = unique("hotel");
        applications.submit(providerId, form(slug, email, "DE2"), Locale.ENGLISH, address());
        InvalidInputException wanted = assertThrows(InvalidInputException.class, () -> applications.submit(
                providerId, form(slug, "other." + email, "DE3"), Locale.ENGLISH, address()));
        assertEquals("error.slug.taken", wanted.problems().get("desiredSlug"), "another open application wants it");
        InvalidInputException open = assertThrows(InvalidInputException.class, () -> applications.submit(
                providerId, form(unique("india"), email, "DE4"), Locale.ENGLISH, address()));
        assertEquals("application.error.open", open.problems().get("applicantEmail"));

        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> applications.submit(
                providerId, new ApplicationForm("Juliet Ltd", "1", "2", "About", "Jo", "jo." + slug + "@applicant.example",
                        unique("juliet"), List.of()), Locale.ENGLISH, address()));
        assertEquals("error.required", missing.problems().get("extra.0"), "the provider's extra question is required");

        String client = address();
        for (int i = 0; i < Applications.DAILY_LIMIT; i++) {
            applications.submit(providerId, form(unique("kilo"), "k" + i + "." + slug + "@applicant.example", "DE5"),
                    Locale.ENGLISH, client);
        }
        InvalidInputException tooMany = assertThrows(InvalidInputException.class, () -> applications.submit(providerId,
                form(unique("lima"), "l." + slug + "@applicant.example", "DE6"), Locale.ENGLISH, client));
        assertEquals(Map.of("", "application.error.tooMany"), tooMany.problems());

        assertThrows(NotFoundException.class, () -> applications.form(existing.tenantId()),
                "a reseller's host has no application form");
        assertThrows(NotFoundException.class, () -> applications.submit(existing.tenantId(),
                form(unique("mike"), "m." + slug + "@applicant.example", "DE7"), Locale.ENGLISH, address()));
    }

    @Test
    void everyResellerHasAProfileHoweverItWasMade() {
        Fixtures.Reseller fixture = fixtures.reseller("profiled");
        ProfileView made = profiles.get(admin, fixture.tenantId());
        assertEquals(PolicyKind.FIXED, made.standing().policy());
        assertEquals(Tier.BRONZE, made.standing().tier());
        assertTrue(made.standing().programDefault());

        String slug = unique("november");
        ResellerView direct = resellers.create(admin, new NewReseller("November Hosting", slug, slug + ".test", "base",
                "help@" + slug + ".test", "Nina", "nina@" + slug + ".test"), Locale.ENGLISH);
        assertEquals("November Hosting", profiles.get(admin, direct.id()).standing().companyName(),
                "the provider's own form makes a profile too");

        assertThrows(NotFoundException.class, () -> profiles.get(admin, providerId), "the provider is no reseller");
        assertThrows(NotFoundException.class, () -> terms.policyOf(providerId));
    }

    @Test
    void aResellerReadsOnlyItsOwnStandingAndNeverTheAdminNotes() {
        Fixtures.Reseller a = fixtures.reseller("prog-a");
        Fixtures.Reseller b = fixtures.reseller("prog-b");
        String secret = "Late payer, watch closely " + UUID.randomUUID();
        profiles.update(admin, b.tenantId(), new ProfileChange("Bravo Co", "HRB 9", "DE9", "Street 1\nTown",
                PolicyKind.VOLUME, null, secret));
        assertEquals(secret, profiles.get(admin, b.tenantId()).adminNotes(), "the provider reads its notes");
        assertInstanceOf(VolumeByServers.class, terms.policyOf(b.tenantId()));

        assertThrows(ForbiddenException.class, () -> profiles.get(a.admin(), b.tenantId()));
        assertThrows(ForbiddenException.class, () -> profiles.get(b.admin(), b.tenantId()), "not even its own notes");
        assertThrows(ForbiddenException.class, () -> profiles.update(a.admin(), b.tenantId(),
                new ProfileChange("Mine now", null, null, null, PolicyKind.FIXED, "90", null)));
        assertThrows(ForbiddenException.class, () -> profiles.own(a.agent()), "the program page is the admin's");
        assertThrows(ForbiddenException.class, () -> profiles.own(a.customer()));
        assertThrows(ForbiddenException.class, () -> review.queue(a.admin(), false));
        assertThrows(ForbiddenException.class, () -> program.settings(a.admin()));

        ProgramStanding own = profiles.own(a.admin());
        assertEquals(a.tenantId(), own.tenantId(), "its own, whatever it asks");
        assertFalse(own.toString().contains("Bravo"));
        ProgramStanding bravo = profiles.own(b.admin());
        assertEquals("Bravo Co", bravo.companyName());
        assertEquals(PolicyKind.VOLUME, bravo.policy());
        assertFalse(bravo.toString().contains(secret), "the standing a reseller reads holds no notes");
        List<ActivityView> bLog = entries(b.admin());
        assertTrue(bLog.stream().anyMatch(e -> e.action().equals("reseller.profile.changed")), "B hears of the change");
        assertTrue(bLog.stream().noneMatch(e -> String.valueOf(e.detail()).contains(secret)
                || String.valueOf(e.target()).contains(secret)), "but not of the notes");
        assertTrue(bLog.stream().noneMatch(e -> e.action().equals("reseller.notes.changed")));

        profiles.update(admin, b.tenantId(), new ProfileChange("Bravo Co", null, null, null, PolicyKind.FIXED, "15.5",
                secret));
        FixedPercentage fixed = assertInstanceOf(FixedPercentage.class, terms.policyOf(b.tenantId()));
        assertEquals(0, new BigDecimal("15.5").compareTo(fixed.value()));
        assertEquals(0, new BigDecimal("15.5").compareTo(profiles.own(b.admin()).percent()));
        profiles.update(admin, b.tenantId(), new ProfileChange("Bravo Co", null, null, null, PolicyKind.TURNOVER, null,
                null));
        assertInstanceOf(RollingTurnover.class, terms.policyOf(b.tenantId()));
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> profiles.update(admin,
                b.tenantId(), new ProfileChange("", null, null, null, PolicyKind.FIXED, "101", null)));
        assertEquals(Map.of("companyName", "error.required", "discountPercent", "program.error.percent"), bad.problems());
    }

    @Test
    void onlyAnActiveResellerMayOrderAndAnInactiveOneKeepsItsPortal() {
        Fixtures.Reseller a = fixtures.reseller("orders");
        assertTrue(terms.mayOrder(a.tenantId()));
        resellers.setStatus(admin, a.tenantId(), TenantStatus.INACTIVE);
        assertFalse(terms.mayOrder(a.tenantId()));
        assertTrue(directory.lookup(a.host()).orElseThrow().isAvailable(), "its portal keeps working");
        assertTrue(entries(a.admin()).stream().anyMatch(e -> e.action().equals("reseller.deactivated")));
        resellers.setStatus(admin, a.tenantId(), TenantStatus.SUSPENDED);
        assertFalse(terms.mayOrder(a.tenantId()));
        assertFalse(directory.lookup(a.host()).orElseThrow().isAvailable());
        resellers.setStatus(admin, a.tenantId(), TenantStatus.ACTIVE);
        assertTrue(terms.mayOrder(a.tenantId()));
        assertFalse(terms.mayOrder(-1L), "an unknown tenant may not");
    }

    @Test
    void theDailyRecomputeStoresEachTierFromTurnoverAndRecordsChanges() throws Exception {
        Fixtures.Reseller paying = fixtures.reseller("tier-paying");
        Fixtures.Reseller idle = fixtures.reseller("tier-idle");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        tx.begin();
        Account account = new Account(paying.tenantId(), null, "USD");
        em.persist(account);
        em.flush();
        Money paid = new Money(new BigDecimal("-5200.00"), "USD");
        em.persist(new LedgerEntry(account, LedgerKind.INVOICE_PAYMENT, paid, paid, null, null, "test payment", "it",
                Instant.now()));
        em.find(ResellerProfile.class, idle.tenantId()).setTier(Tier.PLATINUM);
        tx.commit();

        assertEquals(Tier.GOLD, terms.tierFor(new Money(new BigDecimal("5200"), "USD")));
        // a programming error, not input: the container wraps it, and its cause says why
        jakarta.ejb.EJBException mixed = assertThrows(jakarta.ejb.EJBException.class,
                () -> terms.tierFor(new Money(BigDecimal.TEN, "EUR")));
        assertTrue(mixed.getCause() instanceof Money.CurrencyMismatchException, String.valueOf(mixed.getCause()));
        List<TierChange> changes = terms.recomputeTiers(today);
        assertTrue(changes.contains(new TierChange(paying.tenantId(), Tier.BRONZE, Tier.GOLD)), changes.toString());
        assertTrue(changes.contains(new TierChange(idle.tenantId(), Tier.PLATINUM, Tier.BRONZE)), changes.toString());
        ProgramStanding standing = profiles.own(paying.admin());
        assertEquals(Tier.GOLD, standing.tier());
        assertEquals(today, standing.tierCheckedOn());
        assertEquals(new Money(new BigDecimal("5200"), "USD"), standing.turnover());
        assertEquals(Tier.PLATINUM, standing.nextTier());
        assertEquals(new Money(new BigDecimal("14800"), "USD"), standing.toNextTier(), "$14,800 more to Platinum");
        assertTrue(entries(paying.admin()).stream().anyMatch(e -> e.action().equals("reseller.tier.changed")
                && e.detail().contains("GOLD")), "the change is in the reseller's log");

        assertTrue(terms.recomputeTiers(today).stream().noneMatch(c -> c.tenantId() == paying.tenantId()),
                "an unchanged tier is no change");
        // a month later the payment has left the window
        assertTrue(terms.recomputeTiers(today.plusMonths(1)).contains(
                new TierChange(paying.tenantId(), Tier.GOLD, Tier.BRONZE)));
    }

    @Test
    void theSettingsRefuseWhatCannotWork() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> program.update(admin,
                new ProgramChange(true, false, "100.5", "5000", "1000", "20000", "50000", "USD", "A\nA")));
        assertEquals(Map.of("defaultDiscount", "program.error.percent", "silverFrom", "program.error.tiersOrder",
                "applicationFields", "program.error.fields"), refused.problems());
        InvalidInputException currency = assertThrows(InvalidInputException.class, () -> program.update(admin,
                new ProgramChange(true, false, "10", "1", "2", "3", "4", "XYZ", "")));
        assertEquals("error.currency.invalid", currency.problems().get("tierCurrency"));
        assertEquals(0, new BigDecimal("12.5").compareTo(program.settings(admin).defaultDiscount()),
                "nothing was stored");
        assertThrows(ForbiddenException.class, () -> program.update(fixtures.providerAgent(),
                new ProgramChange(false, false, "10", "1", "2", "3", "4", "USD", "")), "the admin's only");
    }

    /** Open (or not), approving without review (or not), 12.5 % default, tiers in USD, one extra question. */
    private void settings(boolean enabled, boolean autoApprove) {
        program.update(admin, new ProgramChange(enabled, autoApprove, "12.5", "1000", "5000", "20000", "50000", "USD",
                "Website"));
    }

    private static ApplicationForm form(String slug, String email, String taxId) {
        return new ApplicationForm("Delta " + slug + " GmbH", "HRB " + slug, taxId,
                "We host online shops.\nMostly in Germany.", "Dora Delta", email, slug,
                List.of("https://" + slug + ".example"));
    }

    private static String unique(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client address of its own, so the daily limit per address is never reached by other tests. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private List<ActivityView> entries(Actor reader) {
        return activity.page(reader, null);
    }

    private MimeMessage lastMailTo(String recipient) throws Exception {
        List<byte[]> mimes = em.createQuery("select m.mime from OutboxMail m where m.recipient = :r order by m.id desc",
                byte[].class).setParameter("r", recipient).setMaxResults(1).getResultList();
        assertEquals(1, mimes.size(), "a mail to " + recipient + " is in the outbox");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mimes.get(0)));
    }

    /** The newest mail to the applicant, decoded: it comes from the provider, with the applicant's link. */
    private String tokenInLastMailTo(String recipient) throws Exception {
        MimeMessage mail = lastMailTo(recipient);
        Matcher link = LINK.matcher(text(mail));
        assertTrue(link.find(), "the mail links to the application");
        return link.group(1);
    }

    private static String text(MimeMessage mail) throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        mail.writeTo(whole);
        String raw = whole.toString(StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
        StringBuilder text = new StringBuilder(raw);
        Object content = mail.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                text.append('\n').append(parts.getBodyPart(i).getContent());
            }
        }
        return text.toString();
    }
}
