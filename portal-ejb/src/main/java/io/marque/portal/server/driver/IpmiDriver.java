package io.marque.portal.server.driver;

import io.marque.portal.platform.MarqueConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The driver for real servers: talks to each server's BMC over IPMI 2.0 with {@code ipmitool}
 * ({@code MARQUE_IPMITOOL}, default {@code ipmitool} on the {@code PATH}). Every ipmitool command ends
 * within {@code MARQUE_IPMI_TIMEOUT_SECONDS} (default 10): ipmitool's own retries are sized to give up
 * before that, and a hard deadline kills it if it does not. A call that needs several commands (a
 * power action reads the state first; a reinstall sets the boot device, reads the state, switches)
 * stops at the first that fails. {@code MARQUE_IPMI_CIPHER_SUITE} (default 3) is the IPMI 2.0 cipher
 * suite asked for.
 *
 * <p>Power actions are judged against the state the BMC reports first, so asking twice does no harm
 * and no action depends on what a particular BMC does in a state it was not meant for:
 * <ul>
 * <li>{@code ON} on a running server and {@code SOFT_OFF}/{@code HARD_OFF} on a stopped one do
 * nothing;</li>
 * <li>{@code RESET} and {@code CYCLE} on a stopped server power it on: the user wants it running
 * again, and real BMCs refuse a power cycle while off ("Command not supported in present state"),
 * while OpenIPMI's simulator switches it on a second later;</li>
 * <li>{@code SOFT_OFF} asks the operating system to shut down (ACPI) and returns once the BMC has
 * passed that on; the server goes off when the operating system is done.</li>
 * </ul>
 *
 * <p>IPMI cannot read interface counters, so {@link #traffic} is always empty.
 */
@ApplicationScoped
public class IpmiDriver implements InfrastructureDriver {

    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    static final int DEFAULT_CIPHER_SUITE = 3;

    /** A verbose probe gets at least this long, enough for ipmitool's shortest retry ({@code -N 1 -R 1}). */
    private static final Duration PROBE_BUDGET = Duration.ofSeconds(2);

    @Inject
    MarqueConfig config;

    private Ipmitool ipmitool;

    /** For CDI, which configures the bean in {@link #configure()}. */
    public IpmiDriver() {
    }

    /**
     * A driver outside CDI, e.g. in a test.
     *
     * @param ipmitool       the ipmitool binary, a path or a name looked up on the {@code PATH}
     * @param timeoutSeconds the most one ipmitool command may take
     */
    public IpmiDriver(String ipmitool, int timeoutSeconds) {
        this(ipmitool, timeoutSeconds, DEFAULT_CIPHER_SUITE);
    }

    /** As {@link #IpmiDriver(String, int)}, with the IPMI 2.0 cipher suite to ask for. */
    public IpmiDriver(String ipmitool, int timeoutSeconds, int cipherSuite) {
        this.ipmitool = new Ipmitool(ipmitool, Duration.ofSeconds(Math.max(1, timeoutSeconds)), cipherSuite);
    }

    @PostConstruct
    void configure() {
        ipmitool = new Ipmitool(config.value("MARQUE_IPMITOOL", "ipmitool"),
                Duration.ofSeconds(Math.max(1, config.intValue("MARQUE_IPMI_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))),
                config.intValue("MARQUE_IPMI_CIPHER_SUITE", DEFAULT_CIPHER_SUITE));
    }

    @Override
    public String name() {
        return "ipmi";
    }

    @Override
    public PowerState powerState(BmcTarget target) throws DriverException {
        IpmitoolResult result = run(target, "Chassis Power is", "chassis", "power", "status");
        return PowerStatusParser.parse(result.stdout()).orElseThrow(() -> IpmiFailure.unreadable(result));
    }

    @Override
    public void power(BmcTarget target, PowerAction action) throws DriverException {
        boolean on = powerState(target) == PowerState.ON;
        switch (action) {
            case ON -> {
                if (!on) {
                    control(target, "on");
                }
            }
            case SOFT_OFF -> {
                if (on) {
                    control(target, "soft");
                }
            }
            case HARD_OFF -> {
                if (on) {
                    control(target, "off");
                }
            }
            case RESET -> control(target, on ? "reset" : "on");
            case CYCLE -> control(target, on ? "cycle" : "on");
        }
    }

    /**
     * Makes the server boot from the network once and restarts it; the provider's PXE service then
     * serves the installer for the template, so {@code templateCode} is not the BMC's business. The
     * boot device applies to the next boot only: after the installer the server boots from disk again.
     */
    @Override
    public void reinstall(BmcTarget target, String templateCode, Progress progress) throws DriverException {
        // TODO [server] machines that boot only by UEFI may need "options=efiboot" here
        run(target, "Set Boot Device to pxe", "chassis", "bootdev", "pxe");
        progress.report(20, "server.stage.network-boot");
        boolean on = powerState(target) == PowerState.ON;
        progress.report(60, "server.stage.restarting");
        control(target, on ? "cycle" : "on");
        progress.report(100, "server.stage.installer-started");
    }

    @Override
    public List<SensorReading> sensors(BmcTarget target) throws DriverException {
        return SdrListParser.parse(run(target, "", "sdr", "elist").stdout());
    }

    @Override
    public List<EventLogEntry> events(BmcTarget target) throws DriverException {
        return SelListParser.parse(run(target, "", "sel", "elist").stdout());
    }

    @Override
    public Optional<TrafficCounters> traffic(BmcTarget target) {
        return Optional.empty();
    }

    private void control(BmcTarget target, String word) throws DriverException {
        run(target, "Chassis Power Control", "chassis", "power", word);
    }

    /**
     * Runs one command and returns its result if ipmitool succeeded and printed {@code expected}. Not
     * every failure has a non-zero exit code ({@code chassis bootdev} ends with 0 after "Set Chassis
     * Boot Parameter 5 failed"), hence the expected text.
     */
    private IpmitoolResult run(BmcTarget target, String expected, String... command) throws DriverException {
        Instant deadline = Instant.now().plus(ipmitool.timeout());
        IpmitoolResult result = ipmitool.run(target, ipmitool.timeout(), false, command);
        if (result.succeeded()) {
            if (result.stdout().contains(expected)) {
                return result;
            }
            throw IpmiFailure.significant(result.stderr()).isEmpty() ? IpmiFailure.unreadable(result)
                    : IpmiFailure.of(result);
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (IpmiFailure.needsProbe(result) && left.compareTo(PROBE_BUDGET) >= 0) {
            throw IpmiFailure.probed(result, ipmitool.run(target, left, true, "chassis", "power", "status"));
        }
        throw IpmiFailure.of(result);
    }
}
