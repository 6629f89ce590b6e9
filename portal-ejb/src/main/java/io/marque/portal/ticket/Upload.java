package io.marque.portal.ticket;

/** A file as a user or a mail handed it in, before {@link AttachmentPolicy} has looked at it. */
public record Upload(String fileName, byte[] content) {
}
