/**
 * Incoming mail: a raw RFC 822 message read into an {@link io.marque.portal.mail.inbound.InboundMail},
 * and the new text of a reply told apart from the quoted history below it
 * ({@link io.marque.portal.mail.inbound.ReplyText}, {@link io.marque.portal.mail.inbound.HtmlText}),
 * so that a customer's answer by mail becomes a ticket message without the whole thread repeated.
 */
package io.marque.portal.mail.inbound;
