package io.marque.portal.it.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real nginx ({@code /usr/sbin/nginx}, Debian's {@code nginx-light}) as the TLS front end of the portal,
 * configured as {@code docs/tls-front-end.md} tells an operator: TLS on a free port of 127.0.0.1, the
 * certificate and key chosen per handshake by the SNI name from a certificate directory
 * ({@code ssl_certificate <dir>/$name.crt}), everything proxied to an upstream on 127.0.0.1 with the
 * original {@code Host}. nginx (since 1.15.9) loads variable certificate paths at each handshake, so a
 * certificate replaced in the directory is served from the next connection on, without a reload.
 *
 * <pre>{@code
 * try (NginxTls nginx = NginxTls.start(certificateDir, upstream.getAddress().getPort())) {
 *     // connect to 127.0.0.1:nginx.httpsPort() with SNI portal.acme-test.example
 * }
 * }</pre>
 *
 * <p>Configuration, pid, error log and temporary files all live in a temporary directory (nothing under
 * /var or /etc is read or written); nginx runs in the foreground with one worker. The worker reads the
 * key files, which are owner-only, so when the test runs as root the worker runs as root too instead of
 * nginx's default {@code nobody}.
 *
 * <p>Only {@code java.*}, so it also runs inside the WildFly that Arquillian tests deploy to.
 */
public final class NginxTls implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String INSTALL = "apt-get install nginx-light";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final int httpsPort;
    private final Process process;
    private final Thread killer;

    private NginxTls(Path dir, Path certificateDir, int httpsPort, int upstreamPort) throws IOException {
        this.dir = dir;
        this.httpsPort = httpsPort;
        Files.writeString(dir.resolve("nginx.conf"), configuration(certificateDir.toAbsolutePath(), upstreamPort));
        process = new ProcessBuilder(NGINX.toString(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        process.getOutputStream().close();
        // a test JVM that dies without close() must not leave nginx running
        killer = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // the worker would outlive a killed master
            process.destroyForcibly();
        }, "nginx killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts nginx and returns once it accepts connections.
     *
     * @param certificateDir where {@code <host>.crt} and {@code <host>.key} are (a {@code CertificateFiles}
     *                       directory); read at each handshake
     * @param upstreamPort   the portal's HTTP port on 127.0.0.1
     * @throws IOException when nginx is missing or did not come up (the message ends with its error log)
     */
    public static NginxTls start(Path certificateDir, int upstreamPort) throws IOException {
        if (!Files.isExecutable(NGINX)) {
            throw new IOException(NGINX + " is missing: " + INSTALL);
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken before nginx binds it
            Path dir = Files.createTempDirectory("marque-nginx");
            NginxTls nginx;
            try {
                nginx = new NginxTls(dir, certificateDir, freeTcpPort(), upstreamPort);
            } catch (IOException e) {
                LocalDaemons.deleteTree(dir);
                throw e;
            }
            try {
                nginx.awaitListening();
                return nginx;
            } catch (IOException e) {
                nginx.close();
                last = e;
            }
        }
        throw last;
    }

    /** The TLS port on 127.0.0.1. */
    public int httpsPort() {
        return httpsPort;
    }

    /** What nginx logged so far (a failed handshake says here which file it could not load). */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (String name : new String[] {"nginx.out", "error.log"}) {
            try {
                log.append(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException e) {
                log.append("(no ").append(name).append(")\n");
            }
        }
        return log.toString();
    }

    /** Stops nginx (TERM: a fast shutdown; KILL after 5 s, the worker too) and deletes its directory. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList(); // no longer ours once the master is gone
        LocalDaemons.stop(process);
        workers.forEach(ProcessHandle::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook runs anyway
        }
        LocalDaemons.deleteTree(dir);
    }

    /** The server block of docs/tls-front-end.md, with the paths and ports of this test. */
    private String configuration(Path certificates, int upstreamPort) {
        String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
        return user
                + "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "lock_file " + dir.resolve("nginx.lock") + ";\n"
                + "error_log " + dir.resolve("error.log") + " info;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  client_body_temp_path " + dir.resolve("body") + ";\n"
                + "  proxy_temp_path " + dir.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                + "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                + "  scgi_temp_path " + dir.resolve("scgi") + ";\n"
                + "  map $ssl_server_name $marque_certificate {\n"
                + "    \"~^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$\" $ssl_server_name;\n"
                + "    default _default;\n"
                + "  }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + httpsPort + " ssl;\n"
                + "    ssl_certificate " + certificates + "/$marque_certificate.crt;\n"
                + "    ssl_certificate_key " + certificates + "/$marque_certificate.key;\n"
                + "    ssl_protocols TLSv1.2 TLSv1.3;\n"
                + "    location / {\n"
                + "      proxy_pass http://127.0.0.1:" + upstreamPort + ";\n"
                + "      proxy_set_header Host $host;\n"
                + "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                + "      proxy_set_header X-Forwarded-Proto https;\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped at start (exit " + process.exitValue() + "):\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), httpsPort), 500);
                return;
            } catch (IOException e) {
                // not listening yet
            }
            LocalDaemons.sleep(Duration.ofMillis(50));
        }
        throw new IOException("nginx did not listen on " + httpsPort + " within " + START_TIMEOUT + ":\n" + log());
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
