package io.marque.portal.server.traffic;

import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.server.driver.TrafficCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the byte counters of one switch port over SNMP v2c, the way hosting providers measure a
 * dedicated server's traffic: IF-MIB's 64-bit {@code ifHCInOctets} and {@code ifHCOutOctets} of the
 * port the server is cabled to, through Debian's {@code snmpget} (package {@code snmp}).
 *
 * <pre>{@code
 * Optional<TrafficCounters> port = snmp.read("10.0.0.2", 161, community, 17);
 * }</pre>
 *
 * <p>The port's "in" is what the switch received from the server, so it is the server's outgoing
 * traffic; the counters are turned round so that {@link TrafficCounters#receivedBytes()} is what the
 * server received.
 *
 * <p>The community never appears on snmpget's command line, where every local user of the portal's
 * host could read it in the process list: it is written into an {@code snmp.conf} as
 * {@code defCommunity}, in a temporary directory only the portal's user may enter, handed to snmpget
 * with {@code SNMPCONFPATH} and deleted when snmpget has ended. That path also keeps the system's and
 * the user's snmp.conf out, and with {@code mibs :} no MIB file is loaded: the OIDs are numeric.
 *
 * <p>snmpget waits {@code MARQUE_SNMP_TIMEOUT_SECONDS} (default 3) for an answer and asks once more;
 * a process that is still running a little after that is killed, so a read never hangs.
 * {@code MARQUE_SNMPGET} names the binary (default {@code snmpget} on the {@code PATH}).
 */
@ApplicationScoped
public class SnmpCounters {

    /** IF-MIB ifHCInOctets: the octets the switch received on the port. */
    static final String IN_OCTETS = "1.3.6.1.2.1.31.1.1.1.6.";
    /** IF-MIB ifHCOutOctets: the octets the switch sent out of the port. */
    static final String OUT_OCTETS = "1.3.6.1.2.1.31.1.1.1.10.";
    private static final int RETRIES = 1;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final String executable;
    private final Duration timeout;

    /** For CDI's proxy only. */
    protected SnmpCounters() {
        this("snmpget", Duration.ofSeconds(3));
    }

    @Inject
    public SnmpCounters(MarqueConfig config) {
        this(config.value("MARQUE_SNMPGET", "snmpget"),
                Duration.ofSeconds(config.intValue("MARQUE_SNMP_TIMEOUT_SECONDS", 3)));
    }

    /**
     * @param executable the snmpget binary, a path or a name looked up on the {@code PATH}
     * @param timeout    how long snmpget waits for each of its two tries; whole seconds, at least one
     */
    public SnmpCounters(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout.toSeconds() < 1 ? Duration.ofSeconds(1) : Duration.ofSeconds(timeout.toSeconds());
    }

    /** The longest a {@link #read} may take: both tries, and a little for snmpget to start and end. */
    public Duration deadline() {
        return timeout.multipliedBy(RETRIES + 1L).plus(GRACE);
    }

    /**
     * Reads the port's counters now.
     *
     * @param host      the switch: an IPv4 or IPv6 literal or a host name
     * @param port      the switch's SNMP port, usually 161
     * @param community the read community
     * @param ifIndex   the port's index in IF-MIB's interface table
     * @return the counters, or empty when the switch keeps no 64-bit counters (no ifXTable)
     * @throws SnmpException when the switch did not answer (or the community is wrong: v2c does not
     *                       say), has no such port, or snmpget could not be run
     */
    public Optional<TrafficCounters> read(String host, int port, String community, int ifIndex)
            throws SnmpException {
        if (host == null || host.isEmpty() || host.startsWith("-") || community == null) {
            throw new SnmpException(SnmpException.Reason.FAILED);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("marque-snmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path conf = Files.writeString(dir.resolve("snmp.conf"), configuration(community), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            ProcessBuilder builder = new ProcessBuilder(commandLine(host, port, ifIndex))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("SNMPCONFPATH", dir.toString());
            builder.environment().put("SNMP_PERSISTENT_DIR", dir.toString());
            builder.environment().remove("MIBS");
            builder.environment().remove("MIBDIRS");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new SnmpException(SnmpException.Reason.FAILED);
            }
            process.getOutputStream().close();
            boolean ended = process.waitFor(deadline().toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                throw new SnmpException(SnmpException.Reason.NO_ANSWER);
            }
            return outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnmpException(SnmpException.Reason.FAILED);
        } catch (IOException e) {
            throw new SnmpException(SnmpException.Reason.FAILED);
        } finally {
            deleteTree(dir);
        }
    }

    List<String> commandLine(String host, int port, int ifIndex) {
        return new ArrayList<>(List.of(executable, "-v2c", "-On", "-Oqv", "-t", Long.toString(timeout.toSeconds()),
                "-r", Integer.toString(RETRIES), agent(host, port), IN_OCTETS + ifIndex, OUT_OCTETS + ifIndex));
    }

    /** snmpget's address of the agent: an IPv6 literal needs its transport named and brackets. */
    static String agent(String host, int port) {
        return host.contains(":") ? "udp6:[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * The snmp.conf snmpget reads instead of the system's: no MIBs, and the community quoted so that
     * any printable character, a leading quote or a {@code #} included, reaches the switch as typed.
     */
    static String configuration(String community) {
        String quoted = community.replace("\\", "\\\\").replace("\"", "\\\"");
        return "mibs :\ndefCommunity \"" + quoted + "\"\n";
    }

    /**
     * What snmpget's exit value and output mean. With {@code -Oqv} it prints one value per line in the
     * order asked, in and out; an OID the agent does not have is a line of text instead of a number, and
     * a timeout is a message on standard error with exit value 1.
     */
    static Optional<TrafficCounters> outcome(int exitValue, String out, String err) throws SnmpException {
        if (exitValue != 0) {
            throw new SnmpException(err.contains("Timeout") ? SnmpException.Reason.NO_ANSWER : SnmpException.Reason.FAILED);
        }
        List<String> lines = out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.stream().anyMatch(line -> line.startsWith("No Such Instance"))) {
            throw new SnmpException(SnmpException.Reason.NO_SUCH_PORT);
        }
        if (lines.stream().anyMatch(line -> line.startsWith("No Such Object"))) {
            return Optional.empty();
        }
        if (lines.size() != 2) {
            throw new SnmpException(SnmpException.Reason.FAILED);
        }
        try {
            long switchIn = Long.parseLong(lines.get(0));
            long switchOut = Long.parseLong(lines.get(1));
            if (switchIn < 0 || switchOut < 0) {
                throw new SnmpException(SnmpException.Reason.FAILED);
            }
            // the switch's "out" is what the server received
            return Optional.of(new TrafficCounters(switchOut, switchIn));
        } catch (NumberFormatException e) {
            throw new SnmpException(SnmpException.Reason.FAILED);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // what is left can be entered by the portal's own user only; nothing more to do here
        }
    }
}
