package io.marque.portal.domains.acme;

import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;

/**
 * Gets a TLS certificate for one host from an ACME (RFC 8555) certificate authority, proving control of
 * the host by HTTP-01: the CA fetches {@code http://<host>/.well-known/acme-challenge/<token>}, which the
 * portal answers from the {@link ChallengeBoard} it is given.
 *
 * <pre>{@code
 * AcmeIssuer issuer = new AcmeIssuer(URI.create("https://acme-v02.api.letsencrypt.org/directory"), null,
 *         Duration.ofMinutes(2));
 * String account = issuer.register(accountKey, "hostmaster@provider.example");
 * IssuedCertificate certificate = issuer.issue(accountKey, "support.acme-cloud.com", board);
 * }</pre>
 *
 * <p>A thin layer over acme4j 4: what it adds is the order of the steps (the answer is published, and
 * committed, before the CA is asked to look; it is withdrawn whatever happens), one deadline for the
 * whole issuance, a new key for every certificate, and failures turned into an {@link AcmeFailure} whose
 * message a reseller can read. Waiting uses acme4j's polling, which honours the CA's
 * {@code Retry-After} and otherwise asks every 3 seconds.
 *
 * <p>Each call opens its own acme4j session; the HTTP client (with its trust) is shared, so one issuer
 * serves concurrent calls. Blocking: call it from a job, not a request thread.
 */
public final class AcmeIssuer {

    private static final Logger LOG = Logger.getLogger(AcmeIssuer.class.getName());
    private static final URI ACCOUNT_DOES_NOT_EXIST = URI.create("urn:ietf:params:acme:error:accountDoesNotExist");
    private static final String ACME4J_TIMEOUT = "Timeout has been reached";
    /** How much of a CA's problem text is quoted; the rest goes to {@link AcmeFailure#detail()} only. */
    private static final int MAX_QUOTED = 400;

    private final URI directory;
    private final Duration timeout;
    private final TrustingAcmeProvider provider;

    /**
     * @param directory the CA's ACME directory, e.g. {@code https://acme-v02.api.letsencrypt.org/directory}
     *                  or a Pebble's {@code https://127.0.0.1:14000/dir}
     * @param trustPem  certificates (PEM) to trust for the directory's HTTPS instead of the JDK's default
     *                  CAs, for a private CA or Pebble; {@code null} for the JDK's default trust
     * @param timeout   for each request to the CA, and for a whole {@link #issue} including the waiting
     * @throws IllegalArgumentException for a directory that is not {@code https}, a non-positive timeout or
     *                                  a {@code trustPem} without certificates
     */
    public AcmeIssuer(URI directory, String trustPem, Duration timeout) {
        Objects.requireNonNull(directory, "directory");
        if (!"https".equals(directory.getScheme()) || directory.getHost() == null) {
            throw new IllegalArgumentException("An ACME directory is an https URL: " + directory);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The ACME timeout must be positive");
        }
        this.directory = directory;
        this.timeout = timeout;
        this.provider = new TrustingAcmeProvider(trustPem, timeout);
    }

    /**
     * Registers the account key with the CA, agreeing to its terms of service, or finds the account that
     * key already has (registering twice is harmless and returns the same URL).
     *
     * @param accountKey          the account's key pair; keep it: it is the account
     * @param contactEmailOrNull  where the CA may write about the account (expiry notices, policy); may be
     *                            {@code null}
     * @return the account's URL at the CA
     */
    public String register(KeyPair accountKey, String contactEmailOrNull) throws AcmeFailure {
        Objects.requireNonNull(accountKey, "accountKey");
        AccountBuilder account = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey);
        if (contactEmailOrNull != null && !contactEmailOrNull.isBlank()) {
            try {
                account.addEmail(contactEmailOrNull.strip());
            } catch (IllegalArgumentException e) {
                throw new AcmeFailure("Not a usable contact e-mail address: " + contactEmailOrNull.strip(), e.toString());
            }
        }
        try {
            return account.create(session()).getLocation().toString();
        } catch (AcmeException | RuntimeException e) {
            throw failure("register an account", null, e);
        }
    }

    /**
     * Has a certificate issued for {@code host}: a new order, the HTTP-01 challenge of each authorization
     * the CA does not already hold as valid (published on the board, then triggered, then awaited), a new
     * EC P-256 key and its CSR, and the certificate chain. Everything published is withdrawn at the end,
     * whether the order succeeded or not.
     *
     * @param accountKey a key registered with {@link #register}
     * @param host       a plain lower-case DNS name whose port 80 reaches the portal
     * @param board      where the challenge's answer is published for the portal to serve
     * @return the chain (leaf first) with its new private key
     * @throws AcmeFailure when the CA refused, could not validate, did not finish within the timeout or
     *                     could not be reached; nothing is left published then
     * @throws IllegalArgumentException when {@code host} is not a plain lower-case DNS name
     */
    public IssuedCertificate issue(KeyPair accountKey, String host, ChallengeBoard board) throws AcmeFailure {
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(board, "board");
        HostName.require(host);
        Instant deadline = Instant.now().plus(timeout);
        List<String> published = new ArrayList<>();
        AcmeFailure failed = null;
        try {
            Login login = new AccountBuilder().onlyExisting().useKeyPair(accountKey).createLogin(session());
            Order order = login.newOrder().domain(host).create();
            for (Authorization authorization : order.getAuthorizations()) {
                if (authorization.getStatus() != Status.VALID) { // a CA may reuse a recent validation
                    validate(host, authorization, board, published, deadline);
                }
            }
            if (await(order, Set.of(Status.READY, Status.VALID, Status.INVALID), deadline) == Status.INVALID) {
                throw refused(host, order.getError().orElse(null));
            }
            KeyPair certificateKey = Pems.newKeyPair();
            order.execute(certificateKey);
            if (await(order, Set.of(Status.VALID, Status.INVALID), deadline) != Status.VALID) {
                throw refused(host, order.getError().orElse(null));
            }
            Certificate certificate = order.getCertificate();
            certificate.download();
            return issued(host, certificate.getCertificateChain(), certificateKey);
        } catch (AcmeFailure e) {
            failed = e;
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = new AcmeFailure("Stopped before the certificate for " + host + " was issued.", "interrupted", e);
            throw failed;
        } catch (AcmeException | RuntimeException e) {
            failed = failure("issue a certificate", host, e);
            throw failed;
        } finally {
            withdraw(board, host, published, failed);
        }
    }

    private void validate(String host, Authorization authorization, ChallengeBoard board, List<String> published,
            Instant deadline) throws AcmeException, AcmeFailure, InterruptedException {
        Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class)
                .orElseThrow(() -> new AcmeFailure("The certificate authority offers no HTTP validation for " + host
                        + ".", "no http-01 challenge in " + authorization.getLocation()));
        try {
            board.publish(host, challenge.getToken(), challenge.getAuthorization());
        } catch (RuntimeException e) {
            throw new AcmeFailure("The validation answer for " + host + " could not be stored; try again later.",
                    "ChallengeBoard.publish: " + e, e);
        }
        published.add(challenge.getToken());
        challenge.trigger();
        if (await(challenge, Set.of(Status.VALID, Status.INVALID), deadline) != Status.VALID) {
            Problem problem = challenge.getError().orElse(null);
            throw new AcmeFailure("The certificate authority could not verify " + host
                    + (problem == null ? "." : ": " + quote(describe(problem))),
                    "challenge " + challenge.getLocation() + " invalid: " + problem);
        }
    }

    /** acme4j's polling, bounded by what is left of the deadline. */
    Status await(PollableResource resource, Set<Status> done, Instant deadline)
            throws AcmeException, AcmeFailure, InterruptedException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw timedOut();
        }
        try {
            return resource.waitForStatus(done, left);
        } catch (AcmeException e) {
            // acme4j 4 says so in a plain AcmeException, also when the CA's Retry-After lies beyond the
            // deadline (AcmeIssuerTest notices if the wording changes)
            if (e.getClass() == AcmeException.class && ACME4J_TIMEOUT.equals(e.getMessage())) {
                throw timedOut();
            }
            throw e;
        }
    }

    private AcmeFailure timedOut() {
        return new AcmeFailure("The certificate authority did not finish within " + timeout.toSeconds()
                + " seconds; try again later.", "timeout " + timeout + " reached at " + directory);
    }

    private IssuedCertificate issued(String host, List<X509Certificate> chain, KeyPair key) throws AcmeFailure {
        if (chain.isEmpty()) {
            throw new AcmeFailure("The certificate authority sent no certificate for " + host + ".", "empty chain");
        }
        X509Certificate leaf = chain.get(0);
        // a front end serving a certificate for another key or name fails every handshake: refuse it here
        if (!Arrays.equals(leaf.getPublicKey().getEncoded(), key.getPublic().getEncoded())) {
            throw new AcmeFailure("The certificate authority sent a certificate for another key.",
                    "leaf " + leaf.getSubjectX500Principal() + " does not carry the CSR's key");
        }
        if (!namesHost(leaf, host)) {
            throw new AcmeFailure("The certificate authority sent a certificate that does not name " + host + ".",
                    "leaf " + leaf.getSubjectX500Principal() + " lacks the DNS name " + host);
        }
        return new IssuedCertificate(Pems.toPem(chain), Pems.toPem(key), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), leaf.getSerialNumber().toString(16));
    }

    private static boolean namesHost(X509Certificate leaf, String host) {
        try {
            var names = leaf.getSubjectAlternativeNames();
            return names != null && names.stream()
                    .anyMatch(name -> Integer.valueOf(2).equals(name.get(0)) && host.equalsIgnoreCase((String) name.get(1)));
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static void withdraw(ChallengeBoard board, String host, List<String> tokens, AcmeFailure failed) {
        for (String token : tokens) {
            try {
                board.withdraw(host, token);
            } catch (RuntimeException e) {
                // a stale answer harms nothing (the token is single-use); losing an issued certificate would
                if (failed != null) {
                    failed.addSuppressed(e);
                } else {
                    LOG.log(Level.WARNING, "Could not withdraw the ACME challenge answer for " + host, e);
                }
            }
        }
    }

    private Session session() {
        Session session = new Session(directory, provider);
        session.networkSettings().setTimeout(timeout);
        return session;
    }

    private static AcmeFailure refused(String host, Problem problem) {
        return new AcmeFailure("The certificate authority did not issue a certificate for " + host
                + (problem == null ? "." : ": " + quote(describe(problem))), "order invalid: " + problem);
    }

    /** What a reseller is told for each kind of acme4j failure. */
    private AcmeFailure failure(String action, String host, Exception e) {
        Throwable cause = e instanceof AcmeLazyLoadingException && e.getCause() != null ? e.getCause() : e;
        String detail = "could not " + action + (host == null ? "" : " for " + host) + " at " + directory + ": " + cause;
        String message;
        if (cause instanceof AcmeUserActionRequiredException required) {
            message = "The certificate authority wants the account holder to act first (for instance, to agree to"
                    + " new terms of service)" + required.getTermsOfServiceUri().map(uri -> ": " + uri).orElse(".");
        } else if (cause instanceof AcmeRateLimitedException limited) {
            message = "The certificate authority's rate limit is reached"
                    + limited.getRetryAfter().map(at -> "; try again after " + at).orElse("; try again later")
                    + ": " + quote(describe(limited.getProblem()));
        } else if (cause instanceof AcmeServerException server && ACCOUNT_DOES_NOT_EXIST.equals(server.getType())) {
            message = "The ACME account is not registered with the certificate authority; register it first.";
        } else if (cause instanceof AcmeServerException server) {
            message = "The certificate authority refused the request: " + quote(describe(server.getProblem()));
        } else if (cause instanceof AcmeNetworkException network && hasCause(network, SSLException.class)) {
            message = "No secure connection to the certificate authority: its certificate is not trusted here"
                    + " or the TLS handshake failed.";
        } else if (cause instanceof AcmeNetworkException) {
            message = "The certificate authority did not answer; try again later.";
        } else if (cause instanceof AcmeProtocolException) {
            message = "The certificate authority's answer could not be understood.";
        } else if (cause instanceof AcmeException) {
            message = "The certificate authority failed: " + quote(cause.getMessage());
        } else {
            message = "Could not " + action + " with the certificate authority.";
        }
        return new AcmeFailure(message, detail, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The problem's detail (or title, or type), with the details of its sub-problems. */
    static String describe(Problem problem) {
        String text = problem.getDetail().or(problem::getTitle).orElse(problem.getType().toString());
        List<String> parts = new ArrayList<>(List.of(text));
        for (Problem sub : problem.getSubProblems()) {
            parts.add(sub.getIdentifier().map(id -> id.getValue() + ": ").orElse("")
                    + sub.getDetail().orElse(sub.getType().toString()));
        }
        return String.join("; ", parts);
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "…";
    }
}
