package io.marque.portal.server.driver;

/** One system event log entry as the BMC reports it; {@code when} is the BMC's own text. */
public record EventLogEntry(String id, String when, String sensor, String description) {
}
