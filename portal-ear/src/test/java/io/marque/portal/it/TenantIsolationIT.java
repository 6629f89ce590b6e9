package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.audit.ActivityLog;
import io.marque.portal.audit.ActivityView;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.CustomerService;
import io.marque.portal.identity.CustomerView;
import io.marque.portal.identity.ProfileService;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.StaffService;
import io.marque.portal.identity.UserView;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.BrandChange;
import io.marque.portal.tenant.BrandView;
import io.marque.portal.tenant.BrandingService;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.DomainService;
import io.marque.portal.tenant.DomainView;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.TenantStatus;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Law 1 at the service layer: one reseller's staff cannot read or change another reseller's
 * users, customers, domains, branding or activity through any service call, whatever ids they
 * pass; and the host map follows domain changes as soon as they commit.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(TenantIsolationIT.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    StaffService staff;

    @Inject
    CustomerService customers;

    @Inject
    BrandingService branding;

    @Inject
    DomainService domains;

    @Inject
    DomainDirectory directory;

    @Inject
    ResellerAdministration resellers;

    @Inject
    ProfileService profiles;

    @Inject
    ActivityLog activity;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;

    @BeforeEach
    void twoResellers() {
        a = fixtures.reseller("iso-a");
        b = fixtures.reseller("iso-b");
    }

    @Test
    void staffOfOneResellerCannotSeeOrChangeAnothersUsers() {
        List<UserView> seen = staff.list(a.admin());
        assertTrue(seen.stream().anyMatch(u -> u.id() == a.agentId()));
        assertTrue(seen.stream().noneMatch(u -> u.id() == b.adminId() || u.id() == b.agentId()));
        assertThrows(NotFoundException.class, () -> staff.setEnabled(a.admin(), b.agentId(), false));
        assertThrows(NotFoundException.class, () -> staff.changeRole(a.admin(), b.agentId(), Role.RESELLER_ADMIN));
        // b's agent is untouched
        assertTrue(staff.list(b.admin()).stream().anyMatch(u -> u.id() == b.agentId()
                && u.status() == io.marque.portal.identity.UserStatus.ACTIVE && u.roles().contains(Role.RESELLER_AGENT)));
    }

    @Test
    void customersOfAnotherResellerAreInvisibleAndUntouchable() {
        List<CustomerView> page = customers.page(a.agent(), "carla", null);
        assertEquals(1, page.size());
        assertEquals(a.customerId(), page.get(0).id());
        assertTrue(customers.page(a.agent(), b.host(), null).isEmpty(), "searching for b's address finds nothing in a");
        assertThrows(NotFoundException.class, () -> customers.setEnabled(a.agent(), b.customerId(), false));
        assertEquals(io.marque.portal.identity.CustomerStatus.ACTIVE,
                customers.page(b.agent(), "carla", null).get(0).status());
    }

    @Test
    void aCustomerCannotUseStaffServices() {
        assertThrows(ForbiddenException.class, () -> customers.page(a.customer(), null, null));
        assertThrows(ForbiddenException.class, () -> staff.list(a.customer()));
        assertThrows(ForbiddenException.class, () -> branding.current(a.customer()));
        assertThrows(ForbiddenException.class, () -> staff.list(a.agent()), "agents do not manage staff");
    }

    @Test
    void brandingChangesOnlyTheActorsOwnTenant() {
        BrandView before = branding.current(b.admin());
        branding.update(a.admin(), new BrandChange("A Renamed", "help@" + a.host(), "#aa0000", "#00aa00", "footer a",
                ".m-card { border-width: 2px; }", "aurora", true, false, "ru", "Europe/Berlin", "EUR"));
        BrandView afterA = branding.current(a.admin());
        assertEquals("A Renamed", afterA.displayName());
        assertEquals("aurora", afterA.theme());
        assertEquals("Europe/Berlin", afterA.timeZone());
        assertEquals("EUR", afterA.currency());
        assertEquals(before, branding.current(b.admin()), "b's brand is unchanged");
        // the host map serves the new brand after the commit
        assertEquals("A Renamed", directory.lookup(a.host()).orElseThrow().displayName());
        assertEquals("#aa0000", directory.lookup(a.host()).orElseThrow().colorPrimary());
    }

    @Test
    void rejectedBrandingChangesNothing() {
        BrandView before = branding.current(a.admin());
        var refused = assertThrows(io.marque.portal.platform.InvalidInputException.class,
                () -> branding.update(a.admin(), new BrandChange("Evil", "not-an-address", "red", "#00aa00", "",
                        "body { background: url(https://evil.example/x.png) }", "no-such-theme", false, false, "xx", "Mars/Olympus", "XYZ")));
        assertTrue(refused.problems().keySet().containsAll(
                List.of("supportEmail", "colorPrimary", "customCss", "theme", "defaultLocale", "timeZone", "currency")),
                refused.problems().toString());
        assertEquals("error.css.url", refused.problems().get("customCss"), "a message key, worded per language");
        assertEquals(before, branding.current(a.admin()));
    }

    @Test
    void resellersCannotManageDomainsOrOtherResellers() {
        List<DomainView> own = domains.own(a.admin());
        assertEquals(List.of(a.host()), own.stream().map(DomainView::host).toList());
        assertThrows(ForbiddenException.class, () -> domains.of(a.admin(), b.tenantId()));
        assertThrows(ForbiddenException.class, () -> domains.add(a.admin(), a.tenantId(), "stolen.example"));
        assertThrows(ForbiddenException.class, () -> domains.remove(a.admin(), domains.own(b.admin()).get(0).id()));
        assertThrows(ForbiddenException.class, () -> resellers.list(a.admin()));
        assertThrows(ForbiddenException.class, () -> resellers.setStatus(a.admin(), b.tenantId(), TenantStatus.SUSPENDED));
        assertThrows(ForbiddenException.class, () -> activity.page(a.agent(), null));
    }

    @Test
    void aProfileCallNeverReachesAnotherTenantsUser() {
        // an actor claiming a's tenant but b's user id (a forged or confused principal) finds nothing
        Actor confused = new Actor(a.tenantId(), b.customerUserId(), "x", java.util.EnumSet.of(Role.CUSTOMER), "127.0.0.1");
        assertThrows(NotFoundException.class, () -> profiles.me(confused));
        assertThrows(NotFoundException.class, () -> profiles.update(confused, "Hacked", "en"));
        assertEquals("carla@" + b.host(), profiles.me(b.customer()).email());
    }

    @Test
    void activityIsScopedToTheTenantForResellersAndWholeForTheProvider() {
        staff.invite(a.admin(), "new@" + a.host(), "New Person", Role.RESELLER_AGENT, Locale.ENGLISH);
        staff.invite(b.admin(), "new@" + b.host(), "New Person", Role.RESELLER_AGENT, Locale.ENGLISH);
        List<ActivityView> ofA = activity.page(a.admin(), null);
        assertTrue(ofA.stream().anyMatch(e -> ("new@" + a.host()).equals(e.target())));
        assertTrue(ofA.stream().noneMatch(e -> e.target() != null && e.target().contains(b.host())));
        List<ActivityView> all = activity.page(fixtures.providerAdmin(), null);
        assertTrue(all.stream().anyMatch(e -> ("new@" + b.host()).equals(e.target())));
        assertTrue(all.stream().anyMatch(e -> ("new@" + a.host()).equals(e.target())));
    }

    @Test
    void hostMapFollowsDomainChangesAfterCommit() {
        Actor provider = fixtures.providerAdmin();
        String extra = "extra-" + a.host();
        assertTrue(directory.lookup(extra).isEmpty());
        DomainView added = domains.add(provider, a.tenantId(), "  EXTRA-" + a.host().toUpperCase() + " ");
        assertEquals(extra, added.host(), "host names are normalised");
        assertEquals(a.tenantId(), directory.lookup(extra).orElseThrow().id());
        assertThrows(io.marque.portal.platform.InvalidInputException.class,
                () -> domains.add(provider, b.tenantId(), extra), "a host belongs to one tenant");
        assertThrows(io.marque.portal.platform.InvalidInputException.class,
                () -> domains.add(provider, b.tenantId(), "bad host/../x"));
        domains.remove(provider, added.id());
        assertTrue(directory.lookup(extra).isEmpty());
        List<String> seenByA = activity.page(a.admin(), null).stream()
                .filter(e -> extra.equals(e.target())).map(ActivityView::action).toList();
        assertTrue(seenByA.contains("domain.added") && seenByA.contains("domain.removed"),
                "the reseller's admin sees what the provider did to its domains: " + seenByA);
        assertTrue(activity.page(b.admin(), null).stream().noneMatch(e -> extra.equals(e.target())),
                "and no other reseller does");
        assertThrows(io.marque.portal.platform.InvalidInputException.class,
                () -> domains.remove(provider, domains.own(a.admin()).get(0).id()), "the last domain stays");
    }

    @Test
    void suspendingAResellerTakesEffectOnItsHost() {
        Actor provider = fixtures.providerAdmin();
        resellers.setStatus(provider, a.tenantId(), TenantStatus.SUSPENDED);
        assertFalse(directory.lookup(a.host()).orElseThrow().isActive());
        resellers.setStatus(provider, a.tenantId(), TenantStatus.ACTIVE);
        assertTrue(directory.lookup(a.host()).orElseThrow().isActive());
    }
}
