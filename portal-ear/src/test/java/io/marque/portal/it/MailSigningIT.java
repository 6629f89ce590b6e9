package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.domains.CustomDomain;
import io.marque.portal.domains.CustomDomainView;
import io.marque.portal.domains.CustomDomains;
import io.marque.portal.domains.DomainRecord.Kind;
import io.marque.portal.identity.PasswordResetService;
import io.marque.portal.it.infra.DkimVerifier;
import io.marque.portal.it.infra.LocalDaemons;
import io.marque.portal.it.infra.PowerDnsServer;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reseller's mail, DKIM-signed with the key Marque made for its mail domain: sent through the outbox
 * to a real SMTP server (GreenMail, inside the server on the tests' relay port), then checked by an
 * independent verifier (dkimpy) against the key the reseller published in a real DNS server. A mail
 * altered on the way fails; a reseller without a mail domain of its own sends unsigned mail.
 */
@ExtendWith(ArquillianExtension.class)
class MailSigningIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(MailSigningIT.class, PowerDnsServer.class, LocalDaemons.class, DkimVerifier.class)
                .addAsLibrary(ShrinkWrap.createFromZipFile(JavaArchive.class, jarOf(GreenMail.class)));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    CustomDomains domains;

    @Inject
    PasswordResetService resets;

    @Inject
    DomainDirectory directory;

    private PowerDnsServer pdns;
    private GreenMail smtp;
    private String zone;

    @BeforeEach
    void dnsAndSmtp() throws Exception {
        pdns = PowerDnsServer.start();
        zone = "mail-" + Long.toString(System.nanoTime(), 36) + ".test";
        pdns.createZone(zone + ".");
        pdns.createZone("portal-dns.test.");
        pdns.addRecord("edge.portal-dns.test.", "A", 60, "127.0.0.1");
        System.setProperty("marque.dns.resolvers", "127.0.0.1:" + pdns.dnsPort());
        System.setProperty("marque.dns.cname.target", "edge.portal-dns.test");
        System.setProperty("marque.dns.spf.include", "spf.portal-dns.test");
        smtp = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").port(3025));
        smtp.start();
    }

    @AfterEach
    void stop() {
        System.clearProperty("marque.dns.resolvers");
        System.clearProperty("marque.dns.cname.target");
        System.clearProperty("marque.dns.spf.include");
        smtp.stop();
        pdns.close();
    }

    @Test
    void aResellersMailIsSignedForItsMailDomainAndVerifiesAgainstThePublishedKey() throws Exception {
        Fixtures.Reseller a = fixtures.reseller("dkim");
        CustomDomainView claim = domains.add(a.admin(), "support." + zone, zone);
        for (CustomDomainView.RecordView r : claim.records()) {
            pdns.addRecord(r.name() + ".", r.type(), 60, r.type().equals("CNAME") ? r.expected() + "." : PowerDnsServer.txt(r.expected()));
        }
        claim = domains.checkNow(a.admin(), claim.id());
        assertEquals(CustomDomain.Status.ACTIVE, claim.status());
        assertEquals(List.of("domains.warn.supportAddress"), claim.warnings(), "every mail record is found");

        // a Russian mail: a UTF-8 subject and a multipart body, as the composer makes them
        resets.requestReset(a.tenantId(), a.customerEmail(), Locale.forLanguageTag("ru"), "127.0.0.1");
        byte[] received = receivedFor(a.customerEmail());
        String headers = headers(received);
        assertTrue(headers.contains("DKIM-Signature:"), headers);
        assertTrue(headers.replaceAll("\\s+", " ").contains("d=" + zone + ";"), headers);
        String selector = claim.records().stream().filter(r -> r.kind() == Kind.DKIM).findFirst().orElseThrow().name()
                .split("\\.")[0];
        assertTrue(headers.replaceAll("\\s+", " ").contains("s=" + selector + ";"), headers);
        assertTrue(headers.matches("(?s).*Message-ID: <[^>]+@" + java.util.regex.Pattern.quote(zone) + ">.*"), headers);

        DkimVerifier.Result verified = DkimVerifier.verify(received, pdns.dnsPort());
        assertTrue(verified.pass(), verified.toString());

        byte[] tampered = tamperBody(received);
        DkimVerifier.Result broken = DkimVerifier.verify(tampered, pdns.dnsPort());
        assertFalse(broken.pass(), "an altered body must not verify: " + broken);

        // the key withdrawn from DNS: nothing verifies
        pdns.deleteRecord(selector + "._domainkey." + zone + ".", "TXT");
        assertFalse(DkimVerifier.verify(received, pdns.dnsPort()).pass());

        TenantSnapshot provider = directory.byId(fixtures.providerAdmin().tenantId()).orElseThrow();
        for (String word : List.of(provider.displayName(), provider.primaryHost())) {
            assertFalse(headers.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)), "headers name " + word);
        }
    }

    @Test
    void aResellerWithoutAMailDomainSendsUnsignedMail() throws Exception {
        Fixtures.Reseller b = fixtures.reseller("nodkim");
        resets.requestReset(b.tenantId(), b.customerEmail(), Locale.ENGLISH, "127.0.0.1");
        String headers = headers(receivedFor(b.customerEmail()));
        assertFalse(headers.contains("DKIM-Signature:"), headers);
        assertTrue(headers.contains("@" + b.host() + ">"), "Message-ID on its own host: " + headers);
    }

    /** The one mail to the recipient, as the SMTP server received it (mails of earlier tests may arrive too). */
    private byte[] receivedFor(String recipient) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mine = new java.util.ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(recipient))) {
                    mine.add(m);
                }
            }
            if (!mine.isEmpty()) {
                assertEquals(1, mine.size());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                mine.get(0).writeTo(out);
                return out.toByteArray();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail reached the SMTP server for " + recipient);
    }

    private static String headers(byte[] mail) {
        String text = new String(mail, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    /** Changes one letter of the body, as a mail server rewriting a link would. */
    private static byte[] tamperBody(byte[] mail) {
        byte[] copy = Arrays.copyOf(mail, mail.length);
        String text = new String(mail, StandardCharsets.ISO_8859_1);
        int body = text.indexOf("\r\n\r\n") + 4;
        for (int i = text.length() - 1; i > body; i--) {
            if (Character.isLetter(text.charAt(i))) {
                copy[i] = (byte) (text.charAt(i) == 'a' ? 'b' : 'a');
                return copy;
            }
        }
        throw new AssertionError("no letter in the body");
    }

}
