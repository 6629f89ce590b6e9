package io.marque.portal.it.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.driver.TrafficCounters;
import io.marque.portal.server.traffic.SnmpCounters;
import io.marque.portal.server.traffic.SnmpException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SnmpCounters against a real SNMP agent (Net-SNMP's snmpd, see {@link SnmpAgent}) standing in for a
 * switch, reading the loopback interface's counters: they grow by at least what a test sends over
 * loopback, and a wrong community or a port the agent does not have ends in the right reason within
 * the timeout. A plain JUnit test: no application server needed.
 */
class SnmpCountersIT {

    private static final int TIMEOUT_SECONDS = 2;
    /** What the timeout may be overrun by: starting the process, the JVM's own pauses. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final int SENT = 8 * 1024 * 1024;

    private final SnmpCounters snmp = new SnmpCounters("snmpget", Duration.ofSeconds(TIMEOUT_SECONDS));
    private SnmpAgent agent;

    @BeforeEach
    void startAgent() throws IOException {
        agent = new SnmpAgent();
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void theCountersGrowByWhatWentThroughThePort() throws Exception {
        TrafficCounters before = snmp.read(agent.host(), agent.port(), agent.community(), agent.loopbackIfIndex()).orElseThrow();
        sendOverLoopback(SENT);
        // Linux's interface statistics, which snmpd reads, are updated at once; snmpd caches them a few seconds
        TrafficCounters after = before;
        for (int attempt = 0; attempt < 40 && after.receivedBytes() - before.receivedBytes() < SENT; attempt++) {
            Thread.sleep(250);
            after = snmp.read(agent.host(), agent.port(), agent.community(), agent.loopbackIfIndex()).orElseThrow();
        }
        assertTrue(after.receivedBytes() - before.receivedBytes() >= SENT, before + " → " + after);
        assertTrue(after.transmittedBytes() - before.transmittedBytes() >= SENT, before + " → " + after);
    }

    @Test
    void aWrongCommunityIsNoAnswerWithinTheTimeout() {
        long start = System.nanoTime();
        SnmpException e = assertThrows(SnmpException.class,
                () -> snmp.read(agent.host(), agent.port(), "not-" + agent.community(), agent.loopbackIfIndex()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(SnmpException.Reason.NO_ANSWER, e.reason());
        assertTrue(took.compareTo(snmp.deadline().plus(MARGIN)) < 0, "took " + took);
        assertTrue(!e.getMessage().contains(agent.community()) && !e.getMessage().contains(agent.host()), e.getMessage());
    }

    @Test
    void aPortTheSwitchDoesNotHaveIsSaid() {
        SnmpException e = assertThrows(SnmpException.class,
                () -> snmp.read(agent.host(), agent.port(), agent.community(), 2_000_000_000));
        assertEquals(SnmpException.Reason.NO_SUCH_PORT, e.reason());
    }

    @Test
    void nobodyListeningIsNoAnswer() throws IOException {
        int port;
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SnmpException e = assertThrows(SnmpException.class, () -> snmp.read(agent.host(), port, agent.community(), 1));
        assertEquals(SnmpException.Reason.NO_ANSWER, e.reason());
    }

    /** Sends {@code bytes} through a TCP connection over loopback and waits until all arrived. */
    private static void sendOverLoopback(int bytes) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
                try (Socket accepted = server.accept(); InputStream in = accepted.getInputStream()) {
                    return in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    OutputStream out = client.getOutputStream()) {
                byte[] chunk = new byte[64 * 1024];
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            }
            assertEquals(bytes, received.get().longValue());
        }
    }
}
