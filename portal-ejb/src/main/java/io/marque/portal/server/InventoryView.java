package io.marque.portal.server;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A server as the provider's staff see it: everything but the BMC password, the switch port's SNMP
 * community and the customer's identity (law 3: the provider sees only what the reseller shares; it
 * sees that a customer has the server, not who).
 */
public record InventoryView(long id, String hostname, String cpu, int ramGb, String disks, String location, String os,
        String driver, String rack, String bmcHost, int bmcPort, String bmcUser, boolean bmcPasswordSet,
        String upstreamId, BigDecimal monthlyCost, String costCurrency,
        Long resellerId, String resellerName, boolean assignedToCustomer,
        ServerStatus status, SuspensionCause suspensionCause, String suspensionNote,
        String powerState, Instant powerReadAt, Long activeJobId, List<AddressView> addresses,
        String trafficHost, Integer trafficIfIndex) implements Serializable {
}
