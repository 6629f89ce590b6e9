package io.marque.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Marque's settings, read from {@code MARQUE_*} environment variables. A system property with the
 * same name in lower case and dots ({@code MARQUE_SMTP_HOST} → {@code marque.smtp.host}) wins, so a
 * test or an operator can override one value without touching the environment.
 * The full list is in the README; nothing else reads the environment.
 */
@ApplicationScoped
public class MarqueConfig {

    public Optional<String> value(String name) {
        String property = System.getProperty(name.toLowerCase().replace('_', '.'));
        String value = property != null ? property : System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String value(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    public int intValue(String name, int fallback) {
        return value(name).map(Integer::parseInt).orElse(fallback);
    }

    public boolean flag(String name, boolean fallback) {
        return value(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"))
                .orElse(fallback);
    }

    /** Host and port of the SMTP relay; empty means: write every mail as an .eml file instead. */
    public Optional<String> smtpHost() {
        return value("MARQUE_SMTP_HOST");
    }

    public int smtpPort() {
        return intValue("MARQUE_SMTP_PORT", 25);
    }

    public Optional<String> smtpUser() {
        return value("MARQUE_SMTP_USER");
    }

    public Optional<String> smtpPassword() {
        return value("MARQUE_SMTP_PASSWORD");
    }

    /** Where mails go when no SMTP host is set: {@code ./data/mail} under the working directory. */
    public Path mailDir() {
        return Path.of(value("MARQUE_MAIL_DIR", "data/mail")).toAbsolutePath();
    }

    /** A directory of extra themes, loaded beside the built-in ones; empty for none. */
    public Optional<Path> themesDir() {
        return value("MARQUE_THEMES_DIR").map(Path::of);
    }

    /** Addresses and CIDR ranges whose {@code X-Forwarded-Host} is believed. */
    public String trustedProxies() {
        return value("MARQUE_TRUSTED_PROXIES", "");
    }

    /**
     * The domain under which an approved reseller application gets its first host name,
     * {@code <short name>.<base domain>}; {@code localhost} (the demo's) unless set.
     */
    public String resellerBaseDomain() {
        return value("MARQUE_RESELLER_BASE_DOMAIN", "localhost").toLowerCase(java.util.Locale.ROOT);
    }

    /** Seed the demo tenants and users into an empty database. */
    public boolean demoData() {
        return flag("MARQUE_DEMO_DATA", true);
    }

    /** The scheme used in links inside mails ({@code http} for the demo, {@code https} in production). */
    public String publicScheme() {
        return value("MARQUE_PUBLIC_SCHEME", "http");
    }

    /** The port used in links inside mails; empty for the scheme's default port. */
    public Optional<String> publicPort() {
        return value("MARQUE_PUBLIC_PORT");
    }

    public int outboxIntervalMillis() {
        return intValue("MARQUE_OUTBOX_INTERVAL_MS", 5000);
    }

    /**
     * The shared secret a mail server presents to pipe raw mail into {@code POST /mail/inbound}; empty
     * means the endpoint does not exist.
     */
    public Optional<String> inboundToken() {
        return value("MARQUE_INBOUND_TOKEN");
    }

    /** How often the resellers' IMAP mailboxes are fetched; 0 (or less) turns polling off. */
    public long inboundIntervalMillis() {
        return value("MARQUE_INBOUND_INTERVAL_MS").map(Long::parseLong).orElse(60_000L);
    }

    /** How many mailboxes are fetched at the same time, at least one. */
    public int inboundParallel() {
        return Math.max(1, intValue("MARQUE_INBOUND_PARALLEL", 16));
    }

    /**
     * Whether resellers' own mail servers (IMAP and SMTP) may be on loopback, private or link-local
     * addresses. Off by default, so a reseller admin cannot make the server connect into the
     * provider's own network; tests and single-network installations turn it on.
     */
    public boolean mailboxAllowPrivate() {
        return flag("MARQUE_MAILBOX_ALLOW_PRIVATE", false);
    }

    /** How often due webhook deliveries are sent; 0 (or less) turns sending off. */
    public long webhookIntervalMillis() {
        return value("MARQUE_WEBHOOK_INTERVAL_MS").map(Long::parseLong).orElse(2000L);
    }

    /**
     * Whether resellers' webhook URLs may point at loopback, private or link-local addresses. Off by
     * default, so a reseller admin cannot make the portal post into the provider's own network; tests and
     * the demo turn it on. Read on every call, so a test can change it with the system property
     * {@code marque.webhooks.allow.private}.
     */
    public boolean webhooksAllowPrivate() {
        return flag("MARQUE_WEBHOOKS_ALLOW_PRIVATE", false);
    }
}
