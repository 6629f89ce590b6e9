package io.marque.portal.server.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code sdr elist}: one sensor a line, {@code name | number | status | entity | reading}, e.g.
 * {@code CPU Temp         | 01h | ok  |  3.1 | 45 degrees C}. The reading is a number with its unit, a
 * discrete state such as {@code Presence detected}, {@code No Reading}, or empty. Lines of another
 * shape are skipped: a BMC without sensors makes ipmitool print {@code SDRR successfully erased} and
 * {@code Err in cmd get sensor sdr info} (on standard output, with exit code 0), which mean no sensors.
 *
 * <p>{@code sdr elist} is used rather than {@code sensor} because it asks the BMC one question per
 * sensor instead of also reading every threshold.
 */
final class SdrListParser {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(.*)");
    private static final int FIELDS = 5;

    private SdrListParser() {
    }

    static List<SensorReading> parse(String stdout) {
        List<SensorReading> readings = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            String[] fields = line.split("\\|", -1);
            if (fields.length != FIELDS || fields[0].isBlank()) {
                continue;
            }
            readings.add(reading(fields[0].strip(), fields[2].strip(), fields[4].strip()));
        }
        return readings;
    }

    private static SensorReading reading(String name, String status, String reading) {
        if (reading.equalsIgnoreCase("no reading")) {
            return new SensorReading(name, "", "", status);
        }
        Matcher number = NUMBER_AND_UNIT.matcher(reading);
        if (number.matches()) {
            return new SensorReading(name, number.group(1), number.group(2).strip(), status);
        }
        return new SensorReading(name, reading, "", status);
    }
}
