package io.marque.portal.server.driver;

/** Byte counters of a server's public interface, growing until the device restarts. */
public record TrafficCounters(long receivedBytes, long transmittedBytes) {
}
