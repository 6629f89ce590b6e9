package io.marque.portal.it.infra;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the harnesses of real daemons on loopback ({@link IpmiSim}, {@link SnmpAgent},
 * {@link PowerDnsServer}) share: starting one on a free UDP port, stopping it, removing its directory.
 * java.* only, since tests start daemons inside the WildFly JVM too.
 */
public final class LocalDaemons {

    /** How long a daemon may take to bind its port. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    /** How many free ports are tried: another process may take one between choosing and binding it. */
    private static final int START_ATTEMPTS = 3;

    /** Starts a daemon for a chosen port. */
    @FunctionalInterface
    interface Launcher {
        Process start(int udpPort) throws IOException;
    }

    /** A daemon that has bound its port. */
    record Started(Process process, int port) {
    }

    private LocalDaemons() {
    }

    /**
     * Starts the daemon on a free UDP port of loopback and returns once it has bound it.
     *
     * @param log what the daemon wrote, for the failure's message
     * @throws IOException when it never bound a port
     */
    static Started onFreeUdpPort(String name, Launcher launcher, Supplier<String> log) throws IOException {
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freeUdpPort();
            Process started = launcher.start(port);
            started.getOutputStream().close();
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            while (started.isAlive() && !isBound(port)) {
                if (Instant.now().isAfter(deadline)) {
                    started.destroyForcibly();
                    throw new IOException(name + " did not open UDP port " + port + ": " + log.get());
                }
                sleep(Duration.ofMillis(20));
            }
            if (started.isAlive()) {
                return new Started(started, port);
            }
            // most likely the port was taken in between: try another
        }
        throw new IOException(name + " did not start: " + log.get());
    }

    /** TERM, then KILL after 5 s. */
    static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the directory and everything in it; a temporary directory left behind fails no test. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // harmless
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freeUdpPort() throws SocketException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /** The daemon has bound the port once nobody else can. */
    private static boolean isBound(int udpPort) {
        try {
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort)).close();
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
