package io.marque.portal.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class MailboxRulesTest {

    @Test
    void hostNamesAreLowerCasedWithoutTheTrailingDot() {
        assertEquals("imap.acme-cloud.example", MailboxRules.host("h", " IMAP.Acme-Cloud.example. "));
        assertEquals("mail", MailboxRules.host("h", "mail"));
        assertEquals("127.0.0.1", MailboxRules.host("h", "127.0.0.1"));
        assertEquals("xn--80ak6aa92e.example", MailboxRules.host("h", "xn--80ak6aa92e.example"));
        assertEquals("a".repeat(63) + ".example", MailboxRules.host("h", "a".repeat(63) + ".example"));
    }

    @Test
    void aBlankHostMeansNone() {
        assertNull(MailboxRules.host("h", null));
        assertNull(MailboxRules.host("h", "  "));
    }

    @Test
    void whatIsNotAHostNameIsRefused() {
        for (String bad : new String[] {"imap..example", "-imap.example", "imap-.example", "imap_1.example",
                "imap.example:993", "user@imap.example", "imap example", "https://imap.example", "a".repeat(64) + ".x",
                "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "[::1]", "::1", "im\u0430p.example", "imap.example/x",
                ".", ("a".repeat(60) + ".").repeat(5) + "x"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> MailboxRules.host("imapHost", bad), bad);
            assertEquals("error.host.invalid", refused.problems().get("imapHost"));
        }
    }

    @Test
    void portsRunFromOneTo65535() {
        assertEquals(1, MailboxRules.port("p", 1));
        assertEquals(993, MailboxRules.port("p", 993));
        assertEquals(65535, MailboxRules.port("p", 65535));
        for (Integer bad : new Integer[] {null, 0, -1, 65536, Integer.MAX_VALUE}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> MailboxRules.port("imapPort", bad));
            assertEquals("error.port.invalid", refused.problems().get("imapPort"));
        }
    }

    @Test
    void foldersAreNamesNotPatterns() {
        assertEquals("INBOX", MailboxRules.folder("f", null));
        assertEquals("INBOX", MailboxRules.folder("f", " "));
        assertEquals("INBOX/Support", MailboxRules.folder("f", " INBOX/Support "));
        assertEquals("INBOX.Support tickets", MailboxRules.folder("f", "INBOX.Support tickets"));
        assertEquals("Входящие/Поддержка", MailboxRules.folder("f", "Входящие/Поддержка"));
        for (String bad : new String[] {"*", "INBOX/%", "IN\"BOX", "IN\\BOX", "/INBOX", "INBOX/", "INBOX//x",
                "IN\rBOX", "x".repeat(121)}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> MailboxRules.folder("imapFolder", bad), bad);
            assertEquals("error.folder.invalid", refused.problems().get("imapFolder"));
        }
    }

    @Test
    void usersArePrintableWithoutSpaces() {
        assertEquals("support@acme.example", MailboxRules.user("u", " support@acme.example "));
        assertNull(MailboxRules.user("u", ""));
        assertThrows(InvalidInputException.class, () -> MailboxRules.user("u", "sup port"));
        assertThrows(InvalidInputException.class, () -> MailboxRules.user("u", "support\u0000"));
        assertThrows(InvalidInputException.class, () -> MailboxRules.user("u", "x".repeat(255)));
    }

    @Test
    void passwordsAreTakenAsTypedAndBlankKeepsTheStoredOne() {
        assertNull(MailboxRules.password("p", null));
        assertNull(MailboxRules.password("p", ""));
        assertEquals(" sec ret ", MailboxRules.password("p", " sec ret "));
        assertThrows(InvalidInputException.class, () -> MailboxRules.password("p", "a\r\nb"));
        assertThrows(InvalidInputException.class, () -> MailboxRules.password("p", "x".repeat(201)));
        String longest = "\u4e00".repeat(MailboxRules.MAX_PASSWORD_LENGTH);
        assertEquals(longest, MailboxRules.password("p", longest), "600 bytes still fit the encrypted column");
    }
}
