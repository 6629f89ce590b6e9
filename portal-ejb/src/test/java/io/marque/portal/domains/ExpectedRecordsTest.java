package io.marque.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.marque.portal.domains.DomainRecord.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedRecordsTest {

    private static final DnsNames NAMES = new DnsNames("edge.portal-dns.test", List.of(), "spf.portal-dns.test");

    @Test
    void aHostAloneNeedsItsCnameAndTheOwnershipRecord() {
        assertEquals(List.of(
                new ExpectedRecord(Kind.PORTAL, "support.acme.test", "CNAME", "edge.portal-dns.test"),
                new ExpectedRecord(Kind.OWNERSHIP, "_portal-verify.support.acme.test", "TXT", "portal-verify=tok")),
                ExpectedRecords.of("support.acme.test", null, "tok", null, null, NAMES));
    }

    @Test
    void aMailDomainAddsSpfDkimAndDmarcOnTheMailDomain() {
        List<ExpectedRecord> records = ExpectedRecords.of("support.acme.test", "acme.test", "tok", "m202611",
                "v=DKIM1; k=rsa; p=KEY", NAMES);
        assertEquals(List.of(Kind.PORTAL, Kind.OWNERSHIP, Kind.SPF, Kind.DKIM, Kind.DMARC),
                records.stream().map(ExpectedRecord::kind).toList());
        assertEquals(new ExpectedRecord(Kind.SPF, "acme.test", "TXT", "v=spf1 include:spf.portal-dns.test ~all"), records.get(2));
        assertEquals(new ExpectedRecord(Kind.DKIM, "m202611._domainkey.acme.test", "TXT", "v=DKIM1; k=rsa; p=KEY"), records.get(3));
        assertEquals("_dmarc.acme.test", records.get(4).name());
    }
}
