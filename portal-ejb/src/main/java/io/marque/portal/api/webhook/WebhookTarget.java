package io.marque.portal.api.webhook;

import io.marque.portal.mail.MailServerAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rules for a webhook URL, in one place for the form and the sender. A reseller admin names the
 * URL and the portal's servers connect to it, so without these rules a reseller could make them probe
 * the provider's own network (databases, metadata services, admin consoles) and read the outcome in
 * the delivery log.
 *
 * <ul>
 * <li>Shape, always: {@code http} or {@code https}, a host, no user name or password in the URL (they
 * would be shown in the log and sent in clear), no fragment, at most 2000 characters.</li>
 * <li>Address, unless {@code MARQUE_WEBHOOKS_ALLOW_PRIVATE} (tests, the demo): the host must resolve,
 * and to public addresses only: no loopback, private (RFC 1918, {@code fc00::/7}), link-local (cloud
 * metadata), shared, multicast or reserved address ({@link MailServerAddress#isPublic}, the portal's one
 * rule for it). Checked when the URL is saved and again before every delivery, since a name's DNS
 * answer may change afterwards (DNS rebinding).</li>
 * </ul>
 *
 * <p>The HTTP client resolves the name again when it connects; the JVM's address cache (30 s by default)
 * usually answers it with the addresses checked here, but a DNS answer that changes in between is not
 * caught. Redirects are never followed, so a public endpoint cannot send a delivery on elsewhere.
 */
public final class WebhookTarget {

    public static final int MAX_LENGTH = 2000;

    /** Why a URL is refused; each has its message key for the form. */
    public enum Refusal {
        MALFORMED("webhooks.error.url"),
        SCHEME("webhooks.error.scheme"),
        CREDENTIALS("webhooks.error.credentials"),
        UNRESOLVABLE("webhooks.error.unresolvable"),
        NOT_PUBLIC("webhooks.error.private");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A refused URL and why. */
    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal, String detail) {
            super(detail);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** Name resolution, a parameter so the rules can be tested without DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The system's resolver (for a literal address, no lookup happens). */
    public static final Resolver DNS = InetAddress::getAllByName;

    private WebhookTarget() {
    }

    /**
     * Checks the URL's shape and answers it parsed, with scheme and host in lower case.
     *
     * @throws RefusedException MALFORMED, SCHEME or CREDENTIALS
     */
    public static URI parse(String text) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_LENGTH) {
            throw new RefusedException(Refusal.MALFORMED, "empty or too long");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new RefusedException(Refusal.MALFORMED, e.getMessage());
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new RefusedException(Refusal.MALFORMED, "not an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedException(Refusal.SCHEME, scheme);
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new RefusedException(Refusal.CREDENTIALS, "credentials in the URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedException(Refusal.MALFORMED, "no host");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedException(Refusal.MALFORMED, "a fragment");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new RefusedException(Refusal.MALFORMED, "port " + uri.getPort());
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String normalised = scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (normalised.length() > MAX_LENGTH) {
            throw new RefusedException(Refusal.MALFORMED, "too long");
        }
        try {
            return new URI(normalised);
        } catch (URISyntaxException e) {
            throw new RefusedException(Refusal.MALFORMED, e.getMessage());
        }
    }

    /**
     * Resolves the URL's host and requires every address it has to be public.
     *
     * @throws RefusedException UNRESOLVABLE or NOT_PUBLIC
     */
    public static void requirePublic(URI uri, Resolver resolver) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedException(Refusal.UNRESOLVABLE, host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedException(Refusal.UNRESOLVABLE, host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!MailServerAddress.isPublic(address)) {
                throw new RefusedException(Refusal.NOT_PUBLIC, host + " resolves to a non-public address");
            }
        }
    }

    /** Both rules, as the form and the sender apply them: the shape always, the address unless private ones are allowed. */
    public static URI check(String text, boolean allowPrivate, Resolver resolver) {
        URI uri = parse(text);
        if (!allowPrivate) {
            requirePublic(uri, resolver);
        }
        return uri;
    }
}
