package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.identity.Actor;
import io.marque.portal.it.infra.LocalDaemons;
import io.marque.portal.it.infra.SnmpAgent;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.server.NewServer;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.server.traffic.Traffic;
import io.marque.portal.server.traffic.TrafficRange;
import io.marque.portal.server.traffic.TrafficSampler;
import io.marque.portal.server.traffic.TrafficSeries;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traffic of a real server from the switch port it is cabled to: a real {@code snmpd} started inside
 * the server on loopback stands in for the switch, the provider names its port for an {@code ipmi}
 * server (whose BMC cannot count traffic), and two sampling rounds with traffic between them leave a
 * sample the customer's graph shows.
 */
@ExtendWith(ArquillianExtension.class)
class ServerTrafficIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ServerTrafficIT.class, ServerFixtures.class, SnmpAgent.class, LocalDaemons.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ServerFixtures servers;

    @Inject
    ServerInventory inventory;

    @Inject
    ResellerServers resellers;

    @Inject
    TrafficSampler sampler;

    @Inject
    Traffic traffic;

    private SnmpAgent agent;
    private Fixtures.Reseller a;
    private Actor provider;

    @BeforeEach
    void aSwitch() throws Exception {
        agent = new SnmpAgent();
        System.setProperty("marque.snmp.port", String.valueOf(agent.port()));
        a = fixtures.reseller("traffic");
        provider = fixtures.providerAdmin();
    }

    @AfterEach
    void stop() {
        System.clearProperty("marque.snmp.port");
        agent.close();
    }

    @Test
    void aSwitchPortFeedsTheGraphOfARealServer() throws Exception {
        NewServer spec = servers.spec("traffic");
        long id = servers.added(provider, new NewServer(spec.hostname(), spec.cpu(), spec.ramGb(), spec.disks(),
                spec.ipv4(), spec.ipv6(), spec.location(), spec.os(), "ipmi", spec.rack(), "127.0.0.1", 1, "ops",
                "unused", spec.upstreamId(), spec.monthlyCost(), spec.costCurrency()));
        inventory.assign(provider, id, a.tenantId());
        resellers.assign(a.admin(), id, a.customerId());

        assertThrows(ForbiddenException.class,
                () -> inventory.setTrafficPort(fixtures.providerAgent(), id, agent.host(), agent.loopbackIfIndex(), "x"));
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> inventory.setTrafficPort(provider, id, "not a host", 0, agent.community()));
        assertFalse(bad.problems().isEmpty());
        inventory.setTrafficPort(provider, id, agent.host(), agent.loopbackIfIndex(), agent.community());
        assertFalse(inventory.get(provider, id).toString().contains(agent.community()), "the community is never shown");

        sampler.sampleNow();
        long sent = sendOverLoopback(8 * 1024 * 1024);
        // snmpd refreshes its interface table every few seconds: sample until the bytes show, at most 60 s
        TrafficSeries day = traffic.series(a.customer(), id, TrafficRange.DAY);
        for (long until = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < until
                && day.receivedBytes() + day.transmittedBytes() < sent; ) {
            Thread.sleep(1000);
            sampler.sampleNow();
            day = traffic.series(a.customer(), id, TrafficRange.DAY);
        }
        assertTrue(day.sampleCount() >= 1, "a sample was stored");
        assertTrue(day.receivedBytes() + day.transmittedBytes() >= sent,
                "the loopback bytes are counted: " + day.receivedBytes() + " + " + day.transmittedBytes());
        assertEquals(day.sampleCount(), traffic.series(a.admin(), id, TrafficRange.DAY).sampleCount(),
                "the reseller sees the same graph");
    }

    /** Sends {@code bytes} through a socket on loopback and answers how many went. */
    private static long sendOverLoopback(int bytes) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = new Thread(() -> {
                try (Socket in = server.accept(); InputStream stream = in.getInputStream()) {
                    stream.transferTo(OutputStream.nullOutputStream());
                } catch (Exception e) {
                    // the test's assertion tells
                }
            });
            reader.start();
            try (Socket out = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    OutputStream stream = out.getOutputStream()) {
                stream.write(new byte[bytes]);
            }
            reader.join(10_000);
        }
        return bytes;
    }
}
