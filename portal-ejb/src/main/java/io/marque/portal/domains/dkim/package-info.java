/**
 * DKIM for a reseller's mail domain: the key pair Marque makes for it ({@link io.marque.portal.domains.dkim.DkimKey}),
 * the TXT record the reseller publishes at {@code <selector>._domainkey.<mail domain>}, and the signature
 * every outgoing mail of that reseller carries ({@link io.marque.portal.domains.dkim.DkimSigner}), so
 * receivers can tell the mail really comes from the reseller's domain. Plain Java: the services that
 * store the key and sign the outbox's mails wire these in.
 */
package io.marque.portal.domains.dkim;
