package io.marque.portal.server.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatedDriverTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T18:00:00Z"));
    private final SimulatedDriver driver = new SimulatedDriver(0, now::get);

    private static BmcTarget server(long id) {
        return new BmcTarget(id, "", 0, "", "");
    }

    private void later(Duration duration) {
        now.set(now.get().plus(duration));
    }

    @Test
    void serversStartSwitchedOnAndFollowThePowerActions() throws DriverException {
        BmcTarget server = server(1);
        assertEquals(PowerState.ON, driver.powerState(server));
        driver.power(server, PowerAction.HARD_OFF);
        assertEquals(PowerState.OFF, driver.powerState(server));
        driver.power(server, PowerAction.ON);
        assertEquals(PowerState.ON, driver.powerState(server));
        driver.power(server, PowerAction.RESET);
        assertEquals(PowerState.ON, driver.powerState(server));
        driver.power(server, PowerAction.CYCLE);
        assertEquals(PowerState.ON, driver.powerState(server));
        driver.power(server, PowerAction.SOFT_OFF);
        assertEquals(PowerState.OFF, driver.powerState(server));
        driver.power(server, PowerAction.SOFT_OFF);
        assertEquals(PowerState.OFF, driver.powerState(server));
        assertEquals(PowerState.ON, driver.powerState(server(2)), "each server has its own state");
    }

    @Test
    void aServerThatIsOffCannotBeResetOrCycled() throws DriverException {
        BmcTarget server = server(1);
        driver.power(server, PowerAction.HARD_OFF);
        for (PowerAction action : List.of(PowerAction.RESET, PowerAction.CYCLE)) {
            DriverException e = assertThrows(DriverException.class, () -> driver.power(server, action));
            assertEquals(DriverException.Reason.UNSUPPORTED, e.reason());
        }
        assertEquals(PowerState.OFF, driver.powerState(server));
    }

    @Test
    void actionsTakeTheirShareOfTheBaseDelay() throws DriverException {
        SimulatedDriver slow = new SimulatedDriver(20);
        BmcTarget server = server(1);
        assertTakesAtLeast(40, () -> slow.power(server, PowerAction.SOFT_OFF));
        assertTakesAtLeast(20, () -> slow.power(server, PowerAction.ON));
        assertTakesAtLeast(40, () -> slow.power(server, PowerAction.CYCLE));
        assertTakesAtLeast(10, () -> slow.power(server, PowerAction.HARD_OFF));
        assertTakesAtLeast(240, () -> slow.reinstall(server, "debian-12", (percent, stage) -> { }));
        long start = System.nanoTime();
        slow.powerState(server);
        assertTrue(System.nanoTime() - start < 20_000_000L, "the state is answered at once");
    }

    private interface Call {
        void run() throws DriverException;
    }

    private static void assertTakesAtLeast(long millis, Call call) throws DriverException {
        long start = System.nanoTime();
        call.run();
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= millis, "took " + took + " ms, expected at least " + millis);
    }

    @Test
    void aReinstallReportsItsStagesInOrderAndLeavesTheServerOn() throws DriverException {
        BmcTarget server = server(7);
        driver.power(server, PowerAction.HARD_OFF);
        List<Integer> percents = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        driver.reinstall(server, "debian-12", (percent, stage) -> {
            percents.add(percent);
            stages.add(stage);
        });
        assertEquals("server.stage.network-boot", stages.get(0));
        assertEquals("server.stage.partitioning", stages.get(1));
        assertTrue(stages.stream().filter("server.stage.installing"::equals).count() >= 3);
        assertEquals("server.stage.configuring", stages.get(stages.size() - 2));
        assertEquals("server.stage.done", stages.get(stages.size() - 1));
        assertEquals(100, percents.get(percents.size() - 1));
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i) > percents.get(i - 1), "increasing: " + percents);
        }
        assertTrue(percents.stream().allMatch(p -> p >= 0 && p <= 100));
        assertEquals(PowerState.ON, driver.powerState(server));
    }

    @Test
    void failNextFailsOnlyTheNextCallForThatServer() throws DriverException {
        BmcTarget server = new BmcTarget(3, "10.1.2.3", 623, "admin", "secret");
        driver.failNext(3, DriverException.Reason.UNREACHABLE);
        assertEquals(PowerState.ON, driver.powerState(server(4)), "another server is not affected");
        DriverException e = assertThrows(DriverException.class, () -> driver.power(server, PowerAction.HARD_OFF));
        assertEquals(DriverException.Reason.UNREACHABLE, e.reason());
        assertFalse(e.getMessage().contains("10.1.2.3"), "the message is fit for a customer");
        assertFalse(e.getMessage().isBlank());
        assertEquals(PowerState.ON, driver.powerState(server), "the failed action did nothing");
        driver.power(server, PowerAction.HARD_OFF);
        assertEquals(PowerState.OFF, driver.powerState(server));
    }

    @Test
    void failNextFailsAReinstallBeforeAnyProgress() {
        BmcTarget server = server(5);
        for (DriverException.Reason reason : DriverException.Reason.values()) {
            driver.failNext(5, reason);
            List<String> stages = new ArrayList<>();
            DriverException e = assertThrows(DriverException.class,
                    () -> driver.reinstall(server, "debian-12", (percent, stage) -> stages.add(stage)));
            assertEquals(reason, e.reason());
            assertTrue(stages.isEmpty());
        }
    }

    @Test
    void countersGrowOnlyWhileTheServerIsOn() throws DriverException {
        BmcTarget server = server(11);
        TrafficCounters first = driver.traffic(server).orElseThrow();
        later(Duration.ofMinutes(5));
        TrafficCounters second = driver.traffic(server).orElseThrow();
        assertTrue(second.transmittedBytes() > first.transmittedBytes());
        assertTrue(second.receivedBytes() > first.receivedBytes());

        driver.power(server, PowerAction.HARD_OFF);
        TrafficCounters off = driver.traffic(server).orElseThrow();
        later(Duration.ofHours(3));
        assertEquals(off, driver.traffic(server).orElseThrow(), "an OFF server does not count");

        driver.power(server, PowerAction.ON);
        assertEquals(off, driver.traffic(server).orElseThrow(), "no jump when it comes back");
        later(Duration.ofMinutes(5));
        assertTrue(driver.traffic(server).orElseThrow().transmittedBytes() > off.transmittedBytes());
    }

    @Test
    void fiveMinutesOfTrafficArePlausible() throws DriverException {
        for (long id = 1; id <= 200; id++) {
            now.set(Instant.parse("2026-11-25T00:00:00Z").plus(Duration.ofMinutes(37 * id)));
            TrafficCounters before = driver.traffic(server(id)).orElseThrow();
            later(Duration.ofMinutes(5));
            TrafficCounters after = driver.traffic(server(id)).orElseThrow();
            double megabits = (after.transmittedBytes() - before.transmittedBytes()) * 8 / 300.0 / 1_000_000;
            assertTrue(megabits > 0.2 && megabits < 90, "server " + id + ": " + megabits + " Mbit/s");
            assertTrue(after.receivedBytes() - before.receivedBytes() < after.transmittedBytes() - before.transmittedBytes());
        }
    }

    @Test
    void theEveningIsBusierThanTheMorning() throws DriverException {
        int busier = 0;
        for (long id = 1; id <= 50; id++) {
            if (megabitsAt(id, "2026-11-25T20:30:00Z") > megabitsAt(id, "2026-11-25T07:30:00Z")) {
                busier++;
            }
        }
        assertEquals(50, busier);
    }

    private double megabitsAt(long id, String at) throws DriverException {
        now.set(Instant.parse(at));
        long before = driver.traffic(server(id)).orElseThrow().transmittedBytes();
        later(Duration.ofMinutes(5));
        return (driver.traffic(server(id)).orElseThrow().transmittedBytes() - before) * 8 / 300.0 / 1_000_000;
    }

    @Test
    void theSimulationIsTheSameForTheSameServer() throws DriverException {
        SimulatedDriver other = new SimulatedDriver(0, now::get);
        assertEquals(driver.traffic(server(9)), other.traffic(server(9)));
        assertEquals(driver.sensors(server(9)), other.sensors(server(9)));
        assertNotEquals(driver.traffic(server(9)), driver.traffic(server(10)));
    }

    @Test
    void theCpuWarmsUpAfterPowerOnAndSensorsReadNothingWhileOff() throws DriverException {
        BmcTarget server = server(12);
        driver.power(server, PowerAction.HARD_OFF);
        assertEquals("na", reading(server, "CPU Temp").value());
        assertEquals("ns", reading(server, "CPU Temp").status());
        assertEquals("ok", reading(server, "Inlet Temp").status());

        driver.power(server, PowerAction.ON);
        int cold = Integer.parseInt(reading(server, "CPU Temp").value());
        int coldFan = Integer.parseInt(reading(server, "FAN1").value());
        later(Duration.ofMinutes(20));
        int warm = Integer.parseInt(reading(server, "CPU Temp").value());
        assertTrue(warm > cold && warm < cold + 20, cold + " → " + warm);
        assertTrue(Integer.parseInt(reading(server, "FAN1").value()) > coldFan);
        double volts = Double.parseDouble(reading(server, "12V").value());
        assertTrue(volts > 11.5 && volts < 12.5);
    }

    private SensorReading reading(BmcTarget server, String name) throws DriverException {
        return driver.sensors(server).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theEventLogHoldsThePowerActionsNewestLast() throws DriverException {
        BmcTarget server = server(13);
        assertTrue(driver.events(server).isEmpty());
        driver.power(server, PowerAction.HARD_OFF);
        driver.power(server, PowerAction.ON);
        List<EventLogEntry> events = driver.events(server);
        assertEquals(2, events.size());
        assertEquals("Power off", events.get(0).description());
        assertEquals("Power on", events.get(1).description());

        for (int i = 0; i < 40; i++) {
            driver.power(server, PowerAction.HARD_OFF);
            driver.power(server, PowerAction.ON);
        }
        events = driver.events(server);
        assertEquals(SimulatedDriver.EVENT_LOG_SIZE, events.size());
        assertEquals("Power on", events.get(events.size() - 1).description());
        assertEquals(Integer.toHexString(82), events.get(events.size() - 1).id());
    }

    @Test
    void itIsTheSimulatedDriver() {
        assertEquals("simulated", driver.name());
    }
}
