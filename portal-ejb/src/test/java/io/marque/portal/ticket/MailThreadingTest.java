package io.marque.portal.ticket;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MailThreadingTest {

    @Test
    void aMailIsKnownByItsMessageIdAsItAppears() {
        assertEquals("<abc@acme.example>", MailThreading.storedId("<abc@acme.example>", "x".getBytes(UTF_8)));
        assertEquals("<abc@acme.example>", MailThreading.storedId("  <abc@acme.example> ", "x".getBytes(UTF_8)));
    }

    @Test
    void aMailWithoutMessageIdIsKnownByItsBytes() {
        String one = MailThreading.storedId(null, "From: a@b.example\r\n\r\nhi".getBytes(UTF_8));
        String again = MailThreading.storedId("  ", "From: a@b.example\r\n\r\nhi".getBytes(UTF_8));
        String other = MailThreading.storedId(null, "From: a@b.example\r\n\r\nho".getBytes(UTF_8));
        assertTrue(one.startsWith("sha256:"));
        assertEquals(71, one.length());
        assertEquals(one, again, "the same bytes are the same mail");
        assertNotEquals(one, other);
    }

    @Test
    void aTooLongIdIsKeptAsItsDigestTheSameWayInAndOut() {
        String longId = "<" + "x".repeat(300) + "@acme.example>";
        String stored = MailThreading.storedId(longId, new byte[0]);
        assertTrue(stored.startsWith("sha256:"));
        assertTrue(stored.length() <= MailThreading.MAX_ID_LENGTH);
        assertEquals(List.of(stored), MailThreading.lookupIds(List.of(longId)),
                "a later mail naming the long id finds it");
        String exact = "<" + "y".repeat(MailThreading.MAX_ID_LENGTH - 2) + ">";
        assertEquals(exact, MailThreading.storedId(exact));
    }

    @Test
    void threadIdsAreTriedInReplyToFirstEachOnceAndBounded() {
        assertEquals(List.of("<b@x>", "<a@x>"), MailThreading.lookupIds(List.of("<b@x>", "<a@x>", "<b@x>", " ", "")));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add("<" + i + "@x>");
        }
        List<String> ids = MailThreading.lookupIds(many);
        assertEquals(MailThreading.MAX_REFERENCES, ids.size());
        assertEquals("<0@x>", ids.get(0));
    }

    @Test
    void theFirstKnownIdWinsInTheOrderTried() {
        List<String> ids = List.of("<reply@x>", "<older@x>", "<first@x>");
        assertEquals(Optional.of(7L), MailThreading.firstKnown(ids, Map.of("<first@x>", 9L, "<older@x>", 7L)));
        assertEquals(Optional.empty(), MailThreading.firstKnown(ids, Map.of("<other@x>", 1L)));
        assertEquals(Optional.empty(), MailThreading.firstKnown(List.of(), Map.of("<other@x>", 1L)));
    }

    @Test
    void theSubjectTagNamesTheTicket() {
        assertEquals(OptionalLong.of(12), MailThreading.subjectNumber("Re: [#12] Server down"));
        assertEquals(OptionalLong.of(12), MailThreading.subjectNumber("AW: Re: [#12] Server down [#7]"), "the first tag");
        assertEquals(OptionalLong.of(3), MailThreading.subjectNumber("Ответ: [#3] Сервер"));
        assertEquals(OptionalLong.of(5), MailThreading.subjectNumber("[#0] [#5]"), "zero is no ticket number");
    }

    @Test
    void somethingLikeATagIsNotOne() {
        for (String subject : new String[] {"Server down", "#12 Server down", "[12] down", "[# 12]", "[#12", "[#-3]",
                "[#abc]", "[#1234567890123456789]", ""}) {
            assertFalse(MailThreading.subjectNumber(subject).isPresent(), subject);
        }
        assertFalse(MailThreading.subjectNumber(null).isPresent());
    }

    @Test
    void aNewTicketTakesTheMailSubjectOnOneLine() {
        assertEquals("Server down", MailThreading.ticketSubject("  Server\tdown \r\n"));
        assertEquals("invoice exe.jpg", MailThreading.ticketSubject("invoice\u202E exe.jpg"), "no bidi overrides");
        assertEquals("a b", MailThreading.ticketSubject("a\u0000\u0007b"));
    }

    @Test
    void aLongSubjectIsClippedAndNoneBecomesADash() {
        String clipped = MailThreading.ticketSubject("s".repeat(500));
        assertEquals(MailThreading.MAX_SUBJECT, clipped.length());
        assertEquals(MailThreading.NO_SUBJECT, MailThreading.ticketSubject(""));
        assertEquals(MailThreading.NO_SUBJECT, MailThreading.ticketSubject(" \t "));
        assertEquals(MailThreading.NO_SUBJECT, MailThreading.ticketSubject(null));
        String emoji = "x".repeat(MailThreading.MAX_SUBJECT - 1) + "\uD83D\uDE00";
        String cut = MailThreading.ticketSubject(emoji);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)), "no half character at the end");
    }
}
