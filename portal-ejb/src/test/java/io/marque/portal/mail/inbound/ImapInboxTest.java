package io.marque.portal.mail.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real IMAP server (GreenMail on a free port): only accepted mails are marked read, reading
 * alone marks nothing, and a round takes at most what it is allowed.
 */
class ImapInboxTest {

    private GreenMail server;
    private GreenMailUser user;
    private ImapAccount account;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        server.start();
        user = server.setUser("support@acme.test", "support", "secret-1");
        account = new ImapAccount(1L, "127.0.0.1", server.getImap().getPort(), false, "support", "secret-1", "INBOX");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void onlyAcceptedMailsAreMarkedRead() throws Exception {
        deliver("<one@x>", "first");
        deliver("<two@x>", "second");
        deliver("<three@x>", "third");
        List<String> seen = new ArrayList<>();
        ImapInbox.Round round = ImapInbox.fetch(account, 200, raw -> {
            String text = new String(raw, UTF_8);
            seen.add(text);
            return !text.contains("second");
        });
        assertEquals(3, seen.size());
        assertTrue(seen.get(0).contains("Message-ID: <one@x>"), "the whole raw mail, headers included");
        assertEquals(2, round.accepted());
        assertEquals(1, round.left());
        assertEquals(List.of("second"), unseenSubjects(), "the refused mail waits for the next round");

        List<String> again = new ArrayList<>();
        ImapInbox.fetch(account, 200, raw -> again.add(new String(raw, UTF_8)));
        assertEquals(1, again.size());
        assertTrue(again.get(0).contains("Subject: second"));
        assertEquals(List.of(), unseenSubjects());
    }

    @Test
    void aHandlerThatFailsLeavesEverythingUnread() throws Exception {
        deliver("<one@x>", "first");
        deliver("<two@x>", "second");
        ImapInbox.Round round = ImapInbox.fetch(account, 200, raw -> false);
        assertEquals(0, round.accepted());
        assertEquals(List.of("first", "second"), unseenSubjects(), "fetching alone marks nothing read (BODY.PEEK)");
    }

    @Test
    void aRoundTakesAtMostItsShare() throws Exception {
        for (int i = 0; i < 5; i++) {
            deliver("<m" + i + "@x>", "mail " + i);
        }
        ImapInbox.Round round = ImapInbox.fetch(account, 2, raw -> true);
        assertEquals(2, round.accepted());
        assertEquals(List.of("mail 2", "mail 3", "mail 4"), unseenSubjects(), "oldest first");
    }

    @Test
    void wrongPasswordAndMissingFolderAreTold() {
        ImapAccount wrong = new ImapAccount(1L, account.host(), account.port(), false, "support", "nope", "INBOX");
        Exception auth = assertThrows(AuthenticationFailedException.class, () -> ImapInbox.fetch(wrong, 10, raw -> true));
        assertEquals("mailbox.error.auth", MailboxPoller.errorKey(auth));
        ImapAccount folder = new ImapAccount(1L, account.host(), account.port(), false, "support", "secret-1", "Nope");
        Exception missing = assertThrows(FolderNotFoundException.class, () -> ImapInbox.fetch(folder, 10, raw -> true));
        assertEquals("mailbox.error.folder", MailboxPoller.errorKey(missing));
    }

    @Test
    void aDeadServerIsAConnectionError() {
        server.stop();
        Exception dead = assertThrows(Exception.class, () -> ImapInbox.fetch(account, 10, raw -> true));
        assertEquals("mailbox.error.connect", MailboxPoller.errorKey(dead));
    }

    @Test
    void theSessionPeeksAndWaitsBoundedTimes() {
        Properties plain = ImapInbox.properties(account);
        assertEquals("true", plain.get("mail.imap.peek"));
        assertEquals("10000", plain.get("mail.imap.connectiontimeout"));
        assertEquals("10000", plain.get("mail.imap.timeout"));
        ImapAccount tls = new ImapAccount(1L, "imap.acme.example", 993, true, "u", "p", "INBOX");
        Properties secure = ImapInbox.properties(tls);
        assertEquals("imaps", ImapInbox.protocol(tls));
        assertEquals("true", secure.get("mail.imaps.peek"));
        assertEquals("10000", secure.get("mail.imaps.connectiontimeout"));
        assertEquals("true", secure.get("mail.imaps.ssl.checkserveridentity"));
        assertFalse(tls.toString().contains("p,") || tls.toString().contains("=p"), "no password in logs");
    }

    private void deliver(String messageId, String subject) throws Exception {
        String raw = "From: Carla <carla@acme.test>\r\nTo: support@acme.test\r\nSubject: " + subject
                + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hello " + subject + "\r\n";
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(UTF_8))));
    }

    private List<String> unseenSubjects() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.peek", "true");
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect("127.0.0.1", account.port(), "support", "secret-1");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }
}
