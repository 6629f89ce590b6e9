/**
 * Incoming mail: a raw RFC 822 message read into an {@link io.marque.portal.mail.inbound.InboundMail},
 * and the new text of a reply told apart from the quoted history below it
 * ({@link io.marque.portal.mail.inbound.ReplyText}, {@link io.marque.portal.mail.inbound.HtmlText}),
 * so that a customer's answer by mail becomes a ticket message without the whole thread repeated.
 * A reseller's {@link io.marque.portal.mail.inbound.Mailbox} is the aggregate root: the IMAP account
 * {@link io.marque.portal.mail.inbound.MailboxPoller} fetches from (and its optional own SMTP relay);
 * every mail that arrived is a {@link io.marque.portal.mail.inbound.ReceivedMail}. What a mail does to
 * tickets is decided by {@code ticket.MailIntake}.
 */
package io.marque.portal.mail.inbound;
