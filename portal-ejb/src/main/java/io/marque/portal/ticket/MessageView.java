package io.marque.portal.ticket;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A message as its reader may see it: {@code author} is the real name or the public one, per reader. */
public record MessageView(long id, AuthorKind authorKind, String author, Visibility visibility, String body,
        Instant createdAt, List<AttachmentView> attachments) implements Serializable {
}
