package io.marque.portal.domains.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * What the issuer does without a CA: what it refuses up front, how it fails when the CA is not there or
 * never answers, and the wording it relies on in acme4j. The real protocol runs against Pebble in
 * {@code AcmeIssuerIT}.
 */
class AcmeIssuerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ChallengeBoard NO_BOARD = new ChallengeBoard() {
        @Override
        public void publish(String host, String token, String content) {
            throw new AssertionError("nothing may be published");
        }

        @Override
        public void withdraw(String host, String token) {
            throw new AssertionError("nothing may be withdrawn");
        }
    };

    @Test
    void refusesWhatCannotBeAnAcmeDirectory() {
        assertThrows(IllegalArgumentException.class,
                () -> new AcmeIssuer(URI.create("http://127.0.0.1:14000/dir"), null, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> new AcmeIssuer(URI.create("acme://pebble"), null, TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> new AcmeIssuer(URI.create("https://127.0.0.1:14000/dir"), null, Duration.ZERO));
        IllegalArgumentException badTrust = assertThrows(IllegalArgumentException.class,
                () -> new AcmeIssuer(URI.create("https://127.0.0.1:14000/dir"), "not a certificate", TIMEOUT));
        assertTrue(badTrust.getMessage().contains("not PEM certificates"), badTrust.getMessage());
    }

    @Test
    void refusesAHostThatIsNotAPlainDnsNameBeforeAskingTheCa() throws Exception {
        AcmeIssuer issuer = new AcmeIssuer(URI.create("https://127.0.0.1:" + closedPort() + "/dir"), null, TIMEOUT);
        KeyPair account = Pems.newKeyPair();
        for (String host : List.of("*.acme-cloud.com", "Support.Acme-Cloud.com", "../x", "192.0.2.1", "")) {
            assertThrows(IllegalArgumentException.class, () -> issuer.issue(account, host, NO_BOARD), host);
        }
    }

    @Test
    void aCaThatIsNotThereFailsPlainlyWithinTheTimeout() throws Exception {
        int port = closedPort();
        AcmeIssuer issuer = new AcmeIssuer(URI.create("https://127.0.0.1:" + port + "/dir"), null, TIMEOUT);

        AcmeFailure failed = assertFailsWithinTimeout(() -> issuer.register(Pems.newKeyPair(), null));
        assertEquals("The certificate authority did not answer; try again later.", failed.getMessage());
        assertTrue(failed.detail().contains("127.0.0.1:" + port), failed.detail());

        failed = assertFailsWithinTimeout(() -> issuer.issue(Pems.newKeyPair(), "support.acme-cloud.com", NO_BOARD));
        assertEquals("The certificate authority did not answer; try again later.", failed.getMessage());
    }

    @Test
    void aCaThatNeverAnswersFailsPlainlyWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // and never answer, not even the TLS handshake
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AcmeIssuer issuer = new AcmeIssuer(URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/dir"), null,
                    TIMEOUT);

            AcmeFailure failed = assertFailsWithinTimeout(() -> issuer.register(Pems.newKeyPair(), "ops@example.com"));
            assertEquals("The certificate authority did not answer; try again later.", failed.getMessage());
        }
    }

    @Test
    void waitingEndsAtTheDeadlineWithAPlainMessage() throws Exception {
        AcmeIssuer issuer = new AcmeIssuer(URI.create("https://127.0.0.1:1/dir"), null, Duration.ofSeconds(30));
        PollableResource forever = new PollableResource() {
            @Override
            public Status getStatus() {
                return Status.PENDING;
            }

            @Override
            public Optional<Instant> fetch() {
                return Optional.empty(); // no Retry-After: acme4j waits its default 3 s, beyond the deadline
            }
        };
        long start = System.nanoTime();
        AcmeFailure failed = assertThrows(AcmeFailure.class,
                () -> issuer.await(forever, Set.of(Status.VALID), Instant.now().plusMillis(500)));
        assertEquals("The certificate authority did not finish within 30 seconds; try again later.", failed.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000);

        failed = assertThrows(AcmeFailure.class, () -> issuer.await(forever, Set.of(Status.VALID), Instant.now()));
        assertEquals("The certificate authority did not finish within 30 seconds; try again later.", failed.getMessage());
    }

    @Test
    void aProblemIsToldByItsDetailWithItsSubProblems() throws Exception {
        URL base = URI.create("https://ca.example/acme/").toURL();
        Problem problem = new Problem(JSON.parse("""
                {"type": "urn:ietf:params:acme:error:rejectedIdentifier",
                 "detail": "Some identifiers were rejected",
                 "subproblems": [{"type": "urn:ietf:params:acme:error:malformed",
                                  "detail": "Invalid underscore in DNS name",
                                  "identifier": {"type": "dns", "value": "_example.org"}}]}
                """), base);
        assertEquals("Some identifiers were rejected; _example.org: Invalid underscore in DNS name",
                AcmeIssuer.describe(problem));
        assertEquals("urn:ietf:params:acme:error:serverInternal",
                AcmeIssuer.describe(new Problem(JSON.parse("{\"type\": \"urn:ietf:params:acme:error:serverInternal\"}"), base)));
    }

    private static AcmeFailure assertFailsWithinTimeout(Executable call) {
        long start = System.nanoTime();
        AcmeFailure failed = assertThrows(AcmeFailure.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(TIMEOUT.multipliedBy(2).plusSeconds(2)) < 0, "failed after " + took);
        assertFalse(failed.getMessage().contains("Exception"), failed.getMessage());
        assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
        return failed;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
