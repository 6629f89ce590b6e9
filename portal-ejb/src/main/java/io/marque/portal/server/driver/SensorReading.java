package io.marque.portal.server.driver;

/** One sensor as the BMC reports it, e.g. {@code ("CPU Temp", "45", "degrees C", "ok")}. */
public record SensorReading(String name, String value, String unit, String status) {
}
