package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.tenant.HostResolver;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The policy a page gets, and when a request counts as having reached us over TLS. */
class SecurityHeadersTest {

    @Test
    void aPagesScriptsNeedTheNonceAndNothingIsUnsafe() {
        String policy = SecurityHeaders.pagePolicy("abc123==");
        assertTrue(policy.contains("script-src 'self' 'nonce-abc123=='"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertFalse(policy.contains("strict-dynamic"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertTrue(policy.contains("base-uri 'self'"), policy);
        assertTrue(policy.contains("style-src 'self';"), policy);
    }

    @Test
    void aFileRunsNothingAndIsSandboxed() {
        assertTrue(SecurityHeaders.FILE_POLICY.startsWith("default-src 'none'"));
        assertTrue(SecurityHeaders.FILE_POLICY.contains("sandbox"));
        assertTrue(SecurityHeaders.FILE_POLICY.contains("frame-ancestors 'none'"));
    }

    @Test
    void eachNonceIsNewAnd128RandomBits() {
        String one = SecurityHeaders.newNonce();
        String two = SecurityHeaders.newNonce();
        assertNotEquals(one, two);
        assertEquals(16, Base64.getDecoder().decode(one).length);
        assertTrue(one.matches("[A-Za-z0-9+/]+={0,2}"), "CSP's base64-value grammar: " + one);
    }

    @Test
    void aTlsConnectionIsSecureWhateverTheHeadersSay() {
        assertTrue(SecurityHeaders.isSecure(true, false, null));
        assertTrue(SecurityHeaders.isSecure(true, false, "http"));
    }

    @Test
    void forwardedProtoIsBelievedOnlyFromATrustedProxy() {
        HostResolver hosts = new HostResolver("10.0.0.0/8, ::1");
        assertTrue(SecurityHeaders.isSecure(false, hosts.isTrusted("10.1.2.3"), "https"));
        assertTrue(SecurityHeaders.isSecure(false, hosts.isTrusted("::1"), "HTTPS"));
        assertFalse(SecurityHeaders.isSecure(false, hosts.isTrusted("203.0.113.9"), "https"),
                "any client can send X-Forwarded-Proto");
        assertFalse(SecurityHeaders.isSecure(false, new HostResolver("").isTrusted("127.0.0.1"), "https"),
                "no proxy configured: nobody is believed");
        assertFalse(SecurityHeaders.isSecure(false, hosts.isTrusted("10.1.2.3"), "http"));
        assertFalse(SecurityHeaders.isSecure(false, hosts.isTrusted("10.1.2.3"), null));
        assertFalse(SecurityHeaders.isSecure(false, hosts.isTrusted("10.1.2.3"), ""));
        assertFalse(SecurityHeaders.isSecure(false, hosts.isTrusted("10.1.2.3"), "httpsx"));
    }

    @Test
    void ofSeveralProxiesTheOneNearestTheBrowserSpeaks() {
        assertTrue(SecurityHeaders.isSecure(false, true, "https, http"));
        assertFalse(SecurityHeaders.isSecure(false, true, "http, https"));
    }

    @Test
    void hstsPinsOneYearAndNotTheResellersOtherHosts() {
        assertEquals("max-age=31536000", SecurityHeaders.HSTS);
    }
}
