package io.marque.portal.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marque.portal.platform.MarqueConfig;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which relay a mail leaves through, and that the envelope sender is always the mail's own From
 * (the reseller's support address), against a real SMTP server (GreenMail on a free port).
 */
class MailTransportTest {

    private static final String MAIL = "From: Acme Cloud <support@acme.test>\r\nTo: carla@customer.test\r\n"
            + "Subject: [#1] Hello\r\nMessage-ID: <kept@acme.test>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello\r\n";

    @TempDir
    Path dir;

    private GreenMail relay;

    @BeforeEach
    void start() {
        relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        System.setProperty("marque.mail.dir", dir.toString());
        // an empty property wins over MARQUE_SMTP_HOST in the environment (./marque test sets one for the server)
        System.setProperty("marque.smtp.host", "");
    }

    @AfterEach
    void stop() {
        relay.stop();
        for (String name : new String[] {"marque.mail.dir", "marque.smtp.host", "marque.smtp.port",
                "marque.mailbox.allow.private"}) {
            System.clearProperty(name);
        }
    }

    private MailTransport transport() {
        MailTransport transport = new MailTransport();
        transport.config = new MarqueConfig();
        transport.init();
        return transport;
    }

    @Test
    void withNoRelayAtAllTheMailIsWrittenToAFile() throws Exception {
        transport().send(42, MAIL.getBytes(UTF_8), null);
        assertArrayEquals(MAIL.getBytes(UTF_8), Files.readAllBytes(dir.resolve("mail-42.eml")));
        assertEquals(0, relay.getReceivedMessages().length);
    }

    @Test
    void theResellersRelaySendsItsMailWithItsOwnEnvelopeSender() throws Exception {
        System.setProperty("marque.mailbox.allow.private", "true");
        transport().send(42, MAIL.getBytes(UTF_8), new SmtpRelay("127.0.0.1", relay.getSmtp().getPort(), false, null, null));
        MimeMessage[] received = relay.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("<kept@acme.test>", received[0].getMessageID(), "the composer's Message-ID is kept");
        assertEquals("<support@acme.test>", received[0].getHeader("Return-Path", null));
        assertFalse(Files.exists(dir.resolve("mail-42.eml")), "a reseller relay is a relay: no file");
    }

    @Test
    void theProvidersRelayAlsoUsesTheMailsFromAsEnvelopeSender() throws Exception {
        System.setProperty("marque.smtp.host", "127.0.0.1");
        System.setProperty("marque.smtp.port", String.valueOf(relay.getSmtp().getPort()));
        transport().send(7, MAIL.getBytes(UTF_8));
        MimeMessage[] received = relay.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("<support@acme.test>", received[0].getHeader("Return-Path", null));
    }

    @Test
    void aResellerRelayInsideTheProvidersNetworkIsRefused() {
        SmtpRelay inside = new SmtpRelay("127.0.0.1", relay.getSmtp().getPort(), false, null, null);
        assertThrows(MailServerAddress.NotPublicException.class, () -> transport().send(1, MAIL.getBytes(UTF_8), inside));
        assertEquals(0, relay.getReceivedMessages().length);
    }

    @Test
    void aRelayThatPromisesStarttlsMustKeepThePromise() {
        Properties props = MailTransport.relay(new SmtpRelay("smtp.acme.example", 587, true, "support", "pw"));
        assertEquals("smtp.acme.example", props.get("mail.smtp.host"));
        assertEquals("587", props.get("mail.smtp.port"));
        assertEquals("true", props.get("mail.smtp.auth"));
        assertEquals("true", props.get("mail.smtp.starttls.required"));
        assertEquals("10000", props.get("mail.smtp.connectiontimeout"));
        Properties plain = MailTransport.relay(new SmtpRelay("smtp.acme.example", 25, false, null, null));
        assertFalse(plain.containsKey("mail.smtp.auth"));
        assertFalse(plain.containsKey("mail.smtp.starttls.enable"));
        assertTrue(!new SmtpRelay("h", 1, true, "u", "secret-pw").toString().contains("secret-pw"), "no password in logs");
    }
}
