package io.marque.portal.it.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Checks a mail's DKIM signature the way a receiving server would, with a verifier that shares no code
 * with the signer: dkimpy (Debian's {@code python3-dkim}), which fetches the public key over DNS with
 * dnspython from a DNS server on 127.0.0.1, normally a {@link PowerDnsServer} the test published the
 * record in. Debian's {@code /usr/bin/python3} runs it, not whatever {@code python3} comes first on the
 * PATH (which may lack Debian's modules).
 *
 * <pre>{@code
 * DkimVerifier.Result result = DkimVerifier.verify(signedMail, pdns.dnsPort());
 * assertTrue(result.pass(), result.log());
 * }</pre>
 *
 * <p>Only {@code java.*}, so it also runs inside the WildFly that Arquillian tests deploy to. The
 * script is passed with {@code -c}, the mail on standard input, so nothing is left on disk.
 */
public final class DkimVerifier {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String INSTALL = "apt-get install python3-dkim python3-dnspython";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The script's exit code when dkimpy or dnspython is missing. */
    private static final int MISSING = 3;

    /**
     * Reads the mail from standard input, verifies its first DKIM-Signature, prints PASS or FAIL and then
     * dkimpy's log and every key lookup. The TXT strings of a record are joined with nothing between
     * them (RFC 6376, 3.6.2.2); a name without a TXT record is no key ({@code None}).
     */
    private static final String SCRIPT = """
            import io, logging, sys
            try:
                import dkim
                import dns.exception, dns.rdatatype, dns.resolver
            except ImportError as e:
                print("missing module: %s" % e)
                sys.exit(3)

            resolver = dns.resolver.Resolver(configure=False)
            resolver.nameservers = ["127.0.0.1"]
            resolver.port = int(sys.argv[1])
            log = io.StringIO()
            logger = logging.getLogger("dkim-verifier")
            logger.setLevel(logging.DEBUG)
            logger.addHandler(logging.StreamHandler(log))

            def txt(name, timeout=5):
                qname = name.decode("ascii") if isinstance(name, bytes) else name
                try:
                    answer = resolver.resolve(qname, "TXT", lifetime=timeout, raise_on_no_answer=False)
                except dns.resolver.NXDOMAIN:
                    logger.info("dns: %s does not exist" % qname)
                    return None
                except dns.exception.Timeout as e:
                    raise dkim.DnsTimeoutError(str(e))
                for rrset in answer.response.answer:
                    if rrset.rdtype == dns.rdatatype.TXT:
                        for rdata in rrset:
                            value = b"".join(rdata.strings)
                            logger.info("dns: %s TXT in %d string(s), %d bytes" % (qname, len(rdata.strings), len(value)))
                            return value
                logger.info("dns: %s has no TXT record" % qname)
                return None

            message = sys.stdin.buffer.read()
            try:
                ok = dkim.verify(message, logger=logger, dnsfunc=txt)
            except Exception as e:
                logger.error("%s: %s" % (type(e).__name__, e))
                ok = False
            print("PASS" if ok else "FAIL")
            print(log.getvalue(), end="")
            """;

    /**
     * dkimpy's verdict.
     *
     * @param pass whether the first signature verified with the key published in DNS
     * @param log  dkimpy's log and the key lookups: why it failed (a body hash mismatch, a signature that
     *             does not match the headers, a missing key), for the assertion's message
     */
    public record Result(boolean pass, String log) {
    }

    private DkimVerifier() {
    }

    /**
     * Verifies the mail's first {@code DKIM-Signature} with the key at {@code s._domainkey.d} on the DNS
     * server at 127.0.0.1:{@code dnsPort}.
     *
     * @throws IOException when {@code /usr/bin/python3}, dkimpy or dnspython is missing (the message
     *                     says what to install), or the verifier did not finish in 30 s
     */
    public static Result verify(byte[] message, int dnsPort) throws IOException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IOException(PYTHON + " is missing: apt-get install python3 python3-dkim python3-dnspython");
        }
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT, String.valueOf(dnsPort))
                .redirectErrorStream(true)
                .start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(python.getInputStream(), output), "dkim verifier output");
        reader.start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(message);
        } catch (IOException e) {
            // it stopped before reading the mail: its output says why
        }
        try {
            if (!python.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                python.destroyForcibly();
                throw new IOException("The DKIM verifier did not finish within " + TIMEOUT);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            python.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        if (python.exitValue() == MISSING) {
            throw new IOException("dkimpy or dnspython is missing for " + PYTHON + ": " + INSTALL + " (" + text.strip() + ")");
        }
        if (python.exitValue() != 0 || !(text.startsWith("PASS") || text.startsWith("FAIL"))) {
            throw new IOException("The DKIM verifier failed (exit " + python.exitValue() + "):\n" + text);
        }
        return new Result(text.startsWith("PASS"), text.substring(4).strip());
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        byte[] buffer = new byte[8192];
        try (from) {
            for (int n; (n = from.read(buffer)) > 0; ) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is all there is
        }
    }
}
