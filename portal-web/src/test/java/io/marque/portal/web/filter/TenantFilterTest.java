package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.tenant.HostResolver;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

/** The filter's two pure rules: which area exists on which tenant, and whose address a request is from. */
class TenantFilterTest {

    private static TenantSnapshot tenant(TenantKind kind) {
        return new TenantSnapshot(1, kind, "t", "T", TenantStatus.ACTIVE, "base", "en", "UTC", "USD", false, false,
                "t.localhost", "T", "s@t.example", "#000000", "#ffffff", "", "", null, "abcdefabcdef");
    }

    @Test
    void theProviderConsoleExistsOnlyOnTheProvidersHost() {
        TenantSnapshot provider = tenant(TenantKind.PROVIDER);
        TenantSnapshot reseller = tenant(TenantKind.RESELLER);
        assertTrue(TenantFilter.areaBelongs(provider, "/admin/resellers.xhtml"));
        assertFalse(TenantFilter.areaBelongs(reseller, "/admin/resellers.xhtml"));
        assertFalse(TenantFilter.areaBelongs(reseller, "/admin"));
        for (String path : new String[] {"/customer/", "/reseller/branding", "/signup", "/customer", "/mail/inbound"}) {
            assertFalse(TenantFilter.areaBelongs(provider, path), path);
            assertTrue(TenantFilter.areaBelongs(reseller, path), path);
        }
        assertTrue(TenantFilter.areaBelongs(provider, "/login"));
        assertTrue(TenantFilter.areaBelongs(reseller, "/login"));
        assertTrue(TenantFilter.areaBelongs(reseller, "/administration-notes"), "only the /admin folder is the console");
    }

    @Test
    void theResellerProgramsApplicationPagesExistOnlyOnTheProvidersHost() {
        TenantSnapshot provider = tenant(TenantKind.PROVIDER);
        TenantSnapshot reseller = tenant(TenantKind.RESELLER);
        for (String path : new String[] {"/apply", "/apply.xhtml", "/application", "/application.xhtml"}) {
            assertTrue(TenantFilter.areaBelongs(provider, path), path);
            assertFalse(TenantFilter.areaBelongs(reseller, path), path);
        }
        assertTrue(TenantFilter.areaBelongs(reseller, "/applications-of-mine"), "only those two pages");
    }

    @Test
    void aSuspendedTenantIsUnavailableAnInactiveOneIsServed() {
        assertTrue(withStatus(TenantStatus.ACTIVE).isAvailable());
        assertTrue(withStatus(TenantStatus.INACTIVE).isAvailable());
        assertFalse(withStatus(TenantStatus.INACTIVE).isActive());
        assertFalse(withStatus(TenantStatus.SUSPENDED).isAvailable());
    }

    private static TenantSnapshot withStatus(TenantStatus status) {
        return new TenantSnapshot(1, TenantKind.RESELLER, "t", "T", status, "base", "en", "UTC", "USD", false, false,
                "t.localhost", "T", "s@t.example", "#000000", "#ffffff", "", "", null, "abcdefabcdef");
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        HostResolver hosts = new HostResolver("10.0.0.0/8");
        assertEquals("198.51.100.1", TenantFilter.clientAddress(hosts, "198.51.100.1", null));
        assertEquals("198.51.100.1", TenantFilter.clientAddress(hosts, "198.51.100.1", "1.2.3.4"),
                "an untrusted peer cannot claim another address");
        assertEquals("1.2.3.4", TenantFilter.clientAddress(hosts, "10.0.0.5", "1.2.3.4"));
        assertEquals("1.2.3.4", TenantFilter.clientAddress(hosts, "10.0.0.5", "6.6.6.6, 1.2.3.4, 10.0.0.7"),
                "the nearest untrusted hop wins; what the client itself wrote further left is ignored");
        assertEquals("10.0.0.5", TenantFilter.clientAddress(hosts, "10.0.0.5", "not-an-address"));
    }
}
