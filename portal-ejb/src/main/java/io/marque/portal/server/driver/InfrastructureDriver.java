package io.marque.portal.server.driver;

import java.util.List;
import java.util.Optional;

/**
 * The provider's back end for one kind of server, hidden behind this SPI so the rest of Marque never
 * knows whether a server is a real machine behind a BMC or the demo's simulation. Chosen per server
 * by {@link #name()}. Every call blocks until the device answered or the driver's own timeout ran
 * out, and never longer; failures are {@link DriverException}s whose message can be shown to a
 * customer (no BMC address, no provider name) and whose {@link DriverException#detail()} is for the
 * provider's staff and log.
 */
public interface InfrastructureDriver {

    /** The name servers are stored with: {@code ipmi}, {@code simulated}. */
    String name();

    /** The power state as the device reports it now. */
    PowerState powerState(BmcTarget target) throws DriverException;

    /** Performs the action and returns once the device accepted it. */
    void power(BmcTarget target, PowerAction action) throws DriverException;

    /**
     * Reinstalls the server with the template's operating system, reporting progress as it goes, and
     * returns when the driver's part is done.
     */
    void reinstall(BmcTarget target, String templateCode, Progress progress) throws DriverException;

    /** Sensor readings (temperatures, fans, voltages), for the provider area. */
    List<SensorReading> sensors(BmcTarget target) throws DriverException;

    /** The system event log, newest last, for the provider area. */
    List<EventLogEntry> events(BmcTarget target) throws DriverException;

    /**
     * The server's network interface counters since the device started counting, if the driver can
     * read them; empty when it cannot (traffic then comes from elsewhere).
     */
    Optional<TrafficCounters> traffic(BmcTarget target) throws DriverException;

    /** Receives a long action's progress. */
    @FunctionalInterface
    interface Progress {
        /** @param percent 0–100; @param stage a message key such as {@code server.stage.partitioning} */
        void report(int percent, String stage);
    }
}
