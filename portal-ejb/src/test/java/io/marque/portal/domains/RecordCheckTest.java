package io.marque.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.domains.DomainRecord.Kind;
import io.marque.portal.domains.DomainRecord.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison rules per kind of record, against a DNS held in a map. */
class RecordCheckTest {

    private static final DnsNames NAMES = new DnsNames("edge.portal-dns.test", List.of(), "spf.portal-dns.test");

    /** A DNS of fixed answers; a name in {@code down} does not answer. */
    private static final class FixedDns implements DnsLookup {
        final Map<String, String> cnames = new HashMap<>();
        final Map<String, List<String>> addresses = new HashMap<>();
        final Map<String, List<String>> txt = new HashMap<>();
        String down;

        @Override
        public Optional<String> cname(String name) throws Unavailable {
            fail(name);
            return Optional.ofNullable(cnames.get(name));
        }

        @Override
        public List<String> addresses(String name) throws Unavailable {
            fail(name);
            return addresses.getOrDefault(name, List.of());
        }

        @Override
        public List<String> txt(String name) throws Unavailable {
            fail(name);
            return txt.getOrDefault(name, List.of());
        }

        private void fail(String name) throws Unavailable {
            if (name.equals(down)) {
                throw new Unavailable("down");
            }
        }
    }

    private final FixedDns dns = new FixedDns();

    private RecordCheck.Outcome check(Kind kind, String name, String value) throws DnsLookup.Unavailable {
        return RecordCheck.check(new ExpectedRecord(kind, name, kind == Kind.PORTAL ? "CNAME" : "TXT", value), dns, NAMES);
    }

    @Test
    void portalByCnameIsFoundWhateverTheCaseAndFinalDot() throws Exception {
        assertEquals(State.PENDING, check(Kind.PORTAL, "support.acme.test", "edge.portal-dns.test").state());
        dns.cnames.put("support.acme.test", "Edge.Portal-DNS.test.");
        assertEquals(State.FOUND, check(Kind.PORTAL, "support.acme.test", "edge.portal-dns.test").state());
    }

    @Test
    void aCnameElsewhereIsWrongAndSaysWhere() throws Exception {
        dns.cnames.put("support.acme.test", "old-host.example");
        RecordCheck.Outcome outcome = check(Kind.PORTAL, "support.acme.test", "edge.portal-dns.test");
        assertEquals(new RecordCheck.Outcome(State.WRONG, "CNAME old-host.example"), outcome);
    }

    @Test
    void anApexWithTheTargetsAddressesIsFoundAndWithOthersWrong() throws Exception {
        dns.addresses.put("edge.portal-dns.test", List.of("192.0.2.10", "192.0.2.11"));
        dns.addresses.put("acme.test", List.of("192.0.2.11"));
        assertEquals(State.FOUND, check(Kind.PORTAL, "acme.test", "edge.portal-dns.test").state());
        dns.addresses.put("acme.test", List.of("192.0.2.11", "198.51.100.7"));
        assertEquals(new RecordCheck.Outcome(State.WRONG, "A 192.0.2.11, 198.51.100.7"),
                check(Kind.PORTAL, "acme.test", "edge.portal-dns.test"));
    }

    @Test
    void configuredAddressesWinOverTheTargets() throws Exception {
        DnsNames fixed = new DnsNames("edge.portal-dns.test", List.of("203.0.113.5"), "spf.portal-dns.test");
        dns.addresses.put("acme.test", List.of("203.0.113.5"));
        assertEquals(State.FOUND, RecordCheck.check(new ExpectedRecord(Kind.PORTAL, "acme.test", "CNAME",
                "edge.portal-dns.test"), dns, fixed).state());
    }

    @Test
    void ownershipNeedsTheExactTokenAmongOtherTexts() throws Exception {
        String name = "_portal-verify.support.acme.test";
        assertEquals(State.PENDING, check(Kind.OWNERSHIP, name, "portal-verify=abc").state());
        dns.txt.put(name, List.of("google-site-verification=x", "portal-verify=abd"));
        assertEquals(new RecordCheck.Outcome(State.WRONG, "google-site-verification=x | portal-verify=abd"),
                check(Kind.OWNERSHIP, name, "portal-verify=abc"));
        dns.txt.put(name, List.of("google-site-verification=x", "portal-verify=abc"));
        assertEquals(State.FOUND, check(Kind.OWNERSHIP, name, "portal-verify=abc").state());
    }

    @Test
    void spfMustIncludeTheNeutralNameBesideTheResellersOwnMechanisms() throws Exception {
        dns.txt.put("acme.test", List.of("some other text"));
        assertEquals(State.PENDING, check(Kind.SPF, "acme.test", "").state());
        dns.txt.put("acme.test", List.of("v=spf1 mx include:_spf.mailer.example ~all"));
        assertEquals(State.WRONG, check(Kind.SPF, "acme.test", "").state());
        dns.txt.put("acme.test", List.of("v=spf1 mx INCLUDE:spf.portal-dns.test include:_spf.mailer.example -all"));
        assertEquals(State.FOUND, check(Kind.SPF, "acme.test", "").state());
    }

    @Test
    void twoSpfRecordsAreWrongEvenWhenOneIsRight() throws Exception {
        dns.txt.put("acme.test", List.of("v=spf1 include:spf.portal-dns.test ~all", "v=spf1 mx -all"));
        assertEquals(State.WRONG, check(Kind.SPF, "acme.test", "").state());
    }

    @Test
    void dkimComparesTheKeyIgnoringSpacesAndOtherTags() throws Exception {
        String name = "m202611._domainkey.acme.test";
        dns.txt.put(name, List.of("v=DKIM1; k=rsa; p=MIIBIjANBgkq hkiG9w0BAQEF"));
        assertEquals(State.FOUND, check(Kind.DKIM, name, "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEF").state());
        assertEquals(State.WRONG, check(Kind.DKIM, name, "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEG").state());
    }

    @Test
    void anyDmarcPolicyCounts() throws Exception {
        assertEquals(State.PENDING, check(Kind.DMARC, "_dmarc.acme.test", ExpectedRecords.DMARC_SUGGESTION).state());
        dns.txt.put("_dmarc.acme.test", List.of("v=DMARC1; p=none; rua=mailto:d@acme.test"));
        assertEquals(State.FOUND, check(Kind.DMARC, "_dmarc.acme.test", ExpectedRecords.DMARC_SUGGESTION).state());
        dns.txt.put("_dmarc.acme.test", List.of("p=none"));
        assertEquals(State.WRONG, check(Kind.DMARC, "_dmarc.acme.test", ExpectedRecords.DMARC_SUGGESTION).state());
    }

    @Test
    void aDnsServerThatDoesNotAnswerIsNotAMissingRecord() {
        dns.down = "_dmarc.acme.test";
        assertThrows(DnsLookup.Unavailable.class, () -> check(Kind.DMARC, "_dmarc.acme.test", "v=DMARC1"));
    }
}
