package io.marque.portal.it.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.driver.BmcTarget;
import io.marque.portal.server.driver.DriverException;
import io.marque.portal.server.driver.DriverException.Reason;
import io.marque.portal.server.driver.EventLogEntry;
import io.marque.portal.server.driver.IpmiDriver;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.driver.PowerState;
import io.marque.portal.server.driver.SensorReading;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The ipmi driver against a real BMC (OpenIPMI's ipmi_sim, see {@link IpmiSim}) over the real wire:
 * every power action changes what the device's chassis really holds, the power state is read back
 * from the device even when it changed behind the driver's back, a reinstall boots from the network,
 * and the three ways a BMC fails to serve (wrong credentials, nobody listening, nobody answering)
 * end in the right reason within the timeout and with a message that gives nothing away. A plain
 * JUnit test: no application server needed.
 */
class IpmiDriverIT {

    private static final int TIMEOUT_SECONDS = 5;
    /** What the timeout may be overrun by: starting the process, the JVM's own pauses. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final IpmiDriver driver = new IpmiDriver("ipmitool", TIMEOUT_SECONDS);
    private IpmiSim bmc;
    private BmcTarget target;

    @BeforeEach
    void startBmc() throws IOException {
        bmc = new IpmiSim("marque-ops", "s3cret-pw");
        target = new BmcTarget(42, bmc.host(), bmc.port(), bmc.user(), bmc.password());
    }

    @AfterEach
    void stopBmc() {
        bmc.close();
    }

    @Test
    void powerStateIsWhatTheDeviceSaysEvenWhenItChangedBehindTheDriversBack() throws Exception {
        assertEquals(PowerState.OFF, driver.powerState(target));
        bmc.setOn(true);
        assertEquals(PowerState.ON, driver.powerState(target));
        bmc.setOn(false);
        assertEquals(PowerState.OFF, driver.powerState(target));
    }

    @Test
    void onAndHardOffSwitchTheDevice() throws Exception {
        driver.power(target, PowerAction.ON);
        assertTrue(bmc.isOn());
        assertEquals(PowerState.ON, driver.powerState(target));

        driver.power(target, PowerAction.HARD_OFF);
        assertFalse(bmc.isOn());
        assertEquals(PowerState.OFF, driver.powerState(target));
        assertEquals(List.of("power 1", "power 0"), bmc.chassisRequests());
    }

    @Test
    void softOffAsksTheOperatingSystemToShutDown() throws Exception {
        bmc.setOn(true);
        driver.power(target, PowerAction.SOFT_OFF);
        assertEquals(List.of("shutdown 1"), bmc.chassisRequests());
        assertFalse(bmc.isOn());
        assertEquals(PowerState.OFF, driver.powerState(target));
    }

    @Test
    void resetRestartsARunningServerWithoutSwitchingItOff() throws Exception {
        bmc.setOn(true);
        driver.power(target, PowerAction.RESET);
        assertEquals(List.of("reset 1"), bmc.chassisRequests());
        assertTrue(bmc.isOn());
    }

    @Test
    void cycleSwitchesARunningServerOffAndOnAgain() throws Exception {
        bmc.setOn(true);
        driver.power(target, PowerAction.CYCLE);
        assertTrue(bmc.awaitOn(true, Duration.ofSeconds(5)), "on again after the cycle");
        assertEquals(List.of("power 0", "power 1"), bmc.chassisRequests());
        assertEquals(PowerState.ON, driver.powerState(target));
    }

    @Test
    void cycleAndResetOfAStoppedServerSwitchItOn() throws Exception {
        driver.power(target, PowerAction.CYCLE);
        assertTrue(bmc.isOn());
        bmc.setOn(false);
        driver.power(target, PowerAction.RESET);
        assertTrue(bmc.isOn());
        assertEquals(List.of("power 1", "power 1"), bmc.chassisRequests());
    }

    @Test
    void askingForTheStateTheServerIsInChangesNothing() throws Exception {
        driver.power(target, PowerAction.HARD_OFF);
        driver.power(target, PowerAction.SOFT_OFF);
        bmc.setOn(true);
        driver.power(target, PowerAction.ON);
        assertEquals(List.of(), bmc.chassisRequests());
        assertTrue(bmc.isOn());
    }

    @Test
    void reinstallOfAStoppedServerBootsItFromTheNetwork() throws Exception {
        List<Integer> percents = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        driver.reinstall(target, "debian-12", (percent, stage) -> {
            percents.add(percent);
            stages.add(stage);
        });
        assertEquals("pxe", bmc.bootDevice().orElseThrow());
        assertTrue(bmc.isOn());
        assertEquals(List.of(20, 60, 100), percents);
        assertEquals(List.of("server.stage.network-boot", "server.stage.restarting", "server.stage.installer-started"),
                stages);
    }

    @Test
    void reinstallOfARunningServerRestartsItFromTheNetwork() throws Exception {
        bmc.setOn(true);
        driver.reinstall(target, "debian-12", (percent, stage) -> { });
        assertEquals("pxe", bmc.bootDevice().orElseThrow());
        assertTrue(bmc.awaitOn(true, Duration.ofSeconds(5)), "on again after the cycle");
        assertEquals(List.of("boot pxe", "power 0", "power 1"), bmc.chassisRequests());
    }

    @Test
    void sensorsAndTheEventLogAreRead() throws Exception {
        assertEquals(List.of(new SensorReading("CPU Temp", "45", "degrees C", "ok"),
                new SensorReading("Fan 1", "3600", "RPM", "ok")), driver.sensors(target));
        List<EventLogEntry> events = driver.events(target);
        assertEquals(1, events.size());
        assertEquals("Temperature CPU Temp", events.get(0).sensor());
        assertTrue(events.get(0).description().startsWith("Upper Non-critical going high, Asserted"),
                events.get(0).description());
    }

    @Test
    void aBmcWithoutSensorsOrLogHasEmptyLists() throws Exception {
        try (IpmiSim bare = new IpmiSim("marque-ops", "s3cret-pw", false)) {
            BmcTarget bareTarget = new BmcTarget(43, bare.host(), bare.port(), bare.user(), bare.password());
            assertEquals(List.of(), driver.sensors(bareTarget));
            assertEquals(List.of(), driver.events(bareTarget));
        }
    }

    @Test
    void aWrongPasswordIsRefusedCredentials() {
        BmcTarget wrong = new BmcTarget(42, bmc.host(), bmc.port(), bmc.user(), "not-the-password");
        DriverException e = failsWithin(Duration.ofSeconds(TIMEOUT_SECONDS), () -> driver.powerState(wrong));
        assertEquals(Reason.AUTHENTICATION, e.reason(), e.detail());
        assertGivesNothingAway(e, bmc.port());
        assertFalse(e.detail().contains("not-the-password"), e.detail());
    }

    @Test
    void anUnknownUserIsRefusedCredentials() {
        BmcTarget stranger = new BmcTarget(42, bmc.host(), bmc.port(), "stranger", bmc.password());
        DriverException e = failsWithin(Duration.ofSeconds(TIMEOUT_SECONDS), () -> driver.power(stranger, PowerAction.ON));
        assertEquals(Reason.AUTHENTICATION, e.reason(), e.detail());
        assertFalse(bmc.isOn());
    }

    @Test
    void aPortNobodyListensOnIsUnreachable() throws Exception {
        int closed;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closed = socket.getLocalPort();
        }
        BmcTarget nobody = new BmcTarget(42, IpmiSim.HOST, closed, bmc.user(), bmc.password());
        DriverException e = failsWithin(Duration.ofSeconds(TIMEOUT_SECONDS).plus(MARGIN), () -> driver.powerState(nobody));
        assertEquals(Reason.UNREACHABLE, e.reason(), e.detail());
        assertGivesNothingAway(e, closed);
    }

    @Test
    void aBmcThatNeverAnswersIsUnreachable() throws Exception {
        // a bound socket that nobody reads: the packets arrive and vanish, as behind a firewall that drops them
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            BmcTarget blackhole = new BmcTarget(42, IpmiSim.HOST, silent.getLocalPort(), bmc.user(), bmc.password());
            DriverException e = failsWithin(Duration.ofSeconds(TIMEOUT_SECONDS).plus(MARGIN),
                    () -> driver.power(blackhole, PowerAction.ON));
            assertEquals(Reason.UNREACHABLE, e.reason(), e.detail());
            assertGivesNothingAway(e, silent.getLocalPort());
        }
    }

    private void assertGivesNothingAway(DriverException e, int port) {
        for (String secret : List.of(IpmiSim.HOST, Integer.toString(port), bmc.user(), bmc.password(), "IPMI", "ipmitool")) {
            assertFalse(e.getMessage().contains(secret), "message '" + e.getMessage() + "' contains " + secret);
        }
        assertTrue(e.detail().contains(Integer.toString(port)), "the detail names the port: " + e.detail());
    }

    private static DriverException failsWithin(Duration limit, Executable call) {
        long started = System.nanoTime();
        DriverException e = assertThrows(DriverException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(limit) < 0, "took " + took + ", more than " + limit + ": " + e.detail());
        return e;
    }
}
