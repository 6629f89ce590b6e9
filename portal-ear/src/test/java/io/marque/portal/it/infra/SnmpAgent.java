package io.marque.portal.it.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SNMP agent for tests, standing in for a switch: Net-SNMP's {@code snmpd} (Debian package
 * {@code snmpd}) in the foreground on 127.0.0.1, on a free UDP port, with a random read-only v2c
 * community for 127.0.0.1 and nothing else. Its interfaces are this machine's, so the loopback
 * interface's IF-MIB counters ({@link #loopbackIfIndex()}) grow with whatever a test sends over
 * loopback.
 *
 * <p>{@code -C -c} keeps the system's snmpd.conf out; the persistent directory, the log and the
 * configuration are in a fresh temporary directory, so nothing is written to {@code /var}.
 *
 * <p>Uses only {@code java.*}, so it runs in a plain JUnit test and inside the application server
 * alike; it needs {@code snmpd} ({@code /usr/sbin/snmpd} or on the {@code PATH}) and {@code snmpget}
 * and {@code snmpwalk} (package {@code snmp}).
 *
 * <pre>{@code
 * try (SnmpAgent agent = new SnmpAgent()) {
 *     snmp.read(agent.host(), agent.port(), agent.community(), agent.loopbackIfIndex());
 * }
 * }</pre>
 */
public final class SnmpAgent implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private static final String IF_DESCR = "1.3.6.1.2.1.2.2.1.2";
    private static final String SYS_UP_TIME = "1.3.6.1.2.1.1.3.0";

    private final String community;
    private final Path dir;
    private final int port;
    private final Process process;
    private final int loopbackIfIndex;

    /** @throws IOException when snmpd does not start or does not answer within 10 seconds */
    public SnmpAgent() throws IOException {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.community = "marque-" + HexFormat.of().formatHex(random);
        this.dir = Files.createTempDirectory("marque-snmpd");
        try {
            Files.createDirectory(dir.resolve("persist"));
            Files.writeString(dir.resolve("snmpd.conf"), "# written by SnmpAgent; see snmpd.conf(5)\n"
                    + "rocommunity " + community + " " + HOST + "\n");
            LocalDaemons.Started started = LocalDaemons.onFreeUdpPort("snmpd", this::start, this::log);
            this.port = started.port();
            this.process = started.process();
            awaitAnswer();
            this.loopbackIfIndex = findLoopback();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The read-only community, random for each agent. */
    public String community() {
        return community;
    }

    /** The ifIndex of the loopback interface {@code lo}, found by walking IF-MIB's ifDescr. */
    public int loopbackIfIndex() {
        return loopbackIfIndex;
    }

    @Override
    public void close() {
        LocalDaemons.stop(process);
        LocalDaemons.deleteTree(dir);
    }

    private Process start(int udpPort) throws IOException {
        ProcessBuilder snmpd = new ProcessBuilder(snmpd(), "-f", "-Lf", dir.resolve("snmpd.log").toString(), "-C", "-c",
                dir.resolve("snmpd.conf").toString(), "-p", dir.resolve("snmpd.pid").toString(), "udp:" + HOST + ":" + udpPort)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.out").toFile());
        quiet(snmpd);
        return snmpd.start();
    }

    /** Polls sysUpTime until the agent answers it. */
    private void awaitAnswer() throws IOException {
        Instant deadline = Instant.now().plus(LocalDaemons.READY_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Result probe = run("snmpget", SYS_UP_TIME);
            last = probe.output();
            if (probe.exitValue() == 0 && !last.isBlank() && !last.startsWith("No Such")) {
                return;
            }
            LocalDaemons.sleep(Duration.ofMillis(100));
        }
        throw new IOException("snmpd on port " + port + " did not answer: " + last.strip() + "; its log: " + log());
    }

    private int findLoopback() throws IOException {
        Result walk = run("snmpwalk", IF_DESCR);
        Matcher line = Pattern.compile("^\\.?" + Pattern.quote(IF_DESCR) + "\\.(\\d+) = STRING: \"?lo\"?$", Pattern.MULTILINE)
                .matcher(walk.output());
        if (walk.exitValue() != 0 || !line.find()) {
            throw new IOException("no interface lo in ifDescr: " + walk.output().strip());
        }
        return Integer.parseInt(line.group(1));
    }

    private record Result(int exitValue, String output) {
    }

    private Result run(String tool, String oid) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(tool, "-v2c", "-c", community, "-On", "-t", "1", "-r", "0",
                HOST + ":" + port, oid)).redirectErrorStream(true);
        quiet(builder);
        Process started = builder.start();
        started.getOutputStream().close();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!started.waitFor(10, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                return new Result(-1, output);
            }
            return new Result(started.exitValue(), output);
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** No MIB files (Debian ships none, and numeric OIDs need none), no state outside the directory. */
    private void quiet(ProcessBuilder builder) {
        builder.environment().put("MIBS", "");
        builder.environment().put("SNMPCONFPATH", dir.toString());
        builder.environment().put("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString());
    }

    private static String snmpd() {
        return Files.isExecutable(Path.of("/usr/sbin/snmpd")) ? "/usr/sbin/snmpd" : "snmpd";
    }

    private String log() {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("snmpd.log", "snmpd.out")) {
            try {
                log.append(Files.readString(dir.resolve(name)).strip()).append(' ');
            } catch (IOException e) {
                // not written yet
            }
        }
        return log.length() == 0 ? "(no log)" : log.toString().strip();
    }

}
