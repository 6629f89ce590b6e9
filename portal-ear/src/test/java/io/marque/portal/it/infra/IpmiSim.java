package io.marque.portal.it.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real BMC for tests: OpenIPMI's {@code ipmi_sim} (Debian package {@code openipmi}) on 127.0.0.1,
 * on a free UDP port, in a fresh temporary directory, speaking IPMI 1.5 and 2.0 (lanplus) with one
 * administrator. The chassis is a shell script that keeps the power state in the file {@code power}
 * ({@code 0} or {@code 1}), so a test sees what the device really did ({@link #isOn()},
 * {@link #chassisRequests()}) and can change it behind the portal's back ({@link #setOn(boolean)}).
 * The BMC has two sensors ({@code CPU Temp} at 45 degrees C, {@code Fan 1} at 3600 RPM) and one event
 * in its log, unless it is started bare.
 *
 * <p>How ipmi_sim treats the chassis (OpenIPMI 2.0.33, {@code lanserv/bmc_chassis.c}): it runs
 * {@code <script> 0x20 get power} and expects {@code power:0} or {@code power:1}; power on, off,
 * reset and the ACPI soft-off become {@code set power 1}, {@code set power 0}, {@code set reset 1}
 * and {@code set shutdown 1}; a power cycle is {@code set power 0} and, about a second later,
 * {@code set power 1}, even when the chassis was off; {@code chassis bootdev} becomes
 * {@code set boot pxe} (or {@code default}, {@code cdrom}, {@code bios}, {@code none}). The script
 * here takes a soft-off as an operating system that shuts down at once.
 *
 * <p>Uses only {@code java.*}, so it runs in a plain JUnit test and inside the application server
 * alike, as root or not; it needs {@code ipmi_sim} and {@code ipmitool} on the {@code PATH}.
 *
 * <pre>{@code
 * try (IpmiSim bmc = new IpmiSim()) {
 *     BmcTarget target = new BmcTarget(1, IpmiSim.HOST, bmc.port(), bmc.user(), bmc.password());
 *     ...
 * }
 * }</pre>
 */
public final class IpmiSim implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,16}");

    private final String user;
    private final String password;
    private final Path dir;
    private final int port;
    private final Process process;

    /** A BMC with user {@code admin}, password {@code secret}, two sensors and one logged event. */
    public IpmiSim() throws IOException {
        this("admin", "secret");
    }

    /** A BMC with this administrator, two sensors and one logged event. */
    public IpmiSim(String user, String password) throws IOException {
        this(user, password, true);
    }

    /**
     * @param user             up to 16 letters, digits, dots, dashes or underscores
     * @param password         the same, so it needs no quoting in the configuration
     * @param sensorsAndEvents false for a BMC without sensors and without a system event log
     * @throws IOException when ipmi_sim does not start or does not answer within 10 seconds
     */
    public IpmiSim(String user, String password, boolean sensorsAndEvents) throws IOException {
        if (!PLAIN.matcher(user).matches() || !PLAIN.matcher(password).matches()) {
            throw new IllegalArgumentException("user and password must match " + PLAIN);
        }
        this.user = user;
        this.password = password;
        this.dir = Files.createTempDirectory("marque-ipmi-sim");
        try {
            Files.createDirectory(dir.resolve("state"));
            writeChassisScript();
            Files.writeString(dir.resolve("power"), "0\n");
            Files.writeString(dir.resolve("bmc.emu"), emulatorCommands(sensorsAndEvents));
            LocalDaemons.Started started = LocalDaemons.onFreeUdpPort("ipmi_sim", this::start, this::log);
            this.port = started.port();
            this.process = started.process();
            awaitAnswer();
        } catch (IOException | RuntimeException e) {
            LocalDaemons.deleteTree(dir);
            throw e;
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Whether the simulated server is powered on, read from the chassis file now. */
    public boolean isOn() {
        return "1".equals(readState("power").orElse("0"));
    }

    /** Switches the simulated server on or off without the BMC knowing, as a person at the machine would. */
    public void setOn(boolean on) {
        writeState("power", on ? "1" : "0");
    }

    /** Waits until the server is {@code on} (a power cycle switches it on a second after it went off). */
    public boolean awaitOn(boolean on, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (isOn() != on) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The boot device last set through the BMC ({@code pxe}, {@code default}, …), empty if never set. */
    public Optional<String> bootDevice() {
        return readState("boot");
    }

    /**
     * Every change the BMC asked of the chassis, oldest first: {@code power 1}, {@code power 0},
     * {@code reset 1}, {@code shutdown 1}, {@code boot pxe}, …
     */
    public List<String> chassisRequests() {
        Path requests = dir.resolve("requests");
        try {
            return Files.exists(requests) ? Files.readAllLines(requests) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops ipmi_sim and deletes its directory. */
    @Override
    public void close() {
        LocalDaemons.stop(process);
        LocalDaemons.deleteTree(dir);
    }

    private Process start(int udpPort) throws IOException {
        Files.writeString(dir.resolve("lan.conf"), lanConfiguration(udpPort));
        return new ProcessBuilder("ipmi_sim", "-c", "lan.conf", "-f", "bmc.emu", "-s", dir.resolve("state").toString(), "-n")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("ipmi_sim.log").toFile())
                .start();
    }

    /** Polls {@code chassis power status} until the BMC answers it. */
    private void awaitAnswer() throws IOException {
        Instant deadline = Instant.now().plus(LocalDaemons.READY_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            ProcessBuilder ipmitool = new ProcessBuilder("ipmitool", "-I", "lanplus", "-H", HOST, "-p", Integer.toString(port),
                    "-U", user, "-E", "-C", "3", "-N", "1", "-R", "1", "chassis", "power", "status").redirectErrorStream(true);
            ipmitool.environment().put("IPMI_PASSWORD", password);
            Process probe = ipmitool.start();
            probe.getOutputStream().close();
            last = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (waitFor(probe) == 0 && last.contains("Chassis Power is")) {
                return;
            }
            LocalDaemons.sleep(Duration.ofMillis(100));
        }
        close();
        throw new IOException("ipmi_sim on port " + port + " did not answer: " + last.strip() + "; its log: " + log());
    }

    private String lanConfiguration(int udpPort) {
        String auths = " none md2 md5 straight\n";
        return "# written by IpmiSim; see ipmi_lan(5)\n"
                + "name \"marque\"\n" // without a name ipmi_sim 2.0.33 exits at once
                + "startlan 1\n"
                + "  addr " + HOST + " " + udpPort + "\n"
                + "  priv_limit admin\n"
                + "  allowed_auths_callback" + auths
                + "  allowed_auths_user" + auths
                + "  allowed_auths_operator" + auths
                + "  allowed_auths_admin" + auths
                + "  guid a123456789abcdefa123456789abcdef\n"
                + "endlan\n"
                + "chassis_control \"" + dir.resolve("chassis") + " 0x20\"\n"
                + "user 2 true \"" + user + "\" \"" + password + "\" admin 10" + auths;
    }

    /**
     * The BMC itself (see ipmi_sim_cmd(5)); the sensor records are IPMI full sensor records (type
     * 01h): linear, unit degrees C (01h) or RPM (12h, with M = 50), thresholds at 80/90/100.
     */
    private static String emulatorCommands(boolean sensorsAndEvents) {
        StringBuilder commands = new StringBuilder("mc_setbmc 0x20\n"
                + "mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr\n");
        if (sensorsAndEvents) {
            commands.append("sel_enable 0x20 1000 0x0a\n")
                    .append("main_sdr_add 0x20 0x01 0x00 0x51 0x01 0x33 0x20 0x00 0x01 0x03 0x01 0x7f 0x68 0x01 0x01"
                            + " 0x80 0x7a 0x80 0x7a 0x3f 0x3f 0x00 0x01 0x00 0x00 0x01 0x00 0x00 0x00 0x00 0x00 0x01"
                            + " 0x28 0xff 0x00 0xff 0x00 0x64 0x5a 0x50 0x00 0x00 0x00 0x00 0x00 0x00 0x00 0x00"
                            + " 0xc8 0x43 0x50 0x55 0x20 0x54 0x65 0x6d 0x70\n")
                    .append("main_sdr_add 0x20 0x02 0x00 0x51 0x01 0x30 0x20 0x00 0x02 0x07 0x01 0x7f 0x68 0x04 0x01"
                            + " 0x80 0x7a 0x80 0x7a 0x3f 0x3f 0x00 0x12 0x00 0x00 0x32 0x00 0x00 0x00 0x00 0x00 0x01"
                            + " 0x3c 0xff 0x00 0xff 0x00 0xff 0xff 0xff 0x00 0x05 0x00 0x00 0x00 0x00 0x00 0x00"
                            + " 0xc5 0x46 0x61 0x6e 0x20 0x31\n")
                    .append("sensor_add 0x20 0 1 0x01 0x01\n")
                    .append("sensor_add 0x20 0 2 0x04 0x01\n")
                    .append("sensor_set_value 0x20 0 1 45 0\n")
                    .append("sensor_set_value 0x20 0 2 72 0\n")
                    // CPU Temp, threshold event: upper non-critical going high, reading 90
                    .append("sel_add 0x20 0x02 0x00 0x00 0x00 0x00 0x20 0x00 0x04 0x01 0x01 0x01 0x57 0x5a 0x5a\n");
        }
        return commands.append("mc_enable 0x20\n").toString();
    }

    /** ipmi_sim runs it through {@code /bin/sh}; it uses shell built-ins only. */
    private void writeChassisScript() throws IOException {
        String quoted = "'" + dir.toString().replace("'", "'\\''") + "'";
        String script = "#!/bin/sh\n"
                + "# ipmi_sim's chassis: <this> <mc> get <item>... | <this> <mc> set <item> <value>...\n"
                + "dir=" + quoted + "\n"
                + "op=$2\n"
                + "shift 2\n"
                + "case $op in\n"
                + "  get)\n"
                + "    for item in \"$@\"; do\n"
                + "      case $item in\n"
                + "        power) read -r v < \"$dir/power\"; echo \"power:$v\" ;;\n"
                + "        boot) v=default; [ -f \"$dir/boot\" ] && read -r v < \"$dir/boot\"; echo \"boot:$v\" ;;\n"
                + "      esac\n"
                + "    done ;;\n"
                + "  set)\n"
                + "    while [ $# -ge 2 ]; do\n"
                + "      echo \"$1 $2\" >> \"$dir/requests\"\n"
                + "      case $1 in\n"
                + "        power) echo \"$2\" > \"$dir/power\" ;;\n"
                + "        shutdown) echo 0 > \"$dir/power\" ;;\n"
                + "        boot) echo \"$2\" > \"$dir/boot\" ;;\n"
                + "      esac\n"
                + "      shift 2\n"
                + "    done ;;\n"
                + "esac\n"
                + "exit 0\n";
        Path file = dir.resolve("chassis");
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    /** A state file's first line; a file caught while the script rewrites it is read again. */
    private Optional<String> readState(String name) {
        Path file = dir.resolve(name);
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                String value = Files.readString(file).strip();
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalDaemons.sleep(Duration.ofMillis(5));
        }
        return Optional.empty();
    }

    private void writeState(String name, String value) {
        try {
            Path next = dir.resolve(name + ".java");
            Files.writeString(next, value + "\n");
            Files.move(next, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("ipmi_sim.log")).strip();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int waitFor(Process process) throws IOException {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ipmitool", e);
        }
    }

}
