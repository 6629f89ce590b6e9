package io.marque.portal.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.marque.portal.mail.inbound.MailboxChange;
import io.marque.portal.mail.inbound.MailboxPoller;
import io.marque.portal.mail.inbound.MailboxService;
import io.marque.portal.mail.inbound.MailboxView;
import io.marque.portal.mail.inbound.ReceivedMail;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.MailIntake;
import io.marque.portal.ticket.MailIntake.Outcome;
import io.marque.portal.ticket.MessageSource;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ReplyAddress;
import io.marque.portal.ticket.TicketMessage;
import io.marque.portal.ticket.TicketSummary;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail that arrives for a reseller, through {@link MailIntake} and through the IMAP poller against a
 * real IMAP server: a reply lands once on its ticket however often it arrives, strangers and machines
 * change nothing, a customer's new mail opens a ticket, quoted history stays out, and one reseller's
 * reply token means nothing at another reseller.
 */
@ExtendWith(ArquillianExtension.class)
class MailIntakeIT {

    @Deployment
    static EnterpriseArchive deployment() {
        // GreenMail runs inside the server, beside the test, so the poller reaches it on loopback
        return Deployments.earWith(MailIntakeIT.class)
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
    MailIntake intake;

    @Inject
    CustomerDesk desk;

    @Inject
    MailboxService mailboxes;

    @Inject
    MailboxPoller poller;

    private Fixtures.Reseller a;
    private long ticket;

    @BeforeEach
    void aResellerWithATicket() {
        a = fixtures.reseller("mail-a");
        long department = desk.departments(a.customer()).get(0).id();
        ticket = desk.open(a.customer(), new NewTicket(department, "Printer on fire", "It smokes.", Priority.HIGH, null),
                List.of());
    }

    @Test
    void aReplyToTheTokenAddressLandsOnceEvenWhenAcceptedTwice() {
        byte[] reply = mail(a.customerEmail(), tokenAddress(a, ticket), "Re: [#" + ticket + "] Printer on fire",
                "<reply-1@customer.test>", fixtures.threadMessageId(a.tenantId(), ticket), "It still smokes.");

        assertEquals(Outcome.ADDED, intake.accept(a.tenantId(), reply));
        assertEquals(Outcome.DUPLICATE, intake.accept(a.tenantId(), reply));

        List<TicketMessage> messages = fixtures.messages(a.tenantId(), ticket);
        assertEquals(2, messages.size(), "one message, however often the mail came");
        TicketMessage added = messages.get(1);
        assertEquals("It still smokes.", added.getBody());
        assertEquals(MessageSource.MAIL, added.getSource());
        assertEquals("<reply-1@customer.test>", added.getMailMessageId());
        assertEquals(a.customerUserId(), added.getAuthorUserId());
        assertEquals("Carla Customer", added.getPublicName());
        List<ReceivedMail> received = fixtures.receivedMails(a.tenantId());
        assertEquals(1, received.size());
        assertEquals("ADDED", received.get(0).getOutcome());
        assertNotNull(received.get(0).getTicketId());
        assertEquals("OPEN", ticketStatus(a, ticket), "still waiting for its first answer");
    }

    @Test
    void quotedHistoryIsStripped() {
        String body = "Yes, please restart it.\n\nOn Mon, 3 Nov 2026 at 10:00, Reseller <support@" + a.host()
                + "> wrote:\n> ##- Please type your reply above this line -##\n> Should we restart the server?\n";
        assertEquals(Outcome.ADDED, intake.accept(a.tenantId(), mail(a.customerEmail(), tokenAddress(a, ticket),
                "Re: Printer on fire", "<reply-2@customer.test>", null, body)));
        assertEquals("Yes, please restart it.", last(fixtures.messages(a.tenantId(), ticket)).getBody());

        String outlook = "Done, thanks.\n\n________________________________\nFrom: Reseller <support@" + a.host()
                + ">\nSent: Monday, 3 November 2026 10:00\nTo: Carla\nSubject: Printer on fire\n\nShould we?";
        assertEquals(Outcome.ADDED, intake.accept(a.tenantId(), mail(a.customerEmail(), "support@" + a.host(),
                "RE: [#" + ticket + "] Printer on fire", "<reply-3@customer.test>", null, outlook)));
        assertEquals("Done, thanks.", last(fixtures.messages(a.tenantId(), ticket)).getBody(), "found by its subject tag");

        assertEquals(Outcome.REJECTED_EMPTY, intake.accept(a.tenantId(), mail(a.customerEmail(), tokenAddress(a, ticket),
                "Re: Printer on fire", "<reply-4@customer.test>", null, "\n> only the quote\n")));
        assertEquals(3, fixtures.messages(a.tenantId(), ticket).size());
    }

    @Test
    void aStrangersMailIsRejectedAndAddsNothing() {
        int before = fixtures.messages(a.tenantId(), ticket).size();
        long ticketsBefore = fixtures.ticketCount(a.tenantId());
        for (String stranger : new String[] {"mallory@evil.test", "agent@" + a.host()}) {
            assertEquals(Outcome.REJECTED_SENDER, intake.accept(a.tenantId(), mail(stranger, tokenAddress(a, ticket),
                    "Re: [#" + ticket + "] Printer on fire", "<" + stranger.hashCode() + "@evil.test>",
                    fixtures.threadMessageId(a.tenantId(), ticket), "Let me in.")), stranger);
        }
        assertEquals(before, fixtures.messages(a.tenantId(), ticket).size());
        assertEquals(ticketsBefore, fixtures.ticketCount(a.tenantId()), "a stranger opens nothing either");
        assertTrue(fixtures.outboxRecipients(a.tenantId()).stream().noneMatch(r -> r.contains("evil.test")),
                "nothing is sent back to the stranger");
        assertTrue(fixtures.receivedMails(a.tenantId()).stream()
                .allMatch(r -> "REJECTED_SENDER".equals(r.getOutcome()) && r.getTicketId() == null),
                "the record names no ticket for a stranger");
    }

    @Test
    void anAutoReplyIsIgnored() {
        int before = fixtures.messages(a.tenantId(), ticket).size();
        byte[] vacation = mail(a.customerEmail(), tokenAddress(a, ticket), "Out of office: Printer on fire",
                "<ooo@customer.test>", null, "I am away until Monday.", "Auto-Submitted: auto-replied");
        assertEquals(Outcome.IGNORED_AUTOMATIC, intake.accept(a.tenantId(), vacation));
        byte[] bounce = mail("mailer-daemon@customer.test", "support@" + a.host(), "Undelivered Mail",
                "<bounce@customer.test>", null, "The mail could not be delivered.", "Return-Path: <>");
        assertEquals(Outcome.IGNORED_AUTOMATIC, intake.accept(a.tenantId(), bounce));
        assertEquals(before, fixtures.messages(a.tenantId(), ticket).size());
    }

    @Test
    void aNewMailFromACustomerOpensATicketAndItsThreadFollows() {
        long before = fixtures.ticketCount(a.tenantId());
        long mailsToCustomer = mailsTo(a.customerEmail());
        assertEquals(Outcome.TICKET_OPENED, intake.accept(a.tenantId(), mail(a.customerEmail(), "support@" + a.host(),
                "New server, please", "<new-1@customer.test>", null, "I need a second server.")));
        assertEquals(before + 1, fixtures.ticketCount(a.tenantId()));
        TicketSummary opened = desk.page(a.customer(), null, null, null).get(0);
        assertEquals("New server, please", opened.subject());
        TicketMessage first = fixtures.messages(a.tenantId(), opened.number()).get(0);
        assertEquals("I need a second server.", first.getBody());
        assertEquals(MessageSource.MAIL, first.getSource());
        assertEquals("<new-1@customer.test>", first.getMailMessageId());
        assertEquals(mailsToCustomer + 1, mailsTo(a.customerEmail()),
                "the customer gets the acknowledgement with the ticket's number and reply address");

        // the customer answers its own mail: the thread finds the ticket without token or tag
        assertEquals(Outcome.ADDED, intake.accept(a.tenantId(), mail(a.customerEmail(), "support@" + a.host(),
                "Re: New server, please", "<new-2@customer.test>", "<new-1@customer.test>", "With 64 GB, please.")));
        assertEquals(2, fixtures.messages(a.tenantId(), opened.number()).size());
        assertEquals(before + 1, fixtures.ticketCount(a.tenantId()));

        assertEquals(Outcome.TICKET_OPENED, intake.accept(a.tenantId(), mail(a.customerEmail(), "support@" + a.host(),
                "", "<new-3@customer.test>", null, "No subject here.")));
        assertEquals("\u2014", desk.page(a.customer(), null, null, null).get(0).subject());
    }

    @Test
    void anotherResellersTokenMatchesNothing() {
        Fixtures.Reseller b = fixtures.reseller("mail-b");
        int before = fixtures.messages(a.tenantId(), ticket).size();
        long bTickets = fixtures.ticketCount(b.tenantId());

        // a's customer, a's token, delivered to b: b does not know the sender or the token
        assertEquals(Outcome.REJECTED_SENDER, intake.accept(b.tenantId(), mail(a.customerEmail(), tokenAddress(a, ticket),
                "Re: Printer on fire", "<cross-1@customer.test>", fixtures.threadMessageId(a.tenantId(), ticket),
                "Cross-tenant reply.")));
        // b's own customer writing to a's token address at b: a new ticket of b's, nothing in a
        assertEquals(Outcome.TICKET_OPENED, intake.accept(b.tenantId(), mail(b.customerEmail(), tokenAddress(a, ticket),
                "Re: Printer on fire", "<cross-2@customer.test>", fixtures.threadMessageId(a.tenantId(), ticket),
                "Is this mine?")));
        assertEquals(before, fixtures.messages(a.tenantId(), ticket).size(), "a's ticket is untouched");
        assertEquals(bTickets + 1, fixtures.ticketCount(b.tenantId()));
        assertTrue(fixtures.receivedMails(a.tenantId()).isEmpty(), "a recorded nothing");
    }

    @Test
    void imapPollingTurnsWaitingMailsIntoMessagesAndMarksThemRead() throws Exception {
        // the test's IMAP server is on loopback, which resellers' mail servers may not be in production
        System.setProperty("marque.mailbox.allow.private", "true");
        GreenMail imap = new GreenMail(new ServerSetup(3143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try {
            String login = "support-" + a.tenantId();
            GreenMailUser mailbox = imap.setUser("support@" + a.host(), login, "imap-secret");
            mailboxes.save(a.admin(), new MailboxChange("127.0.0.1", 3143, false, login, "imap-secret", "INBOX",
                    null, null, true, null, null));
            MailboxView saved = mailboxes.view(a.admin());
            assertTrue(saved.imapPasswordSet());
            assertEquals("127.0.0.1", saved.imapHost());

            mailbox.deliver(message(mail(a.customerEmail(), tokenAddress(a, ticket), "Re: Printer on fire",
                    "<imap-1@customer.test>", null, "First by IMAP.")));
            mailbox.deliver(message(mail(a.customerEmail(), "support@" + a.host(), "Re: [#" + ticket + "] Printer",
                    "<imap-2@customer.test>", null, "Second by IMAP.")));
            mailbox.deliver(message(mail(a.customerEmail(), "support@" + a.host(), "A new question",
                    "<imap-3@customer.test>", null, "Third by IMAP.")));
            long ticketsBefore = fixtures.ticketCount(a.tenantId());

            poller.pollNow();

            List<TicketMessage> messages = fixtures.messages(a.tenantId(), ticket);
            assertEquals(List.of("It smokes.", "First by IMAP.", "Second by IMAP."),
                    messages.stream().map(TicketMessage::getBody).toList());
            assertEquals(ticketsBefore + 1, fixtures.ticketCount(a.tenantId()), "the third mail opened a ticket");
            assertEquals(0, unseen(login), "all three are marked read");
            MailboxView after = mailboxes.view(a.admin());
            assertNotNull(after.lastPolledAt());
            assertNull(after.lastError());

            // a mail marked unread again (a crash between commit and flag) comes back and lands nowhere twice
            markAllUnread(login);
            if (mailboxes.pollNow(a.admin()).busy()) {
                poller.pollNow(); // the timer's round had the mailbox: wait for it
            }
            assertEquals(3, fixtures.messages(a.tenantId(), ticket).size());
            assertEquals(ticketsBefore + 1, fixtures.ticketCount(a.tenantId()));
            assertEquals(0, unseen(login));
            assertEquals(3, fixtures.receivedMails(a.tenantId()).size());
        } finally {
            imap.stop();
            System.clearProperty("marque.mailbox.allow.private");
        }
    }

    /**
     * The reseller's IMAP server is down: each round fails cleanly, says so on the mailbox and takes
     * nothing; when the server is back, the next round fetches what waited there, once.
     */
    @Test
    void anImapServerThatWasDownIsCaughtUpWithWhenItIsBack() throws Exception {
        System.setProperty("marque.mailbox.allow.private", "true");
        String login = "outage-" + a.tenantId();
        int port = 3144;
        GreenMail imap = null;
        try {
            mailboxes.save(a.admin(), new MailboxChange("127.0.0.1", port, false, login, "imap-secret", "INBOX",
                    null, null, true, null, null));
            long ticketsBefore = fixtures.ticketCount(a.tenantId());
            for (int round = 0; round < 2; round++) {
                poller.pollTenant(a.tenantId());
                MailboxView down = mailboxes.view(a.admin());
                assertNotNull(down.lastError(), "the mailbox says the server did not answer");
                assertEquals(ticketsBefore, fixtures.ticketCount(a.tenantId()));
            }

            imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            imap.start();
            GreenMailUser mailbox = imap.setUser("support@" + a.host(), login, "imap-secret");
            mailbox.deliver(message(mail(a.customerEmail(), tokenAddress(a, ticket), "Re: Printer on fire",
                    "<outage-1@customer.test>", null, "Sent while the server was down.")));
            mailbox.deliver(message(mail(a.customerEmail(), "support@" + a.host(), "Another question",
                    "<outage-2@customer.test>", null, "Also waiting.")));

            poller.pollTenant(a.tenantId());
            poller.pollTenant(a.tenantId());
            assertNull(mailboxes.view(a.admin()).lastError(), "the server is back");
            assertEquals(List.of("It smokes.", "Sent while the server was down."),
                    fixtures.messages(a.tenantId(), ticket).stream().map(TicketMessage::getBody).toList(),
                    "the waiting reply is on its ticket, once");
            assertEquals(ticketsBefore + 1, fixtures.ticketCount(a.tenantId()), "the new question opened one ticket");
        } finally {
            if (imap != null) {
                imap.stop();
            }
            System.clearProperty("marque.mailbox.allow.private");
        }
    }

    // --- mails ---------------------------------------------------------------------------------

    private String tokenAddress(Fixtures.Reseller reseller, long number) {
        return ReplyAddress.of("support@" + reseller.host(), fixtures.replyToken(reseller.tenantId(), number));
    }

    private static byte[] mail(String from, String to, String subject, String messageId, String inReplyTo, String body,
            String... headers) {
        StringBuilder raw = new StringBuilder();
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("From: ").append(from).append("\r\nTo: ").append(to).append("\r\nSubject: ").append(subject)
                .append("\r\nMessage-ID: ").append(messageId).append("\r\nDate: Mon, 3 Nov 2026 10:00:00 +0000\r\n");
        if (inReplyTo != null) {
            raw.append("In-Reply-To: ").append(inReplyTo).append("\r\nReferences: ").append(inReplyTo).append("\r\n");
        }
        raw.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(body.replace("\n", "\r\n")).append("\r\n");
        return raw.toString().getBytes(UTF_8);
    }

    private static MimeMessage message(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private long mailsTo(String recipient) {
        return fixtures.outboxRecipients(a.tenantId()).stream().filter(recipient::equals).count();
    }

    private static TicketMessage last(List<TicketMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private String ticketStatus(Fixtures.Reseller reseller, long number) {
        return desk.read(reseller.customer(), number).summary().status().name();
    }

    private static int unseen(String login) throws Exception {
        try (Store store = imapStore(login)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            inbox.close(false);
            return count;
        }
    }

    private static void markAllUnread(String login) throws Exception {
        try (Store store = imapStore(login)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
            inbox.close(false);
        }
    }

    private static Store imapStore(String login) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.peek", "true");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", 3143, login, "imap-secret");
        return store;
    }
}
