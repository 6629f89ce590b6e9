package io.marque.portal.server.dns;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The provider's DNS server, where reverse DNS (PTR) records of its addresses live. Hidden behind
 * this SPI so a provider can plug in its own; Marque ships a PowerDNS driver (its HTTP API) and a
 * database-only one for installations without a DNS server (the demo).
 */
public interface DnsProvider {

    /** The name stored in configuration: {@code powerdns}, {@code none}. */
    String name();

    /**
     * Sets the PTR record of the address to the host name (absolute, with or without the final dot),
     * or removes it when {@code hostname} is empty.
     */
    void setPtr(InetAddress address, Optional<String> hostname) throws DnsException;

    /** The PTR record the server holds for the address now, without the final dot. */
    Optional<String> ptr(InetAddress address) throws DnsException;
}
