package io.marque.portal.it.infra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.marque.portal.domains.acme.AcmeFailure;
import io.marque.portal.domains.acme.AcmeIssuer;
import io.marque.portal.domains.acme.CertificateFiles;
import io.marque.portal.domains.acme.ChallengeBoard;
import io.marque.portal.domains.acme.IssuedCertificate;
import io.marque.portal.domains.acme.Pems;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reseller's portal host gets its certificate from a real ACME CA (Pebble) by HTTP-01, the portal's
 * stand-in answers the CA's request from the challenge board, nginx serves the certificate by SNI from
 * the file drop, and a renewal is served without restarting nginx. The CA resolves the host through a
 * real PowerDNS, so a host that does not point at the portal fails as it would in production. Plain JUnit,
 * no WildFly: the issuer needs nothing from the container.
 */
class AcmeIssuerIT {

    private static final String ZONE = "acme-test.example.";
    private static final String PORTAL = "portal.acme-test.example";
    /** Points at 127.0.0.2, where nothing listens: a reseller whose DNS does not point at the portal. */
    private static final String ELSEWHERE = "elsewhere.acme-test.example";
    /** Has no record at all. */
    private static final String NOWHERE = "nowhere.acme-test.example";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static PowerDnsServer pdns;
    private static HttpServer portal;
    private static Pebble pebble;
    private static final Board board = new Board();
    /** "host token" of each challenge request the portal's stand-in answered. */
    private static final List<String> answered = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path certificates;

    @BeforeAll
    static void start() throws IOException {
        pdns = PowerDnsServer.start();
        pdns.createZone(ZONE);
        pdns.addRecord(PORTAL + ".", "A", 60, "127.0.0.1");
        pdns.addRecord(ELSEWHERE + ".", "A", 60, "127.0.0.2");
        portal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        portal.createContext("/", AcmeIssuerIT::answer);
        portal.start();
        pebble = Pebble.start(portal.getAddress().getPort(), pdns.dnsPort());
    }

    @AfterAll
    static void stop() {
        try {
            if (pebble != null) {
                pebble.close();
            }
        } finally {
            try {
                if (portal != null) {
                    portal.stop(0);
                }
            } finally {
                if (pdns != null) {
                    pdns.close();
                }
            }
        }
    }

    @Test
    void aCertificateIsIssuedServedByNginxAndRenewedWithoutARestart() throws Exception {
        AcmeIssuer issuer = issuer();
        KeyPair account = Pems.newKeyPair();
        issuer.register(account, "hostmaster@acme-test.example");

        long start = System.nanoTime();
        IssuedCertificate first = issuer.issue(account, PORTAL, board);
        System.out.printf("issued in %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());

        List<X509Certificate> chain = Pems.certificatesFromPem(first.chainPem());
        X509Certificate leaf = chain.get(0);
        assertTrue(chain.size() >= 2, "leaf and intermediate: " + chain.size());
        assertEquals(List.of(List.of(2, PORTAL)), List.copyOf(leaf.getSubjectAlternativeNames()));
        assertTrue(first.notAfter().isAfter(Instant.now()), "valid now");
        assertFalse(first.notBefore().isAfter(Instant.now().plusSeconds(60)));
        assertEquals(leaf.getNotAfter().toInstant(), first.notAfter());
        assertEquals(leaf.getSerialNumber().toString(16), first.serialHex());
        assertEquals(chain.get(1).getSubjectX500Principal(), leaf.getIssuerX500Principal(), "leaf first, then its issuer");
        leaf.verify(chain.get(1).getPublicKey());
        assertKeyMatches(Pems.keyPairFromPem(first.privateKeyPem()), leaf);
        assertBoardWasUsedAndCleared(PORTAL);

        CertificateFiles files = new CertificateFiles(certificates);
        files.write(PORTAL, first);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.keyFile(PORTAL))));

        String roots = pebble.rootsPem();
        try (NginxTls nginx = NginxTls.start(certificates, portal.getAddress().getPort())) {
            Served served = fetch(nginx, PORTAL, roots);
            assertArrayEquals(leaf.getEncoded(), served.leaf().getEncoded(), "nginx serves exactly the issued leaf");
            assertTrue(served.response().startsWith("HTTP/1.1 200"), served.response());
            assertTrue(served.response().endsWith("hello from the portal; Host " + PORTAL + "; proto https"),
                    served.response());

            IssuedCertificate renewed = issuer.issue(account, PORTAL, board);
            assertNotEquals(first.serialHex(), renewed.serialHex());
            assertNotEquals(first.privateKeyPem(), renewed.privateKeyPem(), "a renewal has a new key");
            assertBoardWasUsedAndCleared(PORTAL); // Pebble reuses no validation here: the renewal was proven anew
            files.write(PORTAL, renewed);

            Served afterRenewal = fetch(nginx, PORTAL, roots);
            X509Certificate renewedLeaf = Pems.certificatesFromPem(renewed.chainPem()).get(0);
            assertArrayEquals(renewedLeaf.getEncoded(), afterRenewal.leaf().getEncoded(),
                    "the same nginx serves the renewed leaf:\n" + nginx.log());
            assertEquals(renewed.serialHex(), afterRenewal.leaf().getSerialNumber().toString(16));
            assertTrue(afterRenewal.response().startsWith("HTTP/1.1 200"), afterRenewal.response());
        }
    }

    @Test
    void aHostThatDoesNotPointAtThePortalFailsReadably() throws Exception {
        AcmeIssuer issuer = issuer();
        KeyPair account = Pems.newKeyPair();
        issuer.register(account, null);

        AcmeFailure refused = assertThrows(AcmeFailure.class, () -> issuer.issue(account, ELSEWHERE, board));
        System.out.println("elsewhere: " + refused.getMessage());
        assertTrue(refused.getMessage().startsWith("The certificate authority could not verify " + ELSEWHERE + ": "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("/.well-known/acme-challenge/"), refused.getMessage());
        assertTrue(refused.getMessage().toLowerCase().contains("connection refused"), refused.getMessage());
        assertReadable(refused);
        assertBoardWasUsedAndCleared(ELSEWHERE);

        AcmeFailure unknown = assertThrows(AcmeFailure.class, () -> issuer.issue(account, NOWHERE, board));
        System.out.println("nowhere: " + unknown.getMessage());
        assertTrue(unknown.getMessage().startsWith("The certificate authority could not verify " + NOWHERE + ": "),
                unknown.getMessage());
        // Pebble says "could not resolve URL", Let's Encrypt "DNS problem: NXDOMAIN looking up A for …"
        assertTrue(unknown.getMessage().contains("could not resolve") || unknown.getMessage().contains("NXDOMAIN"),
                unknown.getMessage());
        assertReadable(unknown);
        assertBoardWasUsedAndCleared(NOWHERE);
    }

    @Test
    void anAccountIsFoundAgainByItsKeyAndAnUnknownKeyIsToldToRegister() throws Exception {
        AcmeIssuer issuer = issuer();
        KeyPair account = Pems.newKeyPair();
        String url = issuer.register(account, "hostmaster@acme-test.example");
        assertTrue(url.startsWith("https://127.0.0.1:"), url);
        assertEquals(url, issuer.register(account, "hostmaster@acme-test.example"), "registering twice is harmless");

        AcmeFailure unregistered = assertThrows(AcmeFailure.class, () -> issuer.issue(Pems.newKeyPair(), PORTAL, board));
        assertEquals("The ACME account is not registered with the certificate authority; register it first.",
                unregistered.getMessage());
    }

    @Test
    void aDirectoryWhoseCertificateIsNotTrustedIsRefused() {
        AcmeIssuer trustingTheJdkOnly = new AcmeIssuer(URI.create(pebble.directoryUrl()), null, TIMEOUT);
        AcmeFailure refused = assertThrows(AcmeFailure.class, () -> trustingTheJdkOnly.register(Pems.newKeyPair(), null));
        assertEquals("No secure connection to the certificate authority: its certificate is not trusted here or the"
                + " TLS handshake failed.", refused.getMessage());
    }

    private static AcmeIssuer issuer() {
        return new AcmeIssuer(URI.create(pebble.directoryUrl()), pebble.trustPem(), TIMEOUT);
    }

    /** The board published before the CA asked (the CA's request was answered) and was emptied afterwards. */
    private static void assertBoardWasUsedAndCleared(String host) {
        List<String> events = board.eventsFor(host);
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("publish "), events.toString());
        String token = events.get(0).substring("publish ".length());
        assertEquals("withdraw " + token, events.get(1));
        assertTrue(board.isEmpty(), "nothing left published");
        if (!host.equals(ELSEWHERE) && !host.equals(NOWHERE)) {
            assertTrue(answered.contains(host + " " + token), "the CA fetched the answer from the portal: " + answered);
        }
    }

    private static void assertKeyMatches(KeyPair key, X509Certificate leaf) throws Exception {
        assertArrayEquals(leaf.getPublicKey().getEncoded(), key.getPublic().getEncoded());
        byte[] data = "a handshake".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(data);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(leaf);
        verifier.update(data);
        assertTrue(verifier.verify(signer.sign()), "the private key belongs to the leaf");
    }

    private static void assertReadable(AcmeFailure failure) {
        String message = failure.getMessage();
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(message.contains("urn:ietf"), message);
        assertFalse(message.contains(pebble.directoryUrl()), message);
        assertTrue(message.length() < 500, message);
    }

    private record Served(X509Certificate leaf, String response) {
    }

    /** A TLS client with SNI, verifying the chain against Pebble's root and the name against the SAN. */
    private static Served fetch(NginxTls nginx, String host, String rootsPem) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        int i = 0;
        for (Certificate root : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(rootsPem.getBytes(StandardCharsets.US_ASCII)))) {
            trusted.setCertificateEntry("root-" + i++, root);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), nginx.httpsPort()), 5000);
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            try {
                socket.startHandshake();
            } catch (IOException e) {
                throw new AssertionError("TLS handshake with nginx failed: " + e + "\n" + nginx.log(), e);
            }
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            OutputStream out = socket.getOutputStream();
            out.write(("GET /hello HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new Served(leaf, new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
            }
        }
    }

    /** The portal's part: the challenge answers from the board, and a page that shows what nginx passed on. */
    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String host = exchange.getRequestHeaders().getFirst("Host").replaceFirst(":\\d+$", "");
            String body;
            int status;
            if (path.startsWith("/.well-known/acme-challenge/")) {
                String token = path.substring("/.well-known/acme-challenge/".length());
                body = board.answer(host, token);
                status = body == null ? 404 : 200;
                if (body != null) {
                    answered.add(host + " " + token);
                }
            } else if (path.equals("/hello")) {
                status = 200;
                body = "hello from the portal; Host " + host + "; proto "
                        + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto");
            } else {
                status = 404;
                body = null;
            }
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The lead's database table, in memory: answers by host and token, and a log of what was done. */
    private static final class Board implements ChallengeBoard {

        private final Map<String, String> answers = new ConcurrentHashMap<>();
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(String host, String token, String content) {
            answers.put(host + " " + token, content);
            events.add(host + " publish " + token);
        }

        @Override
        public void withdraw(String host, String token) {
            answers.remove(host + " " + token);
            events.add(host + " withdraw " + token);
        }

        String answer(String host, String token) {
            return answers.get(host + " " + token);
        }

        boolean isEmpty() {
            return answers.isEmpty();
        }

        /** This host's events since the last call for it, without the host; forgets them. */
        List<String> eventsFor(String host) {
            synchronized (events) {
                List<String> mine = new ArrayList<>();
                events.removeIf(event -> {
                    if (event.startsWith(host + " ")) {
                        mine.add(event.substring(host.length() + 1));
                        return true;
                    }
                    return false;
                });
                return mine;
            }
        }
    }
}
