package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** OWASP's origin check: which requests a browser may send to the portal's pages from where. */
class SameOriginTest {

    private static final String ACME = SameOrigin.origin("http", "acme.localhost", "acme.localhost:8080");

    @Test
    void aRequestsOwnOriginIsSchemeHostAndAnyPortButTheDefault() {
        assertEquals("http://acme.localhost:8080", ACME);
        assertEquals("https://portal.acme-cloud.com", SameOrigin.origin("https", "portal.acme-cloud.com", "portal.acme-cloud.com"));
        assertEquals("https://portal.acme-cloud.com", SameOrigin.origin("https", "portal.acme-cloud.com", "portal.acme-cloud.com:443"));
        assertEquals("http://acme.localhost", SameOrigin.origin("http", "acme.localhost", null));
        assertEquals("https://portal.acme-cloud.com:8443", SameOrigin.origin("https", "portal.acme-cloud.com", "Portal.Acme-Cloud.com:8443"));
        assertEquals("http://[::1]:8080", SameOrigin.origin("http", "::1", "[::1]:8080"));
        assertEquals("http://[::1]", SameOrigin.origin("http", "::1", "[::1]"));
    }

    @Test
    void readingAndAskingNeverNeedAnOrigin() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertTrue(SameOrigin.allows(method, "/customer/ticket", "http://evil.example", null, ACME), method);
        }
    }

    @Test
    void aPostFromThePortalsOwnPageGoesOn() {
        assertTrue(SameOrigin.allows("POST", "/customer/profile", "http://acme.localhost:8080", null, ACME));
        assertTrue(SameOrigin.allows("POST", "/customer/profile", "HTTP://ACME.localhost:8080", null, ACME));
        assertTrue(SameOrigin.allows("POST", "/customer/profile", null, "http://acme.localhost:8080/customer/profile?x=1", ACME));
        assertTrue(SameOrigin.allows("PUT", "/customer/profile", "http://acme.localhost:8080", null, ACME));
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://evil.example", null, ACME));
        assertFalse(SameOrigin.allows("DELETE", "/customer/profile", "http://evil.example", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", null, "http://evil.example/acme.localhost:8080", ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://acme.localhost.evil.example:8080", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://evilacme.localhost:8080", null, ACME));
    }

    @Test
    void anotherTenantOnTheSameMachineIsAnotherSite() {
        // SameSite=Lax would let this one through: *.localhost, like two resellers' hosts under one registrable domain
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://bluebird.localhost:8080", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/login", "http://support.acme.localhost:8080", null, ACME));
    }

    @Test
    void anotherPortOrAPlainHttpPageIsAnotherOrigin() {
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://acme.localhost:9090", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://acme.localhost", null, ACME));
        String tls = SameOrigin.origin("https", "portal.acme-cloud.com", "portal.acme-cloud.com");
        assertFalse(SameOrigin.allows("POST", "/login", "http://portal.acme-cloud.com", null, tls),
                "a network attacker can write a plain-http page on the host");
    }

    @Test
    void anHttpsPageOfTheSameHostMayPostWhereTlsEndedAtAnUntrustedProxy() {
        String plain = SameOrigin.origin("http", "portal.acme-cloud.com", "portal.acme-cloud.com");
        assertTrue(SameOrigin.allows("POST", "/login", "https://portal.acme-cloud.com", null, plain));
        assertFalse(SameOrigin.allows("POST", "/login", "https://evil.example", null, plain));
    }

    @Test
    void originWinsOverReferer() {
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://evil.example", "http://acme.localhost:8080/customer/profile", ACME));
        assertTrue(SameOrigin.allows("POST", "/customer/profile", "http://acme.localhost:8080", "http://evil.example/", ACME));
    }

    @Test
    void anOpaqueOrUnreadableOriginIsRefused() {
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "null", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "not a url", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "file:///etc/passwd", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", null, "http://acme.localhost:8080@evil.example/", ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/profile", "http://acme.localhost:8080", null, null),
                "without its own origin a request matches nothing");
    }

    @Test
    void withNeitherHeaderTheRequestIsAProgramsAndGoesOn() {
        assertTrue(SameOrigin.allows("POST", "/login", null, null, ACME));
    }

    @Test
    void theApiTheInboundMailAndTheAcmeChallengeAreExempt() {
        assertTrue(SameOrigin.allows("POST", "/api/v1/tickets", "http://evil.example", null, ACME));
        assertTrue(SameOrigin.allows("POST", "/mail/inbound", "http://evil.example", null, ACME));
        assertTrue(SameOrigin.allows("POST", "/.well-known/acme-challenge/token", "http://evil.example", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/apiary", "http://evil.example", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/mail/inboundx", "http://evil.example", null, ACME));
        assertFalse(SameOrigin.allows("POST", "/customer/api/v1", "http://evil.example", null, ACME));
    }

    @Test
    void originsAreReadAsBrowsersWriteThem() {
        assertEquals("https://portal.acme-cloud.com", SameOrigin.originOf("https://portal.acme-cloud.com:443"));
        assertEquals("http://acme.localhost:8080", SameOrigin.originOf("http://acme.localhost:8080/path?q#f"));
        assertEquals("http://acme.localhost", SameOrigin.originOf("http://acme.localhost./"));
        assertEquals("http://[::1]:8080", SameOrigin.originOf("http://[::1]:8080"));
        assertNull(SameOrigin.originOf("null"));
        assertNull(SameOrigin.originOf("ftp://acme.localhost"));
        assertNull(SameOrigin.originOf("http://user@acme.localhost"));
    }

    @Test
    void aHostHeadersPortIsReadOnlyWhereItIsOne() {
        assertEquals(8080, SameOrigin.portOf("acme.localhost:8080"));
        assertEquals(-1, SameOrigin.portOf("acme.localhost"));
        assertEquals(8080, SameOrigin.portOf("[::1]:8080"));
        assertEquals(-1, SameOrigin.portOf("[::1]"));
        assertEquals(-1, SameOrigin.portOf("::1"));
        assertEquals(-1, SameOrigin.portOf("acme.localhost:99999"));
        assertEquals(-1, SameOrigin.portOf("acme.localhost:80a"));
        assertEquals(-1, SameOrigin.portOf(null));
    }
}
