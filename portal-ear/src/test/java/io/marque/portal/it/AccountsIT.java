package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.identity.AuthenticationService;
import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.CustomerStatus;
import io.marque.portal.identity.CustomerView;
import io.marque.portal.identity.PasswordResetService;
import io.marque.portal.identity.SignInOutcome;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.tenant.BrandChange;
import io.marque.portal.tenant.BrandView;
import io.marque.portal.tenant.BrandingService;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.NewReseller;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts end to end inside the server: the provider creates a reseller whose admin is invited by
 * mail from the new reseller's address; a reseller invites, disables and pages through customers;
 * customers sign up only where the reseller allows it.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    private static final Pattern LINK = Pattern.compile("/reset\\?token=([A-Za-z0-9_-]{20,})");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(AccountsIT.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ResellerAdministration resellers;

    @Inject
    CustomerService customers;

    @Inject
    BrandingService branding;

    @Inject
    PasswordResetService links;

    @Inject
    AuthenticationService auth;

    @Inject
    DomainDirectory directory;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Test
    void theProviderCreatesAResellerAndItsAdminAcceptsTheInvitation() {
        String slug = "new-" + UUID.randomUUID().toString().substring(0, 8);
        ResellerView created = resellers.create(fixtures.providerAdmin(), new NewReseller("Gamma Servers", slug,
                "portal." + slug + ".example", "harbor", "help@" + slug + ".example", "Gina Gamma", "gina@" + slug + ".example"),
                Locale.ENGLISH);
        assertEquals("portal." + slug + ".example", created.primaryHost());
        assertEquals("harbor", directory.lookup("portal." + slug + ".example").orElseThrow().theme());

        String mail = lastMail("gina@" + slug + ".example");
        assertTrue(mail.contains("From: Gamma Servers <help@" + slug + ".example>"), mail);
        assertTrue(mail.contains("@portal." + slug + ".example>"), "Message-ID on the reseller's domain");
        assertTrue(!mail.contains("Northwind") && !mail.contains("provider.localhost"), "no provider trace");
        String token = token(mail);
        links.resetPassword(created.id(), token, "gamma-admin-password".toCharArray(), "10.9.0.1");
        var signedIn = assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(created.id(), "gina@" + slug + ".example", "gamma-admin-password".toCharArray(), "10.9.0.1"));
        assertTrue(signedIn.user().roles().contains(io.marque.portal.identity.Role.RESELLER_ADMIN));
    }

    @Test
    void aResellerCreationWithBadInputChangesNothing() {
        long before = em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult();
        var refused = assertThrows(InvalidInputException.class, () -> resellers.create(fixtures.providerAdmin(),
                new NewReseller("", "Bad Slug!", "acme.localhost", "nope", "x", "", "y"), Locale.ENGLISH));
        assertTrue(refused.problems().keySet().containsAll(List.of("name", "slug", "domain", "theme", "supportEmail",
                "adminName", "adminEmail")), refused.problems().toString());
        assertEquals("error.domain.taken", refused.problems().get("domain"), "an existing domain cannot be taken");
        assertEquals(before, em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult());
    }

    @Test
    void anInvitedCustomerSetsAPasswordAndADisabledOneCannotSignIn() {
        Fixtures.Reseller a = fixtures.reseller("invite");
        CustomerView invited = customers.invite(a.agent(), "Ivan Invited", "Ivan Ltd", "ivan@" + a.host(), Locale.ENGLISH);
        assertEquals(CustomerStatus.INVITED, invited.status());
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.signIn(a.tenantId(), "ivan@" + a.host(), "anything-at-all".toCharArray(), "10.9.1.1"));
        String mail = lastMail("ivan@" + a.host());
        assertTrue(mail.contains("From: Reseller " + a.host().replace(".test", "") + " <support@" + a.host() + ">"), mail);
        links.resetPassword(a.tenantId(), token(mail), "ivans-own-password".toCharArray(), "10.9.1.1");
        assertEquals(CustomerStatus.ACTIVE, customers.page(a.agent(), "ivan", null).get(0).status());
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), "ivan@" + a.host(), "ivans-own-password".toCharArray(), "10.9.1.1"));

        customers.setEnabled(a.agent(), invited.id(), false);
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.signIn(a.tenantId(), "ivan@" + a.host(), "ivans-own-password".toCharArray(), "10.9.1.1"));
        customers.setEnabled(a.agent(), invited.id(), true);
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), "ivan@" + a.host(), "ivans-own-password".toCharArray(), "10.9.1.1"));
        assertThrows(InvalidInputException.class,
                () -> customers.invite(a.agent(), "Twice", null, "IVAN@" + a.host(), Locale.ENGLISH), "one account per address");
    }

    @Test
    void customersArePagedByKeyAndSearched() {
        Fixtures.Reseller a = fixtures.reseller("paging");
        for (int i = 0; i < 30; i++) {
            customers.invite(a.agent(), String.format("Pat %02d", i), i % 2 == 0 ? "Even Corp" : null,
                    String.format("pat%02d@%s", i, a.host()), Locale.ENGLISH);
        }
        List<CustomerView> first = customers.page(a.agent(), null, null);
        assertEquals(CustomerService.PAGE, first.size());
        List<CustomerView> second = customers.page(a.agent(), null, first.get(first.size() - 1).id());
        assertEquals(31 - CustomerService.PAGE, second.size(), "30 invited plus the fixture's customer");
        assertTrue(second.stream().allMatch(c -> c.id() > first.get(first.size() - 1).id()));
        assertEquals(15, customers.page(a.agent(), "even corp", null).size());
        assertEquals(1, customers.page(a.agent(), "PAT 07", null).size());
        assertTrue(customers.page(a.agent(), "%", null).isEmpty(), "wildcards are searched for literally");
        assertThrows(InvalidInputException.class, () -> customers.page(a.agent(), "x".repeat(101), null));
    }

    @Test
    void signUpIsOpenOnlyWhereTheResellerAllowsIt() {
        Fixtures.Reseller a = fixtures.reseller("signup");
        var closed = assertThrows(InvalidInputException.class,
                () -> customers.signUp(a.tenantId(), "Sam", "sam@" + a.host(), "sams-password-1".toCharArray(), "10.9.2.1"));
        assertEquals("error.signup.closed", closed.problems().get(""));
        BrandView brand = branding.current(a.admin());
        branding.update(a.admin(), new BrandChange(brand.displayName(), brand.supportEmail(), brand.colorPrimary(),
                brand.colorAccent(), brand.footerText(), brand.customCss(), brand.theme(), true, false, "en", "UTC", "USD"));
        customers.signUp(a.tenantId(), "Sam", "sam@" + a.host(), "sams-password-1".toCharArray(), "10.9.2.1");
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), "sam@" + a.host(), "sams-password-1".toCharArray(), "10.9.2.1"));
        assertThrows(InvalidInputException.class,
                () -> customers.signUp(a.tenantId(), "Sam", "sam@" + a.host(), "sams-password-1".toCharArray(), "10.9.2.1"));
        assertThrows(InvalidInputException.class,
                () -> customers.signUp(a.tenantId(), "Short", "short@" + a.host(), "short".toCharArray(), "10.9.2.1"));
    }

    private String lastMail(String recipient) {
        List<byte[]> mimes = em.createQuery("select m.mime from OutboxMail m where m.recipient = :r order by m.id desc", byte[].class)
                .setParameter("r", recipient).setMaxResults(1).getResultList();
        assertEquals(1, mimes.size(), "a mail to " + recipient);
        return new String(mimes.get(0), StandardCharsets.UTF_8);
    }

    private static String token(String mail) {
        Matcher link = LINK.matcher(mail.replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), "the mail holds a link");
        return link.group(1);
    }
}
