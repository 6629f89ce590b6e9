package io.marque.portal.server;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.server.dns.PtrHostname;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the inventory accepts for a server, whether typed into the provider's form or read from a CSV
 * line: every field checked, all problems reported at once (field → message key), text trimmed,
 * addresses in canonical form.
 */
public final class ServerRules {

    /** The drivers a server may name. */
    public static final Set<String> DRIVERS = Set.of("ipmi", "simulated");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:]{2,39}");

    private ServerRules() {
    }

    /**
     * The request, cleaned, or every problem it has.
     *
     * @param passwordRequired whether an {@code ipmi} server must bring a BMC password (a new one, or
     *                         one that has none stored yet)
     */
    public static NewServer checked(NewServer s, boolean passwordRequired) {
        Map<String, String> problems = new LinkedHashMap<>();
        String hostname = hostname(s.hostname(), problems);
        String cpu = text("cpu", s.cpu(), 200, true, problems);
        String disks = text("disks", s.disks(), 200, true, problems);
        String location = text("location", s.location(), 200, true, problems);
        String os = text("os", s.os(), 200, true, problems);
        if (s.ramGb() < 1 || s.ramGb() > 65_536) {
            problems.put("ramGb", "server.import.invalid-ram");
        }
        List<String> ipv4 = addresses("ipv4", s.ipv4(), 4, problems);
        List<String> ipv6 = addresses("ipv6", s.ipv6(), 6, problems);
        String driver = s.driver() == null || s.driver().isBlank() ? "simulated" : s.driver().strip();
        if (!DRIVERS.contains(driver)) {
            problems.put("driver", "server.import.invalid-driver");
        }
        String rack = text("rack", s.rack(), 100, false, problems);
        String upstream = text("upstreamId", s.upstreamId(), 100, false, problems);
        String bmcHost = s.bmcHost() == null || s.bmcHost().isBlank() ? null : s.bmcHost().strip();
        String bmcUser = text("bmcUser", s.bmcUser(), 100, false, problems);
        if (bmcHost != null && !IPV4.matcher(bmcHost).matches() && !PtrHostname.isValid(bmcHost)) {
            problems.put("bmcHost", "server.import.invalid-host");
        }
        if (s.bmcPort() < 1 || s.bmcPort() > 65_535) {
            problems.put("bmcPort", "server.import.invalid-port");
        }
        if ("ipmi".equals(driver)) {
            if (bmcHost == null) {
                problems.put("bmcHost", "server.import.required");
            }
            if (bmcUser == null) {
                problems.put("bmcUser", "server.import.required");
            }
            if (passwordRequired && (s.bmcPassword() == null || s.bmcPassword().isEmpty())) {
                problems.put("bmcPassword", "server.import.required");
            }
        }
        if (s.bmcPassword() != null && s.bmcPassword().length() > 200) {
            problems.put("bmcPassword", "server.import.too-long");
        }
        BigDecimal cost = s.monthlyCost();
        if (cost != null && (cost.signum() < 0 || cost.scale() > 2 || cost.precision() - cost.scale() > 10)) {
            problems.put("monthlyCost", "server.import.invalid-cost");
        }
        String currency = s.costCurrency() == null || s.costCurrency().isBlank() ? "EUR" : s.costCurrency().strip();
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            problems.put("costCurrency", "server.import.invalid-currency");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewServer(hostname, cpu, s.ramGb(), disks, ipv4, ipv6, location, os, driver, rack, bmcHost,
                s.bmcPort(), bmcUser, s.bmcPassword(), upstream, cost, currency);
    }

    /** An IPv4 literal in dotted-quad form, or an IPv6 literal in canonical form; null if it is neither. */
    public static String canonical(String text, int family) {
        String value = text == null ? "" : text.strip();
        if (family == 4) {
            return IPV4.matcher(value).matches() ? value : null;
        }
        if (!IPV6_CHARS.matcher(value).matches() || !value.contains(":")) {
            return null;
        }
        try {
            // a literal of hex digits and colons only: parsed, never looked up
            byte[] bytes = java.net.InetAddress.getByName("[" + value + "]").getAddress();
            return bytes.length == 16 ? ipv6Text(bytes) : null;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    static String ipv6Text(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static String hostname(String value, Map<String, String> problems) {
        try {
            return PtrHostname.of(value);
        } catch (PtrHostname.Refused e) {
            problems.put("hostname", e.problem() == PtrHostname.Problem.REQUIRED ? "server.import.required"
                    : "server.import.invalid-host");
            return null;
        }
    }

    private static List<String> addresses(String field, List<String> values, int family, Map<String, String> problems) {
        List<String> clean = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String address = canonical(value, family);
            if (address == null) {
                problems.put(field, "server.import.invalid-ip");
            } else if (!clean.contains(address)) {
                clean.add(address);
            }
        }
        return clean;
    }

    private static String text(String field, String value, int max, boolean required, Map<String, String> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.put(field, "server.import.required");
            }
            return null;
        }
        if (text.length() > max) {
            problems.put(field, "server.import.too-long");
        } else if (text.chars().anyMatch(c -> c < 0x20) || "=+-@".indexOf(text.charAt(0)) >= 0) {
            problems.put(field, "server.import.invalid-text");
        }
        return text;
    }
}
