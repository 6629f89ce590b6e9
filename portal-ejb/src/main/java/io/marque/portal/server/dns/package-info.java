/**
 * Reverse DNS of the servers' addresses: the {@link io.marque.portal.server.dns.DnsProvider} SPI, the
 * PowerDNS driver and the database-only one, the choice between them
 * ({@link io.marque.portal.server.dns.DnsProviders}), the PTR owner name of an address and the check of
 * the host name a customer types for it.
 */
package io.marque.portal.server.dns;
