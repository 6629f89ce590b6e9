package io.marque.portal.server;

import io.marque.portal.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the inventory accepts for a server, whether typed into the provider's form or read from a CSV
 * line: every field checked, all problems reported at once (field → message key), text trimmed,
 * addresses in canonical form.
 */
public final class ServerRules {

    /** The drivers a server may name. */
    public static final Set<String> DRIVERS = Set.of("ipmi", "simulated");


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
        if (bmcHost != null && IpLiteral.ipv4(bmcHost).or(() -> IpLiteral.ipv6(bmcHost)).isEmpty()
                && HostName.parse(bmcHost).isEmpty()) {
            problems.put("bmcHost", "server.import.invalid-bmc-host");
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

    private static String hostname(String value, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            problems.put("hostname", "server.import.required");
            return null;
        }
        return HostName.parse(value.strip()).orElseGet(() -> {
            problems.put("hostname", "server.import.invalid-hostname");
            return null;
        });
    }

    private static List<String> addresses(String field, List<String> values, int family, Map<String, String> problems) {
        List<String> clean = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String address = (family == 4 ? IpLiteral.ipv4(value) : IpLiteral.ipv6(value)).orElse(null);
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
        } else if (text.chars().anyMatch(c -> c < 0x20)) {
            problems.put(field, "server.import.invalid-text");
        } else if ("=+-@".indexOf(text.charAt(0)) >= 0) {
            problems.put(field, "server.import.formula");
        }
        return text;
    }
}
