/**
 * TLS certificates for a reseller's custom portal host, by ACME (RFC 8555) with the HTTP-01 challenge.
 * {@link io.marque.portal.domains.acme.AcmeIssuer} registers an account and has a certificate issued
 * for one host, publishing the challenge's answer on a
 * {@link io.marque.portal.domains.acme.ChallengeBoard} that the portal itself serves at
 * {@code /.well-known/acme-challenge/<token>}; the result is an
 * {@link io.marque.portal.domains.acme.IssuedCertificate}, which
 * {@link io.marque.portal.domains.acme.CertificateFiles} drops into the directory the TLS front end
 * (nginx, see {@code docs/tls-front-end.md}) reads at each handshake.
 *
 * <p>Plain Java: the services that keep accounts, boards and certificates in the database wire these in.
 */
package io.marque.portal.domains.acme;
