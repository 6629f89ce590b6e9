package io.marque.portal.mail;

/** A mail rendered to MIME, ready for the outbox. */
public record ComposedMail(long tenantId, String messageId, String sender, String recipient, String subject,
        byte[] mime) {
}
