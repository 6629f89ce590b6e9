package io.marque.portal.domains;

import io.marque.portal.domains.DomainRecord.State;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what DNS holds with a record a claim needs: found, wrong (with what is there instead, in the
 * form the reseller would recognise in its DNS panel) or pending (nothing there). The rules per kind:
 * <ul>
 * <li>portal: a CNAME to the target; or, for an apex host that cannot have one, addresses that are all
 *     among the target's (or the configured ones)</li>
 * <li>ownership: one of the TXT records at the name is exactly the expected text</li>
 * <li>SPF: exactly one {@code v=spf1} record, and it includes the provider's SPF name (the reseller
 *     keeps its own mechanisms beside it)</li>
 * <li>DKIM: a record whose {@code p=} is the claim's public key</li>
 * <li>DMARC: any {@code v=DMARC1} policy</li>
 * </ul>
 */
public final class RecordCheck {

    /** What a check found. */
    public record Outcome(State state, String found) {

        static Outcome present() {
            return new Outcome(State.FOUND, null);
        }

        static Outcome pending() {
            return new Outcome(State.PENDING, null);
        }

        static Outcome wrong(String found) {
            return new Outcome(State.WRONG, found);
        }
    }

    private RecordCheck() {
    }

    public static Outcome check(ExpectedRecord expected, DnsLookup dns, DnsNames names) throws DnsLookup.Unavailable {
        return switch (expected.kind()) {
            case PORTAL -> portal(expected, dns, names);
            case OWNERSHIP -> exactText(dns.txt(expected.name()), expected.value());
            case SPF -> spf(dns.txt(expected.name()), names.spfInclude());
            case DKIM -> dkim(dns.txt(expected.name()), expected.value());
            case DMARC -> dmarc(dns.txt(expected.name()));
        };
    }

    private static Outcome portal(ExpectedRecord expected, DnsLookup dns, DnsNames names) throws DnsLookup.Unavailable {
        Optional<String> cname = dns.cname(expected.name());
        if (cname.isPresent()) {
            return sameName(cname.get(), expected.value()) ? Outcome.present() : Outcome.wrong("CNAME " + cname.get());
        }
        List<String> addresses = dns.addresses(expected.name());
        if (addresses.isEmpty()) {
            return Outcome.pending();
        }
        Set<String> allowed = new HashSet<>(names.portalAddresses().isEmpty()
                ? dns.addresses(expected.value()) : names.portalAddresses());
        return !allowed.isEmpty() && allowed.containsAll(addresses) ? Outcome.present()
                : Outcome.wrong("A " + String.join(", ", addresses));
    }

    static Outcome exactText(List<String> texts, String wanted) {
        if (texts.isEmpty()) {
            return Outcome.pending();
        }
        return texts.stream().anyMatch(t -> t.strip().equals(wanted)) ? Outcome.present()
                : Outcome.wrong(String.join(" | ", texts));
    }

    static Outcome spf(List<String> texts, String include) {
        List<String> spf = texts.stream().filter(RecordCheck::isSpf).toList();
        if (spf.isEmpty()) {
            return Outcome.pending();
        }
        if (spf.size() > 1) {
            // RFC 7208 4.5: more than one SPF record is a permanent error for every receiver
            return Outcome.wrong(String.join(" | ", spf));
        }
        String wanted = "include:" + include.toLowerCase(Locale.ROOT);
        boolean included = List.of(spf.get(0).toLowerCase(Locale.ROOT).split("\\s+")).stream()
                .anyMatch(term -> term.equals(wanted) || term.equals("+" + wanted));
        return included ? Outcome.present() : Outcome.wrong(spf.get(0));
    }

    static Outcome dkim(List<String> texts, String wantedRecord) {
        if (texts.isEmpty()) {
            return Outcome.pending();
        }
        String wantedKey = tag(wantedRecord, "p");
        return texts.stream().anyMatch(t -> wantedKey != null && wantedKey.equals(tag(t, "p"))) ? Outcome.present()
                : Outcome.wrong(String.join(" | ", texts));
    }

    static Outcome dmarc(List<String> texts) {
        if (texts.isEmpty()) {
            return Outcome.pending();
        }
        return texts.stream().anyMatch(t -> t.strip().toUpperCase(Locale.ROOT).startsWith("V=DMARC1"))
                ? Outcome.present() : Outcome.wrong(String.join(" | ", texts));
    }

    private static boolean isSpf(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("v=spf1") || t.startsWith("v=spf1 ");
    }

    /** A tag's value in a {@code tag=value; tag=value} list, whitespace removed (DKIM keys may be folded). */
    static String tag(String record, String name) {
        for (String part : record.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).replaceAll("\\s+", "");
            }
        }
        return null;
    }

    private static boolean sameName(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
