package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.domains.CertificateIssuance;
import io.marque.portal.domains.CustomDomain;
import io.marque.portal.domains.CustomDomainView;
import io.marque.portal.domains.CustomDomains;
import io.marque.portal.domains.DomainCertificate;
import io.marque.portal.domains.acme.Pems;
import io.marque.portal.it.infra.LocalDaemons;
import io.marque.portal.it.infra.NginxTls;
import io.marque.portal.it.infra.Pebble;
import io.marque.portal.it.infra.PowerDnsServer;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.DomainDirectory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificates by ACME from a real CA: Let's Encrypt's test server {@code pebble}, started inside the
 * server beside a real {@code pdns_server} that tells it where the reseller's host is. The portal answers
 * the HTTP-01 challenge itself (pebble connects to this WildFly's port 8080 with the reseller's Host),
 * stores the certificate with its key encrypted, writes the file drop, and nginx, configured as
 * {@code docs/tls-front-end.md} says, serves it by SNI; a TLS client checks the chain against pebble's
 * root and the page behind it. A renewal is served without reloading nginx; a host that does not point
 * at the portal fails with the CA's reason, shown to the reseller.
 */
@ExtendWith(ArquillianExtension.class)
class DomainCertificatesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(DomainCertificatesIT.class, PowerDnsServer.class, LocalDaemons.class, Pebble.class,
                NginxTls.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    CustomDomains domains;

    @Inject
    CertificateIssuance issuance;

    @Inject
    DomainDirectory directory;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    private PowerDnsServer pdns;
    private Pebble pebble;
    private NginxTls nginx;
    private Path certDir;
    private Fixtures.Reseller a;
    private String zone;

    @BeforeEach
    void aCaAndAFrontEnd() throws Exception {
        pdns = PowerDnsServer.start();
        zone = "tls-" + Long.toString(System.nanoTime(), 36) + ".test";
        pdns.createZone(zone + ".");
        pdns.createZone("portal-dns.test.");
        pdns.addRecord("edge.portal-dns.test.", "A", 60, "127.0.0.1");
        pebble = Pebble.start(8080, pdns.dnsPort());
        certDir = Files.createTempDirectory("marque-certs");
        Path trust = certDir.resolve("pebble-trust.pem");
        Files.writeString(trust, pebble.trustPem());
        nginx = NginxTls.start(certDir, 8080);
        System.setProperty("marque.dns.resolvers", "127.0.0.1:" + pdns.dnsPort());
        System.setProperty("marque.dns.cname.target", "edge.portal-dns.test");
        System.setProperty("marque.acme.directory", pebble.directoryUrl());
        System.setProperty("marque.acme.trust.file", trust.toString());
        System.setProperty("marque.cert.dir", certDir.toString());
        a = fixtures.reseller("tls");
    }

    @AfterEach
    void stop() {
        for (String p : List.of("marque.dns.resolvers", "marque.dns.cname.target", "marque.acme.directory",
                "marque.acme.trust.file", "marque.cert.dir")) {
            System.clearProperty(p);
        }
        nginx.close();
        pebble.close();
        pdns.close();
        LocalDaemons.deleteTree(certDir);
    }

    @Test
    void aProvenHostGetsACertificateThatTheFrontEndServesAndRenews() throws Exception {
        String host = "support." + zone;
        CustomDomainView claim = proven(host);
        assertEquals(DomainCertificate.Status.WAITING, claim.certificate().status());

        assertEquals(1, issuance.renewDue(Instant.now()));
        claim = domains.get(a.admin(), claim.id());
        assertEquals(DomainCertificate.Status.ISSUED, claim.certificate().status(), String.valueOf(claim.certificate().lastError()));
        assertTrue(claim.certificate().notAfter().isAfter(Instant.now().plus(Duration.ofDays(7))));
        String stored = storedKey(claim.id());
        assertFalse(stored.contains("PRIVATE KEY"), "the key is stored encrypted");
        assertTrue(Files.exists(certDir.resolve(host + ".crt")) && Files.exists(certDir.resolve(host + ".key")));
        assertEquals(1L, activities("certificate.issued", host));

        X509Certificate served = handshake(host);
        assertEquals(new java.math.BigInteger(claim.certificate().serial(), 16), served.getSerialNumber());
        assertTrue(served.getSubjectAlternativeNames().stream().anyMatch(n -> host.equals(n.get(1))));
        String page = get(host, "/login");
        assertTrue(page.startsWith("HTTP/1.1 200"), page.lines().findFirst().orElse(""));
        TenantSnapshot provider = directory.byId(fixtures.providerAdmin().tenantId()).orElseThrow();
        assertFalse(page.contains(provider.displayName()), "the reseller's portal behind its own certificate names no provider");

        // nothing is due while the certificate is young; within the renewal window it is renewed
        assertEquals(0, issuance.renewDue(Instant.now()));
        Instant nearTheEnd = claim.certificate().notAfter().minus(Duration.ofDays(10));
        assertEquals(1, issuance.renewDue(nearTheEnd));
        CustomDomainView renewed = domains.get(a.admin(), claim.id());
        assertNotEquals(claim.certificate().serial(), renewed.certificate().serial());
        assertEquals(1L, activities("certificate.renewed", host));
        assertEquals(new java.math.BigInteger(renewed.certificate().serial(), 16), handshake(host).getSerialNumber(),
                "nginx serves the renewed certificate without a reload");
    }

    @Test
    void aHostPointingElsewhereFailsWithTheCasReasonForTheResellerAndTheProvider() throws Exception {
        String host = "elsewhere." + zone;
        CustomDomainView claim = proven(host);
        // the CA validates on a port nothing listens on: as if the host pointed at another machine
        pebble.close();
        pebble = Pebble.start(freePort(), pdns.dnsPort());
        Files.writeString(Path.of(System.getProperty("marque.acme.trust.file")), pebble.trustPem());
        System.setProperty("marque.acme.directory", pebble.directoryUrl());

        assertEquals(0, issuance.renewDue(Instant.now()));
        claim = domains.get(a.admin(), claim.id());
        assertEquals(DomainCertificate.Status.FAILED, claim.certificate().status());
        assertNotNull(claim.certificate().lastError());
        assertFalse(claim.certificate().lastError().contains("Exception"), claim.certificate().lastError());
        assertTrue(claim.warnings().contains("domains.warn.certificate"));
        long id = claim.id();
        assertTrue(domains.all(fixtures.providerAgent()).stream().anyMatch(d -> d.id() == id && d.attention()
                && d.certificate().lastError() != null));
        assertTrue(Files.notExists(certDir.resolve(host + ".crt")));
        // tried again only after a pause
        assertEquals(0, issuance.renewDue(Instant.now()));
    }

    private CustomDomainView proven(String host) throws Exception {
        CustomDomainView claim = domains.add(a.admin(), host, null);
        for (CustomDomainView.RecordView r : claim.records()) {
            pdns.addRecord(r.name() + ".", r.type(), 60, r.type().equals("CNAME") ? r.expected() + "." : PowerDnsServer.txt(r.expected()));
        }
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(CustomDomain.Status.ACTIVE, claim.status());
        return claim;
    }

    /** A TLS handshake with nginx asking for the host by SNI; the chain must check against pebble's root. */
    private X509Certificate handshake(String host) throws Exception {
        try (SSLSocket socket = tls(host)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private String get(String host, String path) throws Exception {
        try (SSLSocket socket = tls(host)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SSLSocket tls(String host) throws Exception {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        int i = 0;
        for (var root : factory.generateCertificates(new ByteArrayInputStream(pebble.rootsPem().getBytes(StandardCharsets.US_ASCII)))) {
            roots.setCertificateEntry("root" + i++, root);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", nginx.httpsPort()), 5000);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, nginx.httpsPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private String storedKey(long domainId) {
        return em.createQuery("select c.keyPem from DomainCertificate c where c.customDomainId = :d", String.class)
                .setParameter("d", domainId).getSingleResult();
    }

    private long activities(String action, String target) {
        return em.createQuery("select count(a) from Activity a where a.tenantId = :t and a.action = :a and a.target = :target",
                Long.class).setParameter("t", a.tenantId()).setParameter("a", action).setParameter("target", target).getSingleResult();
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
