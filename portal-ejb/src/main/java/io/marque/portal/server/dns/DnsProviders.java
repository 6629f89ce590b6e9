package io.marque.portal.server.dns;

import io.marque.portal.platform.MarqueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Picks the installation's one {@link DnsProvider}: PowerDNS when {@code MARQUE_PDNS_URL} is set,
 * otherwise {@link NoDnsProvider}. Services simply {@code @Inject DnsProvider dns}, or inject this class
 * and ask {@link #current()} per call.
 *
 * <p>Why a producer: the implementations are {@code @Typed} to their own classes, so the only bean
 * of type {@code DnsProvider} is {@link #current()} and injection is never ambiguous. The settings are
 * read on every call and the PowerDNS client is built again only when they changed, so an operator
 * (or a test pointing the portal at its own DNS server) changes them without a restart. A provider
 * that plugs in its own DNS server adds its class here.
 */
@ApplicationScoped
public class DnsProviders {

    @Inject
    MarqueConfig config;

    @Inject
    NoDnsProvider none;

    private record Built(List<String> settings, PowerDnsProvider provider) {
    }

    private final AtomicReference<Built> built = new AtomicReference<>();

    /** The configured provider; {@code @Dependent}: callers that keep it keep the settings of that moment. */
    @Produces
    public DnsProvider current() {
        Optional<String> url = config.value("MARQUE_PDNS_URL");
        if (url.isEmpty()) {
            return none;
        }
        List<String> settings = List.of(url.get(), config.value("MARQUE_PDNS_API_KEY", ""),
                config.value("MARQUE_PDNS_SERVER", "localhost"), config.value("MARQUE_PDNS_TTL", "3600"),
                config.value("MARQUE_PDNS_TIMEOUT_SECONDS", "5"));
        Built now = built.get();
        if (now == null || !now.settings().equals(settings)) {
            now = new Built(settings, new PowerDnsProvider(settings.get(0), settings.get(1), settings.get(2),
                    Integer.parseInt(settings.get(3)), Duration.ofSeconds(Integer.parseInt(settings.get(4)))));
            built.set(now);
        }
        return now.provider();
    }
}
