/**
 * Domain onboarding: a reseller brings its own portal host and mail domain. {@link
 * io.marque.portal.domains.CustomDomain} is the aggregate root: the records the reseller must create
 * ({@link io.marque.portal.domains.DomainRecord}), checked with real DNS queries; the host leads to the
 * reseller only once the ownership record is found; then a TLS certificate is obtained by ACME
 * ({@code acme}) and the reseller's mail is DKIM-signed ({@code dkim}).
 */
package io.marque.portal.domains;
