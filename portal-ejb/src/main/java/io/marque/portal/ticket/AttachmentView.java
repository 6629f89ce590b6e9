package io.marque.portal.ticket;

import java.io.Serializable;

/** A file of a message, without its bytes. */
public record AttachmentView(long id, String fileName, String contentType, long size) implements Serializable {
}
