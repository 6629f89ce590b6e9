package io.marque.portal.server.dns;

import io.marque.portal.platform.MarqueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Picks the installation's one {@link DnsProvider}: PowerDNS when {@code MARQUE_PDNS_URL} is set,
 * otherwise {@link NoDnsProvider}. Services simply {@code @Inject DnsProvider dns}.
 *
 * <p>Why a producer: the implementations are {@code @Typed} to their own classes, so the only bean
 * of type {@code DnsProvider} is {@link #current()} and injection is never ambiguous, with no
 * qualifier for services to know. The choice is made per injection, from the configuration, and
 * returns the chosen bean's application-scoped proxy; the PowerDNS bean is looked up through
 * {@link Instance}, so an installation without PowerDNS never constructs it (its constructor
 * requires the URL). A provider that plugs in its own DNS server adds its class here.
 */
@ApplicationScoped
public class DnsProviders {

    @Inject
    MarqueConfig config;

    @Inject
    Instance<PowerDnsProvider> powerDns;

    @Inject
    NoDnsProvider none;

    /** The configured provider; {@code @Dependent}, since what it returns is application-scoped already. */
    @Produces
    public DnsProvider current() {
        return config.value("MARQUE_PDNS_URL").isPresent() ? powerDns.get() : none;
    }
}
