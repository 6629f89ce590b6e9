package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.marque.portal.audit.ActivityLog;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.ticket.AuthorKind;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.EscalationState;
import io.marque.portal.ticket.MessageView;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ProviderDesk;
import io.marque.portal.ticket.Queue;
import io.marque.portal.ticket.QueueFilter;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketAdministration;
import io.marque.portal.ticket.TicketDetail;
import io.marque.portal.ticket.TicketStatus;
import io.marque.portal.ticket.TicketSummary;
import io.marque.portal.ticket.TicketTranscript;
import io.marque.portal.ticket.Upload;
import io.marque.portal.ticket.Visibility;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tickets inside the server, against PostgreSQL: the visibility table and laws 3 and 4 through every
 * desk, tenant isolation of tickets, files and transcripts, the mails each step leaves in the outbox
 * (read whole, headers and bodies), SLA queues, search, merging, and refused input changing nothing.
 */
@ExtendWith(ArquillianExtension.class)
class TicketsIT {

    /** What no customer of a reseller may find in a mail or PDF of that reseller. */
    static final List<String> PROVIDER_TRACES = List.of("Northwind", "northwind", "provider.localhost", "Niels",
            "Nora", "Marque", "OpenPDF", "Flying Saucer", "WildFly");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(TicketsIT.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    CustomerDesk customers;

    @Inject
    ResellerDesk resellers;

    @Inject
    ProviderDesk provider;

    @Inject
    TicketAdministration administration;

    @Inject
    TicketTranscript transcripts;

    @Inject
    io.marque.portal.ticket.MailIntake intake;

    @Inject
    DomainDirectory directory;

    @Inject
    ActivityLog activity;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private long support;

    @BeforeEach
    void twoResellers() {
        a = fixtures.reseller("tickets-a");
        b = fixtures.reseller("tickets-b");
        support = customers.departments(a.customer()).get(0).id();
    }

    @Test
    void theConversationFollowsTheVisibilityTableThroughAnEscalation() {
        long n = open(a.customer(), "Disk full on web-01", "The disk of web-01 is full.");
        resellers.reply(a.agent(), n, Visibility.PUBLIC, "We are on it.", List.of());
        resellers.reply(a.agent(), n, Visibility.RESELLER_NOTE, "internal: customer keeps 300 GB of logs", List.of());

        assertEquals(List.of("The disk of web-01 is full.", "We are on it."), bodies(customers.read(a.customer(), n)));
        assertEquals(3, resellers.read(a.agent(), n).messages().size(), "the reseller reads its note too");
        long id = ticketId(a, n);
        assertThrows(NotFoundException.class, () -> provider.read(fixtures.providerAgent(), id),
                "the provider cannot open a ticket that was never escalated");
        assertThrows(ForbiddenException.class, () -> resellers.reply(a.agent(), n, Visibility.ESCALATION, "x", List.of()),
                "no escalation thread before an escalation");

        resellers.escalate(a.agent(), n, "The volume needs resizing on the host.", false, false);
        TicketDetail seen = provider.read(fixtures.providerAgent(), id);
        assertEquals(List.of("The disk of web-01 is full.", "We are on it.", "The volume needs resizing on the host."),
                bodies(seen), "the provider reads the public thread and the escalation, never the reseller's note");
        assertNull(seen.customerEmail(), "the customer was not shared");
        String pseudonym = seen.summary().customer();
        assertTrue(pseudonym.matches("[0-9A-Z]{6}"), "a pseudonym: " + pseudonym);
        assertEquals(pseudonym, seen.messages().get(0).author(), "the customer's own message is signed with the pseudonym");
        assertFalse(seen.summary().customer().contains("Carla"));
        assertEquals(EscalationState.OPEN, seen.summary().escalation());
        assertEquals(TicketStatus.ESCALATED, seen.summary().status());
        assertThrows(ForbiddenException.class, () -> provider.reply(fixtures.providerAgent(), id, Visibility.PUBLIC,
                "Straight to the customer", List.of()), "the reseller did not allow answers to the customer");
        assertThrows(ForbiddenException.class, () -> provider.reply(fixtures.providerAgent(), id, Visibility.RESELLER_NOTE,
                "x", List.of()));

        provider.reply(fixtures.providerAgent(), id, Visibility.ESCALATION, "Resized to 200 GB.", List.of());
        provider.reply(fixtures.providerAgent(), id, Visibility.PROVIDER_NOTE, "provider-only: host h-17", List.of());
        TicketDetail reseller = resellers.read(a.agent(), n);
        MessageView answer = reseller.messages().get(reseller.messages().size() - 1);
        assertEquals("Resized to 200 GB.", answer.body(), "the reseller never reads the provider's note");
        assertEquals(AuthorKind.PROVIDER, answer.authorKind());
        assertFalse(answer.author().contains("Niels"), "a provider agent's own name stays with the provider: " + answer.author());
        assertEquals(TicketStatus.AWAITING_RESELLER, reseller.summary().status());
        assertEquals(List.of("The disk of web-01 is full.", "We are on it."), bodies(customers.read(a.customer(), n)),
                "the customer reads none of it");

        provider.resolve(fixtures.providerAgent(), id, "Volume resized; nothing else to do.");
        assertThrows(NotFoundException.class, () -> provider.read(fixtures.providerAgent(), id),
                "a resolved escalation is the reseller's again, and the provider no longer sees it");
        TicketDetail back = resellers.read(a.agent(), n);
        assertEquals(EscalationState.RETURNED, back.summary().escalation());
        assertEquals(TicketStatus.AWAITING_RESELLER, back.summary().status());
        assertEquals("Volume resized; nothing else to do.", back.messages().get(back.messages().size() - 1).body());
        assertTrue(activity.page(a.admin(), null).stream().anyMatch(e -> e.action().equals("ticket.escalated")),
                "escalating is in the reseller's activity log");
    }

    @Test
    void theProviderAnswersTheCustomerUnderTheAliasAndItsMailNamesOnlyTheReseller() throws Exception {
        long n = open(a.customer(), "Reverse DNS", "Please set the PTR of 192.0.2.10.");
        resellers.escalate(a.agent(), n, "PTR records are yours.", true, false);
        long id = ticketId(a, n);
        Instant before = Instant.now();
        provider.reply(fixtures.providerAgent(), id, Visibility.PUBLIC, "The PTR record is set.\nIt may take an hour.",
                List.of());

        MessageView shown = last(customers.read(a.customer(), n));
        assertEquals("The PTR record is set.\nIt may take an hour.", shown.body());
        String alias = "Reseller " + a.host().replace(".test", "") + " Support";
        assertEquals(alias, shown.author(), "the customer sees the reseller's alias");
        assertEquals(AuthorKind.RESELLER, shown.authorKind(), "to the customer it is the reseller's answer");
        assertEquals(TicketStatus.AWAITING_CUSTOMER, customers.read(a.customer(), n).summary().status());

        MimeMessage mail = lastMailTo(a.customerEmail(), before);
        TenantSnapshot tenant = directory.byId(a.tenantId()).orElseThrow();
        assertEquals(tenant.displayName() + " <support@" + a.host() + ">", ((InternetAddress) mail.getFrom()[0]).toUnicodeString());
        String replyTo = ((InternetAddress) mail.getReplyTo()[0]).getAddress();
        assertTrue(replyTo.matches("support\\+[a-z0-9]{24}@" + java.util.regex.Pattern.quote(a.host())), "Reply-To " + replyTo);
        assertTrue(mail.getMessageID().endsWith("@" + a.host() + ">"), mail.getMessageID());
        assertNotNull(mail.getHeader("In-Reply-To"), "the answer threads under the first mail of the ticket");
        String whole = whole(mail);
        assertTrue(whole.contains(alias + " wrote:"), "the quote header names the alias");
        assertTrue(whole.contains("The PTR record is set."));
        for (String trace : PROVIDER_TRACES) {
            assertFalse(whole.contains(trace), "the customer's mail shows " + trace + ":\n" + whole);
        }
    }

    @Test
    void everyStepMailsTheSideItConcernsFromTheRightAddress() throws Exception {
        Instant start = Instant.now();
        long n = open(a.customer(), "Backup question", "Where are my backups kept?");
        MimeMessage ack = lastMailTo(a.customerEmail(), start);
        assertTrue(ack.getSubject().contains("[#" + n + "]"), ack.getSubject());
        assertEquals("auto-generated", ack.getHeader("Auto-Submitted")[0]);
        assertTrue(whole(ack).contains("##- Please type your reply above this line -##"));
        assertNotNull(lastMailTo("agent@" + a.host(), start), "the reseller's agents hear of a new ticket");

        Instant escalating = Instant.now();
        resellers.escalate(a.agent(), n, "Where are backups stored physically?", false, false);
        MimeMessage toProvider = lastMailTo(fixtures.providerAgent().email(), escalating);
        String providerMail = whole(toProvider);
        assertTrue(providerMail.contains("Where are backups stored physically?"));
        assertFalse(providerMail.contains("Carla"), "the provider's mail names the customer only by pseudonym");

        Instant answering = Instant.now();
        provider.reply(fixtures.providerAgent(), ticketId(a, n), Visibility.ESCALATION, "In the second data centre.",
                List.of());
        assertNotNull(lastMailTo("agent@" + a.host(), answering), "the reseller hears of the provider's answer");
        assertNull(findMailTo(a.customerEmail(), answering), "the customer hears nothing of the escalation thread");
    }

    @Test
    void anotherResellersTicketsFilesAndTranscriptsAreNotThere() {
        long n = open(a.customer(), "Private", "Only Acme may read this.",
                List.of(new Upload("notes.txt", "secret notes".getBytes(StandardCharsets.UTF_8))));
        long attachment = customers.read(a.customer(), n).messages().get(0).attachments().get(0).id();
        long id = ticketId(a, n);
        TenantSnapshot siteB = directory.byId(b.tenantId()).orElseThrow();

        assertThrows(NotFoundException.class, () -> resellers.read(b.agent(), n));
        assertThrows(NotFoundException.class, () -> resellers.reply(b.agent(), n, Visibility.PUBLIC, "hi", List.of()));
        assertThrows(NotFoundException.class, () -> resellers.assign(b.admin(), n, b.agentId()));
        assertThrows(NotFoundException.class, () -> resellers.escalate(b.agent(), n, "x", true, true));
        assertThrows(NotFoundException.class, () -> resellers.attachment(b.agent(), attachment));
        assertThrows(NotFoundException.class, () -> customers.read(b.customer(), n));
        assertThrows(NotFoundException.class, () -> customers.attachment(b.customer(), attachment));
        assertThrows(NotFoundException.class, () -> transcripts.forReseller(b.agent(), n, siteB, Locale.ENGLISH));
        assertThrows(NotFoundException.class, () -> transcripts.forCustomer(b.customer(), n, siteB, Locale.ENGLISH));
        assertTrue(resellers.queue(b.agent(), Queue.ALL, QueueFilter.NONE, null).stream().noneMatch(t -> t.id() == id));

        Actor otherCustomer = fixtures.anotherCustomer(a, "Dora Other");
        assertThrows(NotFoundException.class, () -> customers.read(otherCustomer, n), "another customer of the same reseller");
        assertThrows(NotFoundException.class, () -> customers.attachment(otherCustomer, attachment));
        assertThrows(NotFoundException.class, () -> customers.reply(otherCustomer, n, "mine now", List.of()));

        assertThrows(NotFoundException.class, () -> provider.attachment(fixtures.providerAgent(), attachment));
        assertThrows(NotFoundException.class, () -> provider.reply(fixtures.providerAgent(), id, Visibility.ESCALATION, "x",
                List.of()));
        assertTrue(provider.queue(fixtures.providerAgent(), null).stream().noneMatch(t -> t.id() == id),
                "the provider's queue holds escalated tickets only");
        assertThrows(ForbiddenException.class, () -> resellers.queue(fixtures.providerAgent(), Queue.ALL, QueueFilter.NONE, null),
                "the provider cannot list a reseller's tickets");
        assertThrows(ForbiddenException.class, () -> customers.page(a.agent(), null, null, null));
        assertThrows(ForbiddenException.class, () -> provider.queue(a.admin(), null));
        assertEquals("secret notes", new String(bytes(resellers.attachment(a.agent(), attachment)), StandardCharsets.UTF_8));
    }

    @Test
    void ticketNumbersCountPerTenantAndRefusedInputChangesNothing() throws Exception {
        long firstA = open(a.customer(), "One", "first");
        long firstB = open(b.customer(), "One", "first");
        assertEquals(1, firstA);
        assertEquals(1, firstB, "numbers are per reseller: no customer learns another reseller's volume");

        long tickets = count("select count(t) from Ticket t where t.tenantId = " + a.tenantId());
        var refused = assertThrows(InvalidInputException.class, () -> customers.open(a.customer(),
                new NewTicket(support, "", "  ", Priority.HIGH, null),
                List.of(new Upload("logo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(List.of("subject", "body", "attachments"), new ArrayList<>(refused.problems().keySet()),
                "every bad field is named at once");
        assertThrows(InvalidInputException.class, () -> customers.open(a.customer(),
                new NewTicket(directoryDepartment(b), "Wrong department", "text", Priority.LOW, null), List.of()),
                "another reseller's department");
        assertEquals(tickets, count("select count(t) from Ticket t where t.tenantId = " + a.tenantId()));
        assertEquals(2, open(a.customer(), "Two", "second"), "a refused ticket used no number");

        assertThrows(InvalidInputException.class, () -> customers.rate(a.customer(), firstA, 5, null),
                "an open ticket cannot be rated yet");
        customers.close(a.customer(), firstA);
        assertThrows(InvalidInputException.class, () -> customers.rate(a.customer(), firstA, 6, null));
        customers.rate(a.customer(), firstA, 4, "<b>quick</b>");
        TicketDetail rated = customers.read(a.customer(), firstA);
        assertEquals(4, rated.rating());
        assertEquals("<b>quick</b>", rated.ratingComment(), "kept as text, escaped where shown");
        customers.reopen(a.customer(), firstA);
        assertEquals(TicketStatus.AWAITING_RESELLER, customers.read(a.customer(), firstA).summary().status());
    }

    @Test
    void queuesSortBreachedFirstFilterAndSearchWhatTheReaderMayRead() throws Exception {
        long low = open(a.customer(), "Low one", "nothing urgent", Priority.LOW);
        long urgent = open(a.customer(), "Urgent one", "the router is down", Priority.URGENT);
        long noted = open(a.customer(), "Noted one", "plain words");
        resellers.reply(a.agent(), noted, Visibility.RESELLER_NOTE, "zebracorn appears only in a note", List.of());
        tx.begin();
        em.createQuery("update Ticket t set t.queueDue = :past where t.tenantId = :tenant and t.number = :n")
                .setParameter("past", Instant.now().minusSeconds(600)).setParameter("tenant", a.tenantId())
                .setParameter("n", low).executeUpdate();
        tx.commit();

        List<TicketSummary> all = resellers.queue(a.agent(), Queue.ALL, QueueFilter.NONE, null);
        assertEquals(low, all.get(0).number(), "the breached ticket comes first");
        assertEquals(io.marque.portal.ticket.SlaState.BREACHED, all.get(0).sla());
        assertEquals(urgent, all.get(1).number(), "then the one due soonest");
        assertEquals(List.of(low), numbers(resellers.queue(a.agent(), Queue.OVERDUE, QueueFilter.NONE, null)));
        assertEquals(3, resellers.queue(a.agent(), Queue.UNASSIGNED, QueueFilter.NONE, null).size());
        resellers.assign(a.agent(), urgent, a.agentId());
        assertEquals(List.of(urgent), numbers(resellers.queue(a.agent(), Queue.MINE, QueueFilter.NONE, null)));
        assertEquals(List.of(urgent), numbers(resellers.queue(a.agent(), Queue.ALL,
                new QueueFilter(null, null, Priority.URGENT, null, null, null), null)));
        var counts = resellers.counts(a.agent());
        assertEquals(3, counts.all());
        assertEquals(1, counts.mine());
        assertEquals(2, counts.unassigned());
        assertEquals(1, counts.overdue());

        assertEquals(List.of(urgent), numbers(resellers.queue(a.agent(), Queue.ALL,
                new QueueFilter(null, null, null, null, null, "router"), null)), "words of a message");
        assertEquals(List.of(noted), numbers(resellers.queue(a.agent(), Queue.ALL,
                new QueueFilter(null, null, null, null, null, "zebracorn"), null)), "staff search their notes");
        assertEquals(List.of(), numbers(customers.page(a.customer(), null, "zebracorn", null)),
                "a customer's search never reaches a note");
        assertEquals(List.of(noted), numbers(customers.page(a.customer(), null, "Noted", null)), "words of a subject");
        assertEquals(List.of(), numbers(resellers.queue(b.agent(), Queue.ALL,
                new QueueFilter(null, null, null, null, null, "router"), null)), "another reseller finds nothing");

        long someoneElses = open(fixtures.anotherCustomer(a, "Fay Further"), "Other customer", "not Carla's");
        assertEquals(List.of(low, urgent, noted), numbers(resellers.queue(a.agent(), Queue.ALL,
                new QueueFilter(null, "ANY", null, a.customerId(), null, null), null)).stream().sorted().toList(),
                "one customer's tickets");
        assertTrue(numbers(resellers.queue(a.agent(), Queue.ALL, QueueFilter.NONE, null)).contains(someoneElses));

        resellers.setTags(a.agent(), noted, "dns, Billing dns");
        assertEquals(List.of(noted), numbers(resellers.queue(a.agent(), Queue.ALL,
                new QueueFilter(null, null, null, null, "billing", null), null)));
        assertThrows(InvalidInputException.class, () -> resellers.setTags(a.agent(), noted, "<script>"));
    }

    @Test
    void mergingMovesEverythingOfOneCustomerAndRefusesOthers() {
        long first = open(a.customer(), "Mail bounces", "Mails to me bounce.");
        long second = open(a.customer(), "Mail bounces again", "Still bouncing.");
        long other = open(fixtures.anotherCustomer(a, "Eve Else"), "Other", "someone else");
        assertThrows(InvalidInputException.class, () -> resellers.merge(a.agent(), second, other));
        assertThrows(InvalidInputException.class, () -> resellers.merge(a.agent(), second, second));
        resellers.merge(a.agent(), second, first);
        assertEquals(List.of("Mails to me bounce.", "Still bouncing."), bodies(customers.read(a.customer(), first)));
        TicketDetail merged = resellers.read(a.agent(), second);
        assertEquals(first, merged.mergedIntoNumber());
        assertEquals(TicketStatus.CLOSED, merged.summary().status());
        assertThrows(InvalidInputException.class, () -> customers.reopen(a.customer(), second));
    }

    @Test
    void aTranscriptHoldsWhatItsReaderMayReadInTheResellersBrand() throws Exception {
        long n = open(a.customer(), "Transcript <b>test</b>", "<script>alert('x')</script> is just text");
        resellers.reply(a.agent(), n, Visibility.RESELLER_NOTE, "note-for-staff-only", List.of());
        resellers.escalate(a.agent(), n, "escalation-reason-text", true, false);
        provider.reply(fixtures.providerAgent(), ticketId(a, n), Visibility.PUBLIC, "answer-from-provider", List.of());
        TenantSnapshot site = directory.byId(a.tenantId()).orElseThrow();

        TicketTranscript.File forCustomer = transcripts.forCustomer(a.customer(), n, site, Locale.ENGLISH);
        assertEquals("ticket-" + n + ".pdf", forCustomer.name());
        PdfReader pdf = new PdfReader(forCustomer.bytes());
        String text = text(pdf);
        assertTrue(text.contains("<script>alert('x')</script> is just text"), "script stays text: " + text);
        assertTrue(text.contains("answer-from-provider"));
        assertFalse(text.contains("note-for-staff-only"), "no note in the customer's copy");
        assertFalse(text.contains("escalation-reason-text"), "no escalation in the customer's copy");
        for (String value : pdf.getInfo().values()) {
            for (String trace : PROVIDER_TRACES) {
                assertFalse(value.contains(trace), "PDF metadata shows " + trace + ": " + pdf.getInfo());
            }
        }
        assertEquals(site.displayName(), pdf.getInfo().get("Producer"));
        assertEquals(site.displayName(), pdf.getInfo().get("Author"));
        for (String trace : PROVIDER_TRACES) {
            assertFalse(text.contains(trace), "the customer's PDF shows " + trace);
        }

        String staff = text(new PdfReader(transcripts.forReseller(a.agent(), n, site, Locale.ENGLISH).bytes()));
        assertTrue(staff.contains("note-for-staff-only") && staff.contains("escalation-reason-text"));
    }

    /**
     * The whole journey, mail by mail: the customer mails in a new ticket, the reseller answers and
     * escalates, the provider answers the reseller and then (allowed) the customer, the customer answers
     * by replying to that mail, and the provider resolves. Every mail to the customer comes from the
     * reseller's address, threads under the first, and shows no trace of the provider.
     */
    @Test
    void theWholeJourneyByMailMailsEachSideAndNeverShowsTheProviderToTheCustomer() throws Exception {
        Instant start = Instant.now();
        String support = "support@" + a.host();
        assertEquals(io.marque.portal.ticket.MailIntake.Outcome.TICKET_OPENED, intake.accept(a.tenantId(), raw(
                "From: Carla Customer <" + a.customerEmail() + ">", "To: " + support, "Subject: Server offline",
                "Message-ID: <first-" + start.toEpochMilli() + "@customer.test>", "", "My server is offline since 9:00.")));
        TicketSummary opened = resellers.queue(a.agent(), Queue.ALL, QueueFilter.NONE, null).get(0);
        long n = opened.number();
        assertEquals("Server offline", opened.subject());
        MimeMessage ack = lastMailTo(a.customerEmail(), start);
        assertCustomerMail(ack, n);
        String thread = ack.getMessageID();

        Instant answering = Instant.now();
        resellers.reply(a.agent(), n, Visibility.PUBLIC, "We are checking the host.", List.of());
        MimeMessage answer = lastMailTo(a.customerEmail(), answering);
        assertCustomerMail(answer, n);
        assertEquals(thread, answer.getHeader("In-Reply-To")[0], "answers thread under the first mail");

        Instant escalating = Instant.now();
        resellers.escalate(a.agent(), n, "The host's network card failed.", true, false);
        MimeMessage escalation = lastMailTo(fixtures.providerAgent().email(), escalating);
        assertTrue(((InternetAddress) escalation.getFrom()[0]).getAddress().endsWith("@northwind.example"),
                "the provider's staff hear of it in the provider's own name");
        assertFalse(whole(escalation).contains("Carla"), "and see the customer by pseudonym only");
        long id = ticketId(a, n);

        Instant toReseller = Instant.now();
        provider.reply(fixtures.providerAgent(), id, Visibility.ESCALATION, "Card replaced, rebooting.", List.of());
        MimeMessage news = lastMailTo("agent@" + a.host(), toReseller);
        assertEquals(support, ((InternetAddress) news.getFrom()[0]).getAddress());
        assertTrue(whole(news).contains("Card replaced, rebooting."));
        assertNull(findMailTo(a.customerEmail(), toReseller), "the escalation thread never reaches the customer");

        Instant toCustomer = Instant.now();
        provider.reply(fixtures.providerAgent(), id, Visibility.PUBLIC, "Your server is back online.", List.of());
        MimeMessage fromProvider = lastMailTo(a.customerEmail(), toCustomer);
        assertCustomerMail(fromProvider, n);
        String replyTo = ((InternetAddress) fromProvider.getReplyTo()[0]).getAddress();

        Instant replying = Instant.now();
        assertEquals(io.marque.portal.ticket.MailIntake.Outcome.ADDED, intake.accept(a.tenantId(), raw(
                "From: Carla Customer <" + a.customerEmail() + ">", "To: " + replyTo,
                "Subject: Re: [#" + n + "] Server offline", "In-Reply-To: " + fromProvider.getMessageID(),
                "Message-ID: <reply-" + replying.toEpochMilli() + "@customer.test>", "",
                "Thank you, it works.", "", "On Tue, 24 Nov 2026 at 10:00, " + "Someone <" + support + "> wrote:",
                "> Your server is back online.")));
        MessageView reply = last(resellers.read(a.agent(), n));
        assertEquals("Thank you, it works.", reply.body(), "the quoted history is stripped");
        assertEquals(AuthorKind.CUSTOMER, reply.authorKind());
        assertNotNull(lastMailTo(fixtures.providerAgent().email(), replying), "the provider hears of the answer");

        provider.resolve(fixtures.providerAgent(), id, "Hardware fault, fixed.");
        resellers.update(a.agent(), n, null, null, TicketStatus.RESOLVED);
        assertEquals(TicketStatus.RESOLVED, customers.read(a.customer(), n).summary().status());
        assertEquals(List.of("My server is offline since 9:00.", "We are checking the host.", "Your server is back online.",
                "Thank you, it works."), bodies(customers.read(a.customer(), n)), "the customer's whole conversation");
    }

    @Test
    void countersFollowTheTicketsAndStopPastNinetyNine() {
        long n = open(a.customer(), "Counting", "one");
        assertEquals(0, customers.awaitingMe(a.customer()), "nothing waits for the customer yet");
        assertEquals(1, resellers.unassignedCount(a.agent()));
        resellers.reply(a.agent(), n, Visibility.PUBLIC, "Your turn.", List.of());
        assertEquals(1, customers.awaitingMe(a.customer()), "now one ticket waits for the customer's answer");
        for (int i = 0; i < 100; i++) {
            open(a.customer(), "Many " + i, "text");
        }
        assertEquals(io.marque.portal.ticket.TicketQueries.COUNT_CAP + 1, resellers.unassignedCount(a.agent()),
                "a counter stops one past 99 (shown as 99+) instead of counting everything");
        assertEquals(io.marque.portal.ticket.TicketQueries.COUNT_CAP + 1, resellers.counts(a.agent()).all());
    }

    /** A mail to the customer: from the reseller's support address, answerable into the ticket, nothing of the provider. */
    private void assertCustomerMail(MimeMessage mail, long number) throws Exception {
        TenantSnapshot tenant = directory.byId(a.tenantId()).orElseThrow();
        assertEquals(tenant.displayName() + " <support@" + a.host() + ">",
                ((InternetAddress) mail.getFrom()[0]).toUnicodeString());
        assertTrue(((InternetAddress) mail.getReplyTo()[0]).getAddress().matches(
                "support\\+[a-z0-9]{24}@" + java.util.regex.Pattern.quote(a.host())));
        assertTrue(mail.getMessageID().endsWith("@" + a.host() + ">"), mail.getMessageID());
        assertTrue(mail.getSubject().contains("[#" + number + "]"), mail.getSubject());
        String whole = whole(mail);
        for (String trace : PROVIDER_TRACES) {
            assertFalse(whole.contains(trace), "a mail to the customer shows " + trace + ":\n" + whole);
        }
    }

    private static byte[] raw(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    // --- helpers ---

    private long open(Actor customer, String subject, String body) {
        return open(customer, subject, body, List.of());
    }

    private long open(Actor customer, String subject, String body, Priority priority) {
        long department = customers.departments(customer).get(0).id();
        return customers.open(customer, new NewTicket(department, subject, body, priority, null), List.of());
    }

    private long open(Actor customer, String subject, String body, List<Upload> files) {
        long department = customers.departments(customer).get(0).id();
        return customers.open(customer, new NewTicket(department, subject, body, Priority.NORMAL, null), files);
    }

    private long directoryDepartment(Fixtures.Reseller reseller) {
        return customers.departments(reseller.customer()).get(0).id();
    }

    private long ticketId(Fixtures.Reseller reseller, long number) {
        return resellers.read(reseller.agent(), number).summary().id();
    }

    private byte[] bytes(io.marque.portal.ticket.Attachment attachment) {
        return em.find(io.marque.portal.ticket.AttachmentContent.class, attachment.getId()).getBytes();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    private static List<String> bodies(TicketDetail detail) {
        return detail.messages().stream().map(MessageView::body).toList();
    }

    private static MessageView last(TicketDetail detail) {
        return detail.messages().get(detail.messages().size() - 1);
    }

    private static List<Long> numbers(List<TicketSummary> tickets) {
        return tickets.stream().map(TicketSummary::number).toList();
    }

    private MimeMessage lastMailTo(String recipient, Instant since) throws Exception {
        MimeMessage mail = findMailTo(recipient, since);
        assertNotNull(mail, "a mail to " + recipient + " in the outbox");
        return mail;
    }

    private MimeMessage findMailTo(String recipient, Instant since) throws Exception {
        List<byte[]> mimes = em.createQuery("select m.mime from OutboxMail m where m.recipient = :r and m.createdAt >= :since"
                + " order by m.id desc", byte[].class).setParameter("r", recipient).setParameter("since", since.minusMillis(5))
                .setMaxResults(1).getResultList();
        return mimes.isEmpty() ? null
                : new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mimes.get(0)));
    }

    private static String whole(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        // the bodies are quoted-printable: decode what matters by reading the parts
        StringBuilder text = new StringBuilder(out.toString(StandardCharsets.UTF_8));
        collect(mail, text);
        return text.toString();
    }

    private static void collect(jakarta.mail.Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text);
            }
        } else if (part.isMimeType("text/*")) {
            text.append('\n').append(part.getContent());
        }
    }

    private static String text(PdfReader pdf) throws Exception {
        PdfTextExtractor extractor = new PdfTextExtractor(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
