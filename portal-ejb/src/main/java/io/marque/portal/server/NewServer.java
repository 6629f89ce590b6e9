package io.marque.portal.server;

import java.math.BigDecimal;
import java.util.List;

/**
 * A server as the provider enters it into the inventory, by hand or from a CSV line. The first group
 * may be shown to the reseller and customer the server is assigned to; the second (rack, BMC, upstream
 * id, cost) never leaves the provider area.
 *
 * @param hostname     the server's host name as its user sees it
 * @param cpu          free text, e.g. {@code "Intel Xeon E-2388G, 8 cores"}
 * @param ramGb        memory in GiB
 * @param disks        free text, e.g. {@code "2 × 960 GB NVMe"}
 * @param ipv4         public IPv4 addresses, canonical text
 * @param ipv6         public IPv6 addresses, canonical text
 * @param location     the city or data centre name customers see, e.g. {@code "Frankfurt"}
 * @param os           the installed operating system's name
 * @param driver       {@code ipmi} or {@code simulated}
 * @param monthlyCost  the provider's own cost, exact; null when unknown
 * @param costCurrency ISO 4217 code of {@code monthlyCost}
 */
public record NewServer(String hostname, String cpu, int ramGb, String disks, List<String> ipv4, List<String> ipv6,
        String location, String os, String driver,
        String rack, String bmcHost, int bmcPort, String bmcUser, String bmcPassword, String upstreamId,
        BigDecimal monthlyCost, String costCurrency) {
}
