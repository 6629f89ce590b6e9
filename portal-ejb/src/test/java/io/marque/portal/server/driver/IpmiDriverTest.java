package io.marque.portal.server.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.driver.DriverException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver around ipmitool, with small shell scripts in ipmitool's place: how the password is
 * passed, which command each power action sends, the hard deadline, and failures ipmitool reports
 * with exit code 0. Talking to a real BMC is {@code IpmiDriverIT}'s job.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class IpmiDriverTest {

    private static final BmcTarget TARGET = new BmcTarget(7, "10.0.0.7", 623, "ops", "s3cret");

    /** Answers like a BMC whose power state is in the file {@code power}; logs every command to {@code calls}. */
    private static final String FAKE_BMC = """
            echo "$*" >> "$DIR/calls"
            read -r power < "$DIR/power"
            case "$*" in
              *"chassis power status") echo "Chassis Power is $power" ;;
              *"chassis power on") echo on > "$DIR/power"; echo "Chassis Power Control: Up/On" ;;
              *"chassis power off") echo off > "$DIR/power"; echo "Chassis Power Control: Down/Off" ;;
              *"chassis power soft") echo off > "$DIR/power"; echo "Chassis Power Control: Soft" ;;
              *"chassis power reset") echo "Chassis Power Control: Reset" ;;
              *"chassis power cycle") echo "Chassis Power Control: Cycle" ;;
              *"chassis bootdev pxe") echo "Set Boot Device to pxe" ;;
              *) echo "unexpected: $*" >&2; exit 1 ;;
            esac
            """;

    @TempDir
    Path dir;

    @Test
    void thePasswordTravelsInTheEnvironmentAndNeverOnTheCommandLine() throws Exception {
        IpmiDriver driver = driver("""
                case "$*" in *s3cret*) echo "password on the command line" >&2; exit 1 ;; esac
                [ "$IPMI_PASSWORD" = s3cret ] || { echo "> RAKP 2 HMAC is invalid" >&2; exit 1; }
                echo "Chassis Power is on"
                """, 10);
        assertEquals(PowerState.ON, driver.powerState(TARGET));
    }

    @Test
    void eachActionSendsWhatTheServersStateCallsFor() throws Exception {
        IpmiDriver driver = driver(FAKE_BMC, 10);
        assertEquals(List.of("chassis power status", "chassis power on"), afterAction(driver, "off", PowerAction.ON));
        assertEquals(List.of("chassis power status"), afterAction(driver, "on", PowerAction.ON));
        assertEquals(List.of("chassis power status", "chassis power off"), afterAction(driver, "on", PowerAction.HARD_OFF));
        assertEquals(List.of("chassis power status"), afterAction(driver, "off", PowerAction.HARD_OFF));
        assertEquals(List.of("chassis power status", "chassis power soft"), afterAction(driver, "on", PowerAction.SOFT_OFF));
        assertEquals(List.of("chassis power status"), afterAction(driver, "off", PowerAction.SOFT_OFF));
        assertEquals(List.of("chassis power status", "chassis power reset"), afterAction(driver, "on", PowerAction.RESET));
        assertEquals(List.of("chassis power status", "chassis power on"), afterAction(driver, "off", PowerAction.RESET));
        assertEquals(List.of("chassis power status", "chassis power cycle"), afterAction(driver, "on", PowerAction.CYCLE));
        assertEquals(List.of("chassis power status", "chassis power on"), afterAction(driver, "off", PowerAction.CYCLE));
    }

    @Test
    void reinstallBootsFromTheNetworkOnceAndRestarts() throws Exception {
        IpmiDriver driver = driver(FAKE_BMC, 10);
        Files.writeString(dir.resolve("power"), "on\n");
        List<String> progress = new ArrayList<>();
        driver.reinstall(TARGET, "debian-12", (percent, stage) -> progress.add(percent + " " + stage));
        assertEquals(List.of("chassis bootdev pxe", "chassis power status", "chassis power cycle"), calls());
        assertEquals(List.of("20 server.stage.network-boot", "60 server.stage.restarting",
                "100 server.stage.installer-started"), progress);
    }

    @Test
    void aBootDeviceThatWasNotSetFailsThoughIpmitoolEndsWithZero() throws Exception {
        IpmiDriver driver = driver("""
                echo "Set Chassis Boot Parameter 5 failed: Unspecified error" >&2
                exit 0
                """, 10);
        List<String> progress = new ArrayList<>();
        DriverException e = assertThrows(DriverException.class,
                () -> driver.reinstall(TARGET, "debian-12", (percent, stage) -> progress.add(stage)));
        assertEquals(Reason.FAILED, e.reason());
        assertEquals(List.of(), progress);
    }

    @Test
    void aBareSessionFailureIsExplainedByAskingOnceMoreVerbosely() throws Exception {
        IpmiDriver driver = driver("""
                echo "$*" >> "$DIR/calls"
                case "$*" in *" -v "*) echo "> RAKP 2 HMAC is invalid" >&2 ;; esac
                echo "Error: Unable to establish IPMI v2 / RMCP+ session" >&2
                exit 1
                """, 10);
        DriverException e = assertThrows(DriverException.class, () -> driver.sensors(TARGET));
        assertEquals(Reason.AUTHENTICATION, e.reason());
        assertEquals(List.of("sdr elist", "-v chassis power status"), calls());
    }

    @Test
    void aHungIpmitoolIsKilledAtTheDeadline() throws Exception {
        IpmiDriver driver = driver("exec sleep 30\n", 1);
        long started = System.nanoTime();
        DriverException e = assertThrows(DriverException.class, () -> driver.powerState(TARGET));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertTrue(e.detail().endsWith("killed after the deadline"), e.detail());
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
    }

    @Test
    void aChattyIpmitoolCannotBlockTheDriver() throws Exception {
        // a megabyte on each stream, far beyond what a pipe buffers while nobody reads it
        IpmiDriver driver = driver("""
                i=0
                while [ $i -lt 20000 ]; do
                  echo "Unable to Get Channel Cipher Suites ......................" >&2
                  echo "........................................................."
                  i=$((i + 1))
                done
                echo "Chassis Power is off"
                """, 20);
        assertEquals(PowerState.OFF, driver.powerState(TARGET));
    }

    @Test
    void aMissingIpmitoolIsAFailureThatSaysSo() {
        IpmiDriver driver = new IpmiDriver(dir.resolve("no-such-ipmitool").toString(), 5);
        DriverException e = assertThrows(DriverException.class, () -> driver.powerState(TARGET));
        assertEquals(Reason.FAILED, e.reason());
        assertEquals(IpmiFailure.TOOL_MESSAGE, e.getMessage());
    }

    @Test
    void anUnexpectedAnswerIsNotReadAsAState() throws Exception {
        IpmiDriver driver = driver("echo 'Chassis Power is in a strange mood'\n", 10);
        DriverException e = assertThrows(DriverException.class, () -> driver.powerState(TARGET));
        assertEquals(Reason.FAILED, e.reason());
        assertEquals(IpmiFailure.UNREADABLE_MESSAGE, e.getMessage());
    }

    @Test
    void trafficIsNotSomethingIpmiCanRead() throws Exception {
        assertEquals(Optional.empty(), driver("exit 1\n", 10).traffic(TARGET));
    }

    private List<String> afterAction(IpmiDriver driver, String power, PowerAction action) throws Exception {
        Files.writeString(dir.resolve("power"), power + "\n");
        Files.deleteIfExists(dir.resolve("calls"));
        driver.power(TARGET, action);
        return calls();
    }

    /** The commands the fake was given, without the connection options every call carries. */
    private List<String> calls() throws IOException {
        String options = "-I lanplus -H 10.0.0.7 -p 623 -U ops -E -C 3 -N 1 -R 2 ";
        List<String> calls = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("calls"))) {
            assertTrue(line.startsWith(options), line);
            calls.add(line.substring(options.length()));
        }
        return calls;
    }

    private IpmiDriver driver(String script, int timeoutSeconds) throws IOException {
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\nDIR='" + dir + "'\n" + script);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        return new IpmiDriver(fake.toString(), timeoutSeconds);
    }
}
