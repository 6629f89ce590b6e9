package io.marque.portal.server.traffic;

import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.platform.SecretKeys;
import io.marque.portal.server.Drivers;
import io.marque.portal.server.Server;
import io.marque.portal.server.driver.DriverException;
import io.marque.portal.server.driver.TrafficCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a server's interface counters come from: the switch port it is cabled to, over SNMP, when the
 * provider named one (a dedicated server's BMC cannot see its traffic); otherwise its own driver.
 */
@ApplicationScoped
public class TrafficSource {

    /** The SNMP port switches are asked on, {@code MARQUE_SNMP_PORT} (read per call). */
    static final int SNMP_PORT = 161;

    private static final Logger LOG = Logger.getLogger(TrafficSource.class.getName());

    @Inject
    Drivers drivers;

    @Inject
    SnmpCounters snmp;

    @Inject
    SecretKeys secrets;

    @Inject
    MarqueConfig config;

    /** The counters now; empty when they cannot be read, which skips this sample and no more. */
    public Optional<TrafficCounters> read(Server server) {
        try {
            if (server.getTrafficHost() != null) {
                String community = secrets.box().decrypt(server.getTrafficCommunitySealed());
                return snmp.read(server.getTrafficHost(), config.intValue("MARQUE_SNMP_PORT", SNMP_PORT), community, server.getTrafficIfIndex());
            }
            return drivers.of(server).traffic(drivers.target(server));
        } catch (SnmpException | DriverException e) {
            LOG.log(Level.FINE, "No traffic counters for server " + server.getId() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
