package io.marque.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.marque.portal.ticket.AttachmentView;
import io.marque.portal.ticket.AuthorKind;
import io.marque.portal.ticket.MessageView;
import io.marque.portal.ticket.Visibility;
import io.marque.portal.web.api.TicketsResource.Attachment;
import io.marque.portal.web.api.TicketsResource.Message;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketsResourceTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static MessageView message(long id, AuthorKind kind, String author, Visibility visibility, String body) {
        return new MessageView(id, kind, author, visibility, body, AT, List.of());
    }

    @Test
    void onlyThePublicThreadLeavesAndAProviderAnswerIsTheResellers() {
        List<MessageView> thread = List.of(
                message(1, AuthorKind.CUSTOMER, "Carla", Visibility.PUBLIC, "My server is down"),
                message(2, AuthorKind.RESELLER, "Rita Agent", Visibility.RESELLER_NOTE, "customer owes us"),
                message(3, AuthorKind.RESELLER, "Rita Agent", Visibility.ESCALATION, "please check the switch"),
                message(4, AuthorKind.PROVIDER, "Acme Support", Visibility.PUBLIC, "Fixed"),
                message(5, AuthorKind.SYSTEM, "", Visibility.RESELLER_NOTE, "merged #3 → #4"),
                message(6, AuthorKind.PROVIDER, "Acme Support", Visibility.PROVIDER_NOTE, "rack 7"));

        assertEquals(List.of(
                new Message(1, AuthorKind.CUSTOMER, "Carla", "My server is down", AT, List.of()),
                new Message(4, AuthorKind.RESELLER, "Acme Support", "Fixed", AT, List.of())),
                TicketsResource.publicThread(thread));
    }

    @Test
    void aMessagesFilesAreNamedWithoutTheirIds() {
        MessageView withFile = new MessageView(1, AuthorKind.CUSTOMER, "Carla", Visibility.PUBLIC, "see log", AT,
                List.of(new AttachmentView(99, "boot.log", "text/plain", 1234)));
        assertEquals(List.of(new Attachment("boot.log", "text/plain", 1234)),
                TicketsResource.publicThread(List.of(withFile)).get(0).attachments());
    }
}
