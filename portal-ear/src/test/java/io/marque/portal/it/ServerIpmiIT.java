package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.identity.Actor;
import io.marque.portal.it.infra.IpmiSim;
import io.marque.portal.it.infra.LocalDaemons;
import io.marque.portal.server.NewServer;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.job.JobState;
import io.marque.portal.server.job.JobView;
import io.marque.portal.server.job.ServerJob;
import jakarta.inject.Inject;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal driving a real BMC: OpenIPMI's {@code ipmi_sim}, started on loopback inside the server
 * for each test, behind a server of the inventory with the {@code ipmi} driver. Power jobs change the
 * device's own state and the portal shows the state read back from it; a BMC that does not answer or
 * refuses the credentials ends the job as failed with a reason, within the configured timeout
 * ({@code MARQUE_IPMI_TIMEOUT_SECONDS=5} in tests).
 */
@ExtendWith(ArquillianExtension.class)
class ServerIpmiIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ServerIpmiIT.class, ServerFixtures.class, IpmiSim.class, LocalDaemons.class);
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
    ServerActions actions;

    private IpmiSim bmc;
    private Fixtures.Reseller a;
    private Actor provider;

    @BeforeEach
    void aBmc() throws Exception {
        bmc = new IpmiSim();
        a = fixtures.reseller("ipmi");
        provider = fixtures.providerAdmin();
    }

    @AfterEach
    void stop() {
        bmc.close();
    }

    @Test
    void powerActionsChangeTheDeviceAndThePortalShowsWhatItReadsBack() throws Exception {
        long id = ipmiServer("ipmi-power", bmc.port(), bmc.password());
        bmc.setOn(true);

        assertEquals(JobState.DONE, run(actions.power(a.customer(), id, PowerAction.HARD_OFF)).getState());
        assertFalse(bmc.isOn(), "the device is off");
        assertEquals("OFF", actions.view(a.customer(), id).powerState());

        assertEquals(JobState.DONE, run(actions.power(a.customer(), id, PowerAction.ON)).getState());
        assertTrue(bmc.isOn());
        assertEquals("ON", actions.view(a.customer(), id).powerState());

        assertEquals(JobState.DONE, run(actions.power(a.admin(), id, PowerAction.CYCLE)).getState());
        assertTrue(bmc.awaitOn(true, Duration.ofSeconds(10)), "a cycle ends with the server on");
        assertTrue(bmc.chassisRequests().stream().anyMatch(r -> r.startsWith("power 0")), bmc.chassisRequests().toString());

        bmc.setOn(false);
        assertEquals("OFF", actions.readPower(a.customer(), id).name(), "the state comes from the device, not the database");
        assertEquals("OFF", actions.view(a.customer(), id).powerState());
    }

    @Test
    void aReinstallBootsTheInstallerFromTheNetwork() throws Exception {
        long id = ipmiServer("ipmi-reinstall", bmc.port(), bmc.password());
        assertEquals(JobState.DONE, run(actions.reinstall(a.customer(), id, "debian-12")).getState());
        assertEquals("pxe", bmc.bootDevice().orElse(""));
        assertTrue(bmc.awaitOn(true, Duration.ofSeconds(10)));
    }

    @Test
    void aBmcThatDoesNotAnswerFailsTheJobWithinTheTimeout() throws Exception {
        int silent;
        try (DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            silent = socket.getLocalPort();
            long id = ipmiServer("ipmi-silent", silent, "secret");
            long started = System.nanoTime();
            ServerJob job = run(actions.power(a.customer(), id, PowerAction.ON));
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            assertEquals(JobState.FAILED, job.getState());
            assertEquals("server.error.unreachable", job.getFailureKey());
            assertTrue(seconds <= 5 + 5, "gave up within the timeout and a margin, took " + seconds + " s");
            JobView seen = actions.recentJobs(a.customer(), id).get(0);
            assertEquals(null, seen.failureDetail(), "the customer gets the reason, not the technical cause");
            assertFalse(seen.toString().contains("127.0.0.1"));
        }
    }

    @Test
    void wrongCredentialsFailTheJobWithTheirOwnReason() throws Exception {
        long id = ipmiServer("ipmi-password", bmc.port(), "not-the-password");
        ServerJob job = run(actions.power(a.customer(), id, PowerAction.HARD_OFF));
        assertEquals(JobState.FAILED, job.getState());
        assertEquals("server.error.authentication", job.getFailureKey());
        assertEquals(List.of(), bmc.chassisRequests(), "the device was not touched");
    }

    private long ipmiServer(String label, int port, String password) {
        NewServer spec = servers.spec(label);
        NewServer ipmi = new NewServer(spec.hostname(), spec.cpu(), spec.ramGb(), spec.disks(), spec.ipv4(),
                spec.ipv6(), spec.location(), spec.os(), "ipmi", spec.rack(), IpmiSim.HOST, port, bmc.user(),
                password, spec.upstreamId(), spec.monthlyCost(), spec.costCurrency());
        long id = servers.added(provider, ipmi);
        inventory.assign(provider, id, a.tenantId());
        resellers.assign(a.admin(), id, a.customerId());
        return id;
    }

    private ServerJob run(JobView job) throws InterruptedException {
        return servers.awaitEnd(job.id());
    }
}
