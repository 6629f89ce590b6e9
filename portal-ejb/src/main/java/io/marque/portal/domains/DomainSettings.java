package io.marque.portal.domains;

import io.marque.portal.platform.MarqueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Domain onboarding's settings, all from {@link MarqueConfig}:
 * <ul>
 * <li>{@code MARQUE_DNS_CNAME_TARGET}: the neutral name portal hosts point at ({@code edge.localhost} in the demo)</li>
 * <li>{@code MARQUE_DNS_PORTAL_ADDRESSES}: addresses an apex host may point at instead; empty: the target's</li>
 * <li>{@code MARQUE_DNS_SPF_INCLUDE}: the neutral SPF name a mail domain includes ({@code spf.localhost})</li>
 * <li>{@code MARQUE_DNS_RESOLVERS}: the resolvers checks ask, e.g. {@code 127.0.0.1:5353}; empty: the machine's</li>
 * <li>{@code MARQUE_DNS_TIMEOUT_MS}: how long one query may take (3000)</li>
 * <li>{@code MARQUE_DOMAIN_CHECK_INTERVAL_MS}: how often due checks are looked for (60000; 0: never)</li>
 * <li>{@code MARQUE_CUSTOM_DOMAINS_MAX}: how many hosts one reseller may claim (20)</li>
 * <li>{@code MARQUE_ACME_DIRECTORY}: the ACME CA's directory URL; unset: no certificates are ordered</li>
 * <li>{@code MARQUE_ACME_TRUST_FILE}: a PEM file of CA certificates to trust for that directory's HTTPS
 *     (a private CA, or the test CA); unset: the JDK's</li>
 * <li>{@code MARQUE_ACME_EMAIL}: the account's contact address (optional)</li>
 * <li>{@code MARQUE_ACME_RENEW_DAYS}: renew this many days before expiry (30)</li>
 * <li>{@code MARQUE_ACME_INTERVAL_MS}: how often due orders and renewals are looked for (300000; 0: never)</li>
 * <li>{@code MARQUE_CERT_DIR}: the file drop for the TLS front end, {@code <host>.crt} and {@code <host>.key}
 *     ({@code data/certs})</li>
 * </ul>
 * Read on every use, so a test may change one with a system property.
 */
@ApplicationScoped
public class DomainSettings {

    @Inject
    MarqueConfig config;

    public DnsNames names() {
        List<String> addresses = Arrays.stream(config.value("MARQUE_DNS_PORTAL_ADDRESSES", "").split("[,\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        return new DnsNames(config.value("MARQUE_DNS_CNAME_TARGET", "edge.localhost"), addresses,
                config.value("MARQUE_DNS_SPF_INCLUDE", "spf.localhost"));
    }

    public DnsLookup lookup() {
        return new DnsJavaLookup(DnsJavaLookup.servers(config.value("MARQUE_DNS_RESOLVERS", "")),
                Duration.ofMillis(config.intValue("MARQUE_DNS_TIMEOUT_MS", 3000)));
    }

    public long checkIntervalMs() {
        return config.intValue("MARQUE_DOMAIN_CHECK_INTERVAL_MS", 60_000);
    }

    public java.util.Optional<java.net.URI> acmeDirectory() {
        return config.value("MARQUE_ACME_DIRECTORY").map(java.net.URI::create);
    }

    /** The PEM text of the CA certificates to trust for the ACME directory, or null for the JDK's. */
    public String acmeTrust() {
        return config.value("MARQUE_ACME_TRUST_FILE").map(file -> {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("MARQUE_ACME_TRUST_FILE cannot be read: " + file, e);
            }
        }).orElse(null);
    }

    public String acmeEmail() {
        return config.value("MARQUE_ACME_EMAIL").orElse(null);
    }

    public Duration renewBefore() {
        return Duration.ofDays(config.intValue("MARQUE_ACME_RENEW_DAYS", 30));
    }

    public long acmeIntervalMs() {
        return config.intValue("MARQUE_ACME_INTERVAL_MS", 300_000);
    }

    public java.nio.file.Path certDir() {
        return java.nio.file.Path.of(config.value("MARQUE_CERT_DIR", "data/certs")).toAbsolutePath();
    }

    public int maxClaims() {
        return config.intValue("MARQUE_CUSTOM_DOMAINS_MAX", 20);
    }
}
