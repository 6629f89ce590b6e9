package io.marque.portal.domains;

import java.time.Instant;
import java.util.List;

/**
 * A claimed domain as the reseller's and the provider's pages show it.
 *
 * @param primary     the host is the reseller's main address (links in mails use it)
 * @param certificate null until the host is proven
 * @param warnings    message keys of what still needs the reseller (mail records not found, …)
 * @param attention   the provider's list shows it among those needing attention
 */
public record CustomDomainView(long id, long tenantId, String tenantName, String host, String mailDomain,
        CustomDomain.Status status, String problem, boolean primary, Instant createdAt, Instant verifiedAt,
        Instant checkedAt, Instant nextCheckAt, List<RecordView> records, CertificateView certificate,
        List<String> warnings, boolean attention) {

    /** One record: what to create and what the last check found. */
    public record RecordView(DomainRecord.Kind kind, String name, String type, String expected,
            DomainRecord.State state, String found, Instant checkedAt) {

        static RecordView of(DomainRecord r) {
            return new RecordView(r.getKind(), r.getName(), r.getType(), r.getExpected(), r.getState(), r.getFound(),
                    r.getCheckedAt());
        }
    }

    /** The host's certificate: where it stands, until when it is valid, and the last error. */
    public record CertificateView(DomainCertificate.Status status, Instant notAfter, String serial, Instant issuedAt,
            String lastError, Instant nextAttemptAt) {

        static CertificateView of(DomainCertificate c) {
            return c == null ? null : new CertificateView(c.getStatus(), c.getNotAfter(), c.getSerial(),
                    c.getIssuedAt(), c.getLastError(), c.getNextAttemptAt());
        }
    }

    /** The state of one kind of record, or null when the claim has none of that kind. */
    public DomainRecord.State state(DomainRecord.Kind kind) {
        return records.stream().filter(r -> r.kind() == kind).map(RecordView::state).findFirst().orElse(null);
    }
}
