/**
 * Outgoing mail, always in the tenant's brand and always through the outbox: a mail is stored in
 * the transaction that caused it and sent afterwards by {@link io.marque.portal.mail.OutboxDispatcher},
 * with retry and back-off. {@link io.marque.portal.mail.OutboxMail} is the aggregate root.
 */
package io.marque.portal.mail;
