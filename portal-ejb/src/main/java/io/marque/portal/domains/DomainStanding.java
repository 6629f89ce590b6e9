package io.marque.portal.domains;

import io.marque.portal.domains.DomainRecord.Kind;
import io.marque.portal.domains.DomainRecord.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a claimed domain still needs, as message keys for the reseller's status page, and whether the
 * provider's list counts it among those needing attention. Pure rules over a view, so both pages and the
 * tests read the same answer.
 */
public final class DomainStanding {

    /** A certificate this close to its end while not renewed is worth a look. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private DomainStanding() {
    }

    /**
     * @param supportEmail the reseller's support address, which is the {@code From} of its mails
     */
    public static List<String> warnings(CustomDomain.Status status, List<CustomDomainView.RecordView> records,
            CustomDomainView.CertificateView certificate, String mailDomain, String supportEmail, Instant now) {
        List<String> warnings = new ArrayList<>();
        if (status == CustomDomain.Status.PENDING) {
            return warnings;
        }
        for (CustomDomainView.RecordView r : records) {
            if (r.state() != State.FOUND && r.kind() != Kind.OWNERSHIP) {
                warnings.add("domains.warn." + r.kind().name().toLowerCase(Locale.ROOT));
            }
        }
        if (mailDomain != null && supportEmail != null && !onDomain(supportEmail, mailDomain)) {
            warnings.add("domains.warn.supportAddress");
        }
        if (certificate != null) {
            if (certificate.status() == DomainCertificate.Status.FAILED) {
                warnings.add("domains.warn.certificate");
            } else if (certificate.notAfter() != null && certificate.notAfter().isBefore(now.plus(EXPIRY_WARNING))) {
                warnings.add("domains.warn.expiring");
            }
        }
        return warnings;
    }

    /** Needs the provider's look: a record gone, a proven host not routed, a certificate failing or ending, mail not authenticated. */
    public static boolean attention(CustomDomain.Status status, String problem, List<String> warnings) {
        return status == CustomDomain.Status.ATTENTION || problem != null
                || warnings.stream().anyMatch(w -> !w.equals("domains.warn.supportAddress"));
    }

    static boolean onDomain(String address, String domain) {
        int at = address.lastIndexOf('@');
        String host = at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
