package io.marque.portal.it.infra;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
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
            Process started = null;
            int chosenPort = 0;
            for (int attempt = 1; started == null && attempt <= START_ATTEMPTS; attempt++) {
                chosenPort = freeUdpPort();
                started = start(chosenPort);
            }
            if (started == null) {
                throw new IOException("snmpd did not start: " + log());
            }
            this.port = chosenPort;
            this.process = started;
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
        Process running = process;
        if (running != null) {
            running.destroy();
            try {
                if (!running.waitFor(5, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                    running.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteDirectory();
    }

    private Process start(int udpPort) throws IOException {
        ProcessBuilder snmpd = new ProcessBuilder(snmpd(), "-f", "-Lf", dir.resolve("snmpd.log").toString(), "-C", "-c",
                dir.resolve("snmpd.conf").toString(), "-p", dir.resolve("snmpd.pid").toString(), "udp:" + HOST + ":" + udpPort)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.out").toFile());
        quiet(snmpd);
        Process started = snmpd.start();
        started.getOutputStream().close();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!started.isAlive()) {
                return null; // most likely the port was taken in between; the caller tries another
            }
            if (isBound(udpPort)) {
                return started;
            }
            sleep(Duration.ofMillis(20));
        }
        started.destroyForcibly();
        throw new IOException("snmpd did not open UDP port " + udpPort + ": " + log());
    }

    /** Polls sysUpTime until the agent answers it. */
    private void awaitAnswer() throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Result probe = run("snmpget", SYS_UP_TIME);
            last = probe.output();
            if (probe.exitValue() == 0 && !last.isBlank() && !last.startsWith("No Such")) {
                return;
            }
            sleep(Duration.ofMillis(100));
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

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static int freeUdpPort() throws SocketException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /** snmpd has bound the port once nobody else can. */
    private static boolean isBound(int udpPort) {
        try {
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort)).close();
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
