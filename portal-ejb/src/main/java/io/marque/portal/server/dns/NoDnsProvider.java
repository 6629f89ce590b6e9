package io.marque.portal.server.dns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Reverse DNS for installations without a DNS server, such as the embedded demo: setting a PTR
 * record does nothing and no record is ever found. The host name a customer enters is still kept in
 * the portal's database, which then is the only record of it; nothing answers DNS queries for it.
 *
 * <p>{@code @Typed} to its own class, like {@link PowerDnsProvider}, so only {@link DnsProviders}
 * offers a {@code DnsProvider}.
 */
@ApplicationScoped
@Typed(NoDnsProvider.class)
public class NoDnsProvider implements DnsProvider {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public void setPtr(InetAddress address, Optional<String> hostname) {
        // the portal's database holds the name; there is no server to tell
    }

    @Override
    public Optional<String> ptr(InetAddress address) {
        return Optional.empty();
    }
}
