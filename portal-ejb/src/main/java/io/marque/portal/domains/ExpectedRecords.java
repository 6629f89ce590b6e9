package io.marque.portal.domains;

import java.util.ArrayList;
import java.util.List;

/**
 * The records a claimed domain needs, in the order a reseller creates them: the portal's CNAME and the
 * ownership TXT for the host; SPF, DKIM and DMARC for the mail domain when there is one. Record names
 * carry nothing but the reseller's own names and neutral prefixes.
 */
public final class ExpectedRecords {

    /** The label under the portal host where the ownership token goes. */
    public static final String OWNERSHIP_LABEL = "_portal-verify";
    /** The start of the ownership record's text. */
    public static final String OWNERSHIP_PREFIX = "portal-verify=";
    /** The DMARC policy suggested; any {@code v=DMARC1} record counts as found. */
    public static final String DMARC_SUGGESTION = "v=DMARC1; p=quarantine; adkim=r; aspf=r";

    private ExpectedRecords() {
    }

    /**
     * @param dkimSelector   null when the claim has no mail domain
     * @param dkimRecord     the DKIM TXT value ({@code v=DKIM1; k=rsa; p=…}); null without a mail domain
     */
    public static List<ExpectedRecord> of(String host, String mailDomain, String token, String dkimSelector,
            String dkimRecord, DnsNames names) {
        List<ExpectedRecord> records = new ArrayList<>();
        records.add(new ExpectedRecord(DomainRecord.Kind.PORTAL, host, "CNAME", names.portalTarget()));
        records.add(new ExpectedRecord(DomainRecord.Kind.OWNERSHIP, OWNERSHIP_LABEL + "." + host, "TXT",
                OWNERSHIP_PREFIX + token));
        if (mailDomain != null) {
            records.add(new ExpectedRecord(DomainRecord.Kind.SPF, mailDomain, "TXT",
                    "v=spf1 include:" + names.spfInclude() + " ~all"));
            records.add(new ExpectedRecord(DomainRecord.Kind.DKIM, dkimSelector + "._domainkey." + mailDomain, "TXT",
                    dkimRecord));
            records.add(new ExpectedRecord(DomainRecord.Kind.DMARC, "_dmarc." + mailDomain, "TXT", DMARC_SUGGESTION));
        }
        return records;
    }
}
