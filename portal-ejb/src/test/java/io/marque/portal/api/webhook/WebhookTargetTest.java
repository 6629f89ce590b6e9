package io.marque.portal.api.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.api.webhook.WebhookTarget.Refusal;
import io.marque.portal.api.webhook.WebhookTarget.RefusedException;
import io.marque.portal.api.webhook.WebhookTarget.Resolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The URL rules, with a resolver of the test's own: no DNS is asked. */
class WebhookTargetTest {

    private static final Map<String, String[]> ZONE = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"},
            "internal.example.com", new String[] {"10.1.2.3"},
            "rebound.example.com", new String[] {"93.184.216.34", "127.0.0.1"},
            "metadata.example.com", new String[] {"169.254.169.254"});

    private static final Resolver FAKE = host -> {
        String[] answers = ZONE.get(host);
        if (answers == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)}; // a literal: no lookup
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            addresses[i] = InetAddress.getByName(answers[i]);
        }
        return addresses;
    };

    private static final Resolver NEVER = host -> {
        throw new AssertionError("resolved " + host);
    };

    @Test
    void aPublicHttpsUrlIsKeptWithItsPathAndQueryAndALowerCaseHost() {
        assertEquals(URI.create("https://hooks.example.com/marque/in?tenant=7"),
                WebhookTarget.check(" HTTPS://Hooks.Example.com/marque/in?tenant=7 ", false, FAKE));
        assertEquals(URI.create("http://hooks.example.com:8443/"), WebhookTarget.check("http://hooks.example.com:8443", false, FAKE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.com/in", "/in", "https://", "https:///in", "http://hooks.example.com/in#part",
            "https://hooks example.com/", "https://exa_mple.com/", "https://hooks.example.com:0/"})
    void malformedUrlsAreRefused(String url) {
        assertRefused(Refusal.MALFORMED, url, true);
    }

    @Test
    void tooLongUrlsAreRefused() {
        assertRefused(Refusal.MALFORMED, "https://hooks.example.com/" + "a".repeat(2000), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "gopher://hooks.example.com/", "javascript:alert(1)"})
    void onlyHttpAndHttpsAreAccepted(String url) {
        Refusal refusal = assertThrows(RefusedException.class, () -> WebhookTarget.check(url, true, NEVER)).refusal();
        // an opaque URI (javascript:…) is malformed before its scheme is looked at
        assertEquals(url.startsWith("javascript") ? Refusal.MALFORMED : Refusal.SCHEME, refusal, url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@hooks.example.com/", "https://user@hooks.example.com/", "https://:pass@hooks.example.com/"})
    void credentialsInTheUrlAreRefusedEvenWhenPrivateAddressesAreAllowed(String url) {
        assertRefused(Refusal.CREDENTIALS, url, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://127.1.2.3/", "http://[::1]/", "http://10.0.0.1/", "http://172.16.5.4/",
            "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",
            "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://0.0.0.0/", "http://[::ffff:10.0.0.1]/", "http://100.64.0.1/",
            "http://224.0.0.1/", "http://internal.example.com/", "http://metadata.example.com/"})
    void loopbackPrivateAndLinkLocalAddressesAreRefused(String url) {
        assertRefused(Refusal.NOT_PUBLIC, url, false);
    }

    @Test
    void aNameWithOnePrivateAnswerAmongPublicOnesIsRefused() {
        assertRefused(Refusal.NOT_PUBLIC, "https://rebound.example.com/", false);
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        assertRefused(Refusal.UNRESOLVABLE, "https://nowhere.example.com/", false);
        Resolver empty = host -> new InetAddress[0];
        assertEquals(Refusal.UNRESOLVABLE, assertThrows(RefusedException.class,
                () -> WebhookTarget.check("https://hooks.example.com/", false, empty)).refusal());
    }

    @Test
    void publicAddressesPass() {
        WebhookTarget.check("https://93.184.216.34/in", false, FAKE);
        WebhookTarget.check("https://[2606:2800:220:1:248:1893:25c8:1946]/in", false, FAKE);
        WebhookTarget.check("http://172.32.0.1/", false, FAKE);
    }

    @Test
    void allowingPrivateAddressesSkipsTheLookupButNotTheShape() {
        assertEquals(URI.create("http://127.0.0.1:8080/hook"), WebhookTarget.check("http://127.0.0.1:8080/hook", true, NEVER));
        assertEquals(URI.create("http://nowhere.example.com/"), WebhookTarget.check("http://nowhere.example.com", true, NEVER));
    }

    @Test
    void everyRefusalHasAMessageKey() {
        for (Refusal refusal : Refusal.values()) {
            assertEquals(true, refusal.messageKey().startsWith("webhooks.error."), refusal.name());
        }
    }

    private static void assertRefused(Refusal expected, String url, boolean allowPrivate) {
        RefusedException e = assertThrows(RefusedException.class, () -> WebhookTarget.check(url, allowPrivate, allowPrivate ? NEVER : FAKE),
                url);
        assertEquals(expected, e.refusal(), url + ": " + e.getMessage());
    }
}
