package io.marque.portal.it.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Pebble (Debian's {@code pebble}, Let's Encrypt's ACME test CA) for one test class: its own TLS
 * certificate for 127.0.0.1 made with {@code openssl}, the ACME directory and the management interface
 * on free ports of 127.0.0.1, in the foreground so {@link #close()} stops it for sure. HTTP-01
 * validation connects to the port the caller names, at the address the caller's DNS server gives for
 * the host, so a test decides what the CA sees.
 *
 * <pre>{@code
 * try (Pebble pebble = Pebble.start(challengeServer.getAddress().getPort(), pdns.dnsPort())) {
 *     AcmeIssuer issuer = new AcmeIssuer(URI.create(pebble.directoryUrl()), pebble.trustPem(), Duration.ofSeconds(60));
 *     // a TLS client verifying what was issued trusts pebble.rootsPem()
 * }
 * }</pre>
 *
 * <p>Made deterministic and fast through Pebble's environment: no random sleep before validating
 * ({@code PEBBLE_VA_NOSLEEP}), no good nonce rejected as bad ({@code PEBBLE_WFE_NONCEREJECT=0}), no
 * validated authorization reused for a later order ({@code PEBBLE_AUTHZREUSE=0}, so every order, a
 * renewal too, goes through HTTP-01), one intermediate and one root. Certificates are valid for 90 days,
 * as Let's Encrypt's. Pebble makes a new root at every start.
 *
 * <p>Only {@code java.*}, so it also runs inside the WildFly that Arquillian tests deploy to.
 */
public final class Pebble implements AutoCloseable {

    private static final Path PEBBLE = Path.of("/usr/bin/pebble");
    private static final String INSTALL = "apt-get install pebble openssl";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** 90 days, as Let's Encrypt issues them. */
    private static final long VALIDITY_SECONDS = 90L * 24 * 3600;

    private final Path dir;
    private final int acmePort;
    private final int managementPort;
    private final String trustPem;
    private final HttpClient http;
    private final Process process;
    private final Thread killer;

    private Pebble(Path dir, int acmePort, int managementPort, int httpPort, int dnsPort) throws IOException {
        this.dir = dir;
        this.acmePort = acmePort;
        this.managementPort = managementPort;
        this.trustPem = Files.readString(dir.resolve("cert.pem"), StandardCharsets.US_ASCII);
        this.http = HttpClient.newBuilder().sslContext(trusting(trustPem)).connectTimeout(Duration.ofSeconds(2)).build();
        Files.writeString(dir.resolve("pebble-config.json"), configuration(httpPort, freeTcpPort()));
        ProcessBuilder builder = new ProcessBuilder(PEBBLE.toString(), "-config", dir.resolve("pebble-config.json").toString(),
                "-dnsserver", "127.0.0.1:" + dnsPort, "-strict=false")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pebble.log").toFile());
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        builder.environment().put("PEBBLE_AUTHZREUSE", "0");
        builder.environment().put("PEBBLE_CHAIN_LENGTH", "1");
        builder.environment().put("PEBBLE_ALTERNATE_ROOTS", "0");
        process = builder.start();
        process.getOutputStream().close();
        // a test JVM that dies without close() must not leave the CA running
        killer = new Thread(process::destroyForcibly, "pebble killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts Pebble and returns once its directory answers over TLS.
     *
     * @param httpPort the port HTTP-01 validation connects to (where the test's challenge server listens)
     * @param dnsPort  a DNS server on 127.0.0.1 (e.g. a {@link PowerDnsServer}) that resolves the hosts
     *                 to validate
     * @throws IOException when {@code pebble} or {@code openssl} is missing or Pebble did not come up (the
     *                     message ends with its log)
     */
    public static Pebble start(int httpPort, int dnsPort) throws IOException {
        if (!Files.isExecutable(PEBBLE)) {
            throw new IOException(PEBBLE + " is missing: " + INSTALL);
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken before pebble binds it
            Path dir = Files.createTempDirectory("marque-pebble");
            try {
                makeTlsCertificate(dir);
                Pebble pebble = new Pebble(dir, freeTcpPort(), freeTcpPort(), httpPort, dnsPort);
                try {
                    pebble.awaitDirectory();
                    return pebble;
                } catch (IOException e) {
                    pebble.close();
                    last = e;
                }
            } catch (IOException e) {
                LocalDaemons.deleteTree(dir);
                throw e;
            }
        }
        throw last;
    }

    /** The ACME directory, e.g. {@code https://127.0.0.1:40123/dir}. */
    public String directoryUrl() {
        return "https://127.0.0.1:" + acmePort + "/dir";
    }

    /** The self-signed certificate (PEM) Pebble serves its directory and management interface with. */
    public String trustPem() {
        return trustPem;
    }

    /**
     * The root Pebble issues under (PEM), from its management interface: what a TLS client of a server
     * with an issued certificate trusts. New at every start.
     */
    public String rootsPem() throws IOException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("https://127.0.0.1:" + managementPort + "/roots/0"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("-----BEGIN CERTIFICATE-----")) {
                throw new IOException("Pebble's roots: HTTP " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** What Pebble logged so far, for a failure's message. */
    public String log() {
        try {
            return Files.readString(dir.resolve("pebble.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops Pebble (TERM, then KILL after 5 s) and deletes its directory. */
    @Override
    public void close() {
        LocalDaemons.stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook runs anyway
        }
        LocalDaemons.deleteTree(dir);
    }

    private String configuration(int httpPort, int tlsPort) {
        // tlsPort is where TLS-ALPN-01 would connect: unused here, but it must not be anything's port
        return "{\"pebble\": {"
                + "\"listenAddress\": \"127.0.0.1:" + acmePort + "\","
                + "\"managementListenAddress\": \"127.0.0.1:" + managementPort + "\","
                + "\"certificate\": \"" + dir.resolve("cert.pem") + "\","
                + "\"privateKey\": \"" + dir.resolve("key.pem") + "\","
                + "\"httpPort\": " + httpPort + ","
                + "\"tlsPort\": " + tlsPort + ","
                + "\"ocspResponderURL\": \"\","
                + "\"externalAccountBindingRequired\": false,"
                + "\"certificateValidityPeriod\": " + VALIDITY_SECONDS
                + "}}\n";
    }

    private void awaitDirectory() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("pebble stopped at start (exit " + process.exitValue() + "):\n" + log());
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(directoryUrl()))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("newOrder")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            LocalDaemons.sleep(Duration.ofMillis(100));
        }
        throw new IOException("pebble's directory did not answer within " + START_TIMEOUT + ":\n" + log());
    }

    /** A self-signed EC certificate for 127.0.0.1 and localhost: cert.pem and key.pem in the directory. */
    private static void makeTlsCertificate(Path dir) throws IOException {
        List<String> command = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-days", "2", "-subj", "/CN=Pebble test directory",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString());
        Process openssl;
        try {
            openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("openssl is missing: " + INSTALL, e);
        }
        try {
            openssl.getOutputStream().close();
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IOException("openssl could not make Pebble's TLS certificate: " + output);
            }
        } catch (InterruptedException e) {
            openssl.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static SSLContext trusting(String pem) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Pebble's TLS certificate cannot be trusted: " + e, e);
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
