package io.marque.portal.server.driver;

import io.marque.portal.platform.MarqueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A driver without hardware: the embedded default and the demo, so that customers of demo tenants
 * can power and reinstall servers and see the states, delays and progress a real machine would show.
 *
 * <p>Every server starts switched on. State lives in memory only, so a restart of the application
 * switches every simulated server on again. Actions take a multiple of one base delay
 * ({@code MARQUE_SIMULATED_DELAY_MS}, 1.5 s by default) and block like a real BMC call: power on,
 * reset 1×, hard off ½×, soft off 2× (the operating system shuts down), power cycle 2×, a reinstall
 * about 12×. Resetting or cycling a server that is off is refused, as most BMCs do.
 *
 * <p>Sensors, the event log and traffic are made up but deterministic per server: the same server id
 * always gets the same fans, voltages and traffic profile. Traffic follows a daily curve that peaks in
 * the (UTC) evening at an average of 1–50 Mbit/s depending on the server; the counters are the curve's
 * integral since 2024-01-01, so two reads some minutes apart give a plausible delta, and they stand
 * still while the server is off. Sensors that need power read {@code na} with status {@code ns} (no
 * reading) while the server is off, as {@code ipmitool} shows them.
 *
 * <p>Tests make the next call for a server fail with {@link #failNext(long, DriverException.Reason)}.
 */
@ApplicationScoped
public class SimulatedDriver implements InfrastructureDriver {

    /** The event log keeps this many entries, like a small BMC's SEL. */
    static final int EVENT_LOG_SIZE = 50;

    private static final Instant COUNTERS_SINCE = Instant.parse("2024-01-01T00:00:00Z");
    private static final double DAY_SECONDS = 86_400;
    private static final DateTimeFormatter BMC_TIME =
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One step of a reinstall: reported on entering it, then lasting {@code delays} × the base delay. */
    private record Stage(int percent, String key, double delays) {
    }

    private static final List<Stage> REINSTALL = List.of(
            new Stage(5, "server.stage.network-boot", 2),
            new Stage(15, "server.stage.partitioning", 1),
            new Stage(30, "server.stage.installing", 1.5),
            new Stage(45, "server.stage.installing", 1.5),
            new Stage(60, "server.stage.installing", 1.5),
            new Stage(70, "server.stage.installing", 1.5),
            new Stage(80, "server.stage.installing", 1.5),
            new Stage(90, "server.stage.configuring", 1.5),
            new Stage(100, "server.stage.done", 0));

    private final long delayMillis;
    private final InstantSource clock;
    private final Map<Long, Machine> machines = new ConcurrentHashMap<>();
    private final Map<Long, DriverException.Reason> failures = new ConcurrentHashMap<>();

    /** For CDI: the base delay comes from {@code MARQUE_SIMULATED_DELAY_MS}. */
    @Inject
    public SimulatedDriver(MarqueConfig config) {
        this(config.intValue("MARQUE_SIMULATED_DELAY_MS", 1500));
    }

    /** @param delayMillis the base delay every action is a multiple of; 0 for none */
    public SimulatedDriver(long delayMillis) {
        this(delayMillis, InstantSource.system());
    }

    /** For tests that move time on by hand. */
    SimulatedDriver(long delayMillis, InstantSource clock) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("A delay cannot be negative: " + delayMillis);
        }
        this.delayMillis = delayMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** For the CDI client proxy only. */
    protected SimulatedDriver() {
        this(0);
    }

    @Override
    public String name() {
        return "simulated";
    }

    /**
     * Makes the next call of any method for this server throw a {@link DriverException} with the reason
     * and a message fit for a customer, and nothing else happen; later calls work again. For integration
     * tests of failed jobs.
     */
    public void failNext(long serverId, DriverException.Reason reason) {
        failures.put(serverId, Objects.requireNonNull(reason, "reason"));
    }

    @Override
    public PowerState powerState(BmcTarget target) throws DriverException {
        failIfAsked(target);
        return machine(target).state();
    }

    @Override
    public void power(BmcTarget target, PowerAction action) throws DriverException {
        Objects.requireNonNull(action, "action");
        failIfAsked(target);
        Machine machine = machine(target);
        PowerState before = machine.state();
        if (before == PowerState.OFF && (action == PowerAction.RESET || action == PowerAction.CYCLE)) {
            throw new DriverException(DriverException.Reason.UNSUPPORTED,
                    "The server is switched off; switch it on instead.", "simulated: " + action + " while off");
        }
        boolean alreadyThere = action == PowerAction.ON ? before == PowerState.ON
                : (action == PowerAction.SOFT_OFF || action == PowerAction.HARD_OFF) && before == PowerState.OFF;
        if (alreadyThere) {
            // a BMC accepts this and nothing happens
            return;
        }
        switch (action) {
            case ON -> {
                pause(1);
                machine.switchOn(now());
                machine.log(now(), "Power Unit", "Power on");
            }
            case HARD_OFF -> {
                pause(0.5);
                machine.switchOff(now());
                machine.log(now(), "Power Unit", "Power off");
            }
            case SOFT_OFF -> {
                pause(2);
                machine.switchOff(now());
                machine.log(now(), "System ACPI Power State", "S5/G2: soft-off");
            }
            case RESET -> {
                pause(1);
                machine.restart(now());
                machine.log(now(), "System Boot Initiated", "Initiated by hard reset");
            }
            case CYCLE -> {
                pause(0.5);
                machine.switchOff(now());
                pause(1.5);
                machine.switchOn(now());
                machine.log(now(), "Power Unit", "Power cycle");
            }
        }
    }

    @Override
    public void reinstall(BmcTarget target, String templateCode, Progress progress) throws DriverException {
        Objects.requireNonNull(templateCode, "templateCode");
        Objects.requireNonNull(progress, "progress");
        failIfAsked(target);
        Machine machine = machine(target);
        // the installer starts from a network boot, whatever state the server was in
        machine.restart(now());
        machine.log(now(), "System Boot Initiated", "Initiated by network boot (reinstall " + templateCode + ")");
        for (Stage stage : REINSTALL) {
            progress.report(stage.percent(), stage.key());
            pause(stage.delays());
        }
    }

    @Override
    public List<SensorReading> sensors(BmcTarget target) throws DriverException {
        failIfAsked(target);
        Machine machine = machine(target);
        Profile profile = machine.profile;
        List<SensorReading> readings = new ArrayList<>();
        readings.add(new SensorReading("Inlet Temp", decimal(profile.inletCelsius, 0), "degrees C", "ok"));
        Optional<Duration> uptime = machine.uptime(now());
        if (uptime.isEmpty()) {
            readings.add(new SensorReading("CPU Temp", "na", "degrees C", "ns"));
            readings.add(new SensorReading("FAN1", "na", "RPM", "ns"));
            readings.add(new SensorReading("FAN2", "na", "RPM", "ns"));
            readings.add(new SensorReading("12V", "na", "Volts", "ns"));
            return readings;
        }
        // warms up towards its working temperature over the first quarter of an hour after power on
        double minutes = uptime.get().toSeconds() / 60.0;
        double cpu = profile.idleCelsius + profile.riseCelsius * (1 - Math.exp(-minutes / 5));
        long fan = Math.round((profile.fanBaseRpm + (cpu - profile.idleCelsius) * 90) / 60) * 60;
        readings.add(new SensorReading("CPU Temp", decimal(cpu, 0), "degrees C", "ok"));
        readings.add(new SensorReading("FAN1", Long.toString(fan), "RPM", "ok"));
        readings.add(new SensorReading("FAN2", Long.toString(fan + 120), "RPM", "ok"));
        readings.add(new SensorReading("12V", decimal(profile.twelveVolts, 2), "Volts", "ok"));
        return readings;
    }

    @Override
    public List<EventLogEntry> events(BmcTarget target) throws DriverException {
        failIfAsked(target);
        return machine(target).events();
    }

    @Override
    public Optional<TrafficCounters> traffic(BmcTarget target) throws DriverException {
        failIfAsked(target);
        return Optional.of(machine(target).counters(now()));
    }

    private void failIfAsked(BmcTarget target) throws DriverException {
        DriverException.Reason reason = failures.remove(target.serverId());
        if (reason == null) {
            return;
        }
        String message = switch (reason) {
            case UNREACHABLE -> "The server's management interface did not answer. Please try again later.";
            case AUTHENTICATION -> "The server's management interface refused access. Please contact support.";
            case UNSUPPORTED -> "This server does not support this action.";
            case FAILED -> "The server reported an error. Please try again later.";
        };
        throw new DriverException(reason, message, "simulated failure for server " + target.serverId());
    }

    private Machine machine(BmcTarget target) {
        return machines.computeIfAbsent(target.serverId(), Machine::new);
    }

    private Instant now() {
        return clock.instant();
    }

    private void pause(double delays) throws DriverException {
        long millis = Math.round(delayMillis * delays);
        if (millis == 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(DriverException.Reason.FAILED, "The action was interrupted. Please try again.",
                    "simulation interrupted");
        }
    }

    private static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** The made-up but fixed character of one server, drawn from its id. */
    private static final class Profile {

        final double inletCelsius;
        final double idleCelsius;
        final double riseCelsius;
        final double fanBaseRpm;
        final double twelveVolts;
        /** Average transmit rate in bytes per second. */
        final double transmitBytesPerSecond;
        /** Received traffic as a share of transmitted: servers mostly send. */
        final double receiveShare;
        /** Second of the UTC day at which traffic peaks. */
        final double peakSecond;
        /** How far traffic swings around its average, as a share of it. */
        final double swing;

        Profile(long serverId) {
            SplittableRandom random = new SplittableRandom(serverId * 0x9E3779B97F4A7C15L + 0x5EED);
            inletCelsius = 21 + 4 * random.nextDouble();
            idleCelsius = inletCelsius + 8 + 6 * random.nextDouble();
            riseCelsius = 8 + 8 * random.nextDouble();
            fanBaseRpm = 3000 + 1200 * random.nextDouble();
            twelveVolts = 11.9 + 0.25 * random.nextDouble();
            // log-uniform between 1 and 50 Mbit/s: most servers are quiet, a few are busy
            double megabits = Math.exp(Math.log(50) * random.nextDouble());
            transmitBytesPerSecond = megabits * 1_000_000 / 8;
            receiveShare = 0.1 + 0.3 * random.nextDouble();
            peakSecond = (19 + 3 * random.nextDouble()) * 3600;
            swing = 0.5 + 0.2 * random.nextDouble();
        }

        /**
         * Bytes sent from {@link #COUNTERS_SINCE} to {@code at} if the server had always been on: the
         * integral of {@code average × (1 + swing × cos(2π (t − peak) / day))}.
         */
        double transmittedUntil(Instant at) {
            double seconds = Duration.between(COUNTERS_SINCE, at).toMillis() / 1000.0;
            double since = COUNTERS_SINCE.getEpochSecond();
            double omega = 2 * Math.PI / DAY_SECONDS;
            double wave = Math.sin(omega * (since + seconds - peakSecond)) - Math.sin(omega * (since - peakSecond));
            return transmitBytesPerSecond * (seconds + swing / omega * wave);
        }
    }

    /** One simulated server; its fields change only under its own lock. */
    private static final class Machine {

        final Profile profile;
        private PowerState state = PowerState.ON;
        /** When the server last came on; long ago for a server that was on when first seen. */
        private Instant onSince = Instant.EPOCH;
        private Instant offSince;
        /** Transmitted bytes the curve counted while the server was off, which the counters leave out. */
        private double transmittedWhileOff;
        private final Deque<EventLogEntry> events = new ArrayDeque<>();
        private int nextEventId = 1;

        Machine(long serverId) {
            this.profile = new Profile(serverId);
        }

        synchronized PowerState state() {
            return state;
        }

        synchronized void switchOn(Instant now) {
            if (state == PowerState.OFF) {
                transmittedWhileOff += profile.transmittedUntil(now) - profile.transmittedUntil(offSince);
                state = PowerState.ON;
                onSince = now;
                offSince = null;
            }
        }

        synchronized void switchOff(Instant now) {
            if (state == PowerState.ON) {
                state = PowerState.OFF;
                offSince = now;
            }
        }

        /** A reset or a network boot: on from now, whatever it was before. */
        synchronized void restart(Instant now) {
            switchOn(now);
            onSince = now;
        }

        synchronized Optional<Duration> uptime(Instant now) {
            return state == PowerState.ON ? Optional.of(Duration.between(onSince, now)) : Optional.empty();
        }

        synchronized TrafficCounters counters(Instant now) {
            double transmitted = profile.transmittedUntil(state == PowerState.ON ? now : offSince) - transmittedWhileOff;
            long tx = Math.max(0, (long) transmitted);
            return new TrafficCounters((long) (tx * profile.receiveShare), tx);
        }

        synchronized void log(Instant now, String sensor, String description) {
            events.addLast(new EventLogEntry(Integer.toHexString(nextEventId++), BMC_TIME.format(now), sensor,
                    description));
            while (events.size() > EVENT_LOG_SIZE) {
                events.removeFirst();
            }
        }

        synchronized List<EventLogEntry> events() {
            return List.copyOf(events);
        }
    }
}
