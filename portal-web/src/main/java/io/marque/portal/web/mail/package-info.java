/**
 * Mail arriving over HTTP: a mail server pipes each raw message for a reseller's support address to
 * {@code POST /mail/inbound} on that reseller's host ({@link io.marque.portal.web.mail.InboundMailServlet}).
 */
package io.marque.portal.web.mail;
