package io.marque.portal.server.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs ipmitool over IPMI 2.0 ({@code -I lanplus}) against one BMC, with a hard deadline.
 *
 * <p>The password goes to ipmitool in the {@code IPMI_PASSWORD} environment variable ({@code -E}),
 * never on the command line where any local user could read it in the process list. ipmitool's
 * standard input is closed at once, so a missing password can never make it wait for one on the
 * terminal.
 *
 * <p>The cipher suite is always named ({@code -C}): without it ipmitool 1.8.19 first asks the BMC for
 * its cipher suites, and a BMC that does not support that question (OpenIPMI's simulator, some older
 * firmware) costs about ten seconds of waiting before every command.
 *
 * <p>Output goes to two temporary files rather than pipes, so neither a chatty ipmitool nor a child
 * it leaves behind can block the caller; the files are deleted before {@link #run} returns.
 */
final class Ipmitool {

    private static final Duration GRACE_AFTER_KILL = Duration.ofSeconds(2);

    private final String executable;
    private final Duration timeout;
    private final int cipherSuite;

    /**
     * @param executable  the ipmitool binary, a path or a name looked up on the {@code PATH}
     * @param timeout     how long one command may take at most, session start included
     * @param cipherSuite the IPMI 2.0 cipher suite to ask for, e.g. 3 (HMAC-SHA1, AES-CBC-128)
     */
    Ipmitool(String executable, Duration timeout, int cipherSuite) {
        this.executable = executable;
        this.timeout = timeout;
        this.cipherSuite = cipherSuite;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Runs one command and waits for it, but never longer than {@code budget}; ipmitool's own retries
     * are sized to give up before that.
     *
     * @param verbose adds {@code -v}, which makes ipmitool say why a session could not be opened; it
     *                also changes the output of listing commands, so it is only used to ask why
     * @throws DriverException only when ipmitool cannot be started at all
     */
    IpmitoolResult run(BmcTarget target, Duration budget, boolean verbose, String... command)
            throws DriverException {
        List<String> line = commandLine(target, LanRetries.within(budget), verbose, command);
        String shown = String.join(" ", line);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("marque-ipmitool", ".out");
            err = Files.createTempFile("marque-ipmitool", ".err");
            ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("IPMI_PASSWORD", target.password() == null ? "" : target.password());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw IpmiFailure.toolMissing(executable, e);
            }
            process.getOutputStream().close();
            boolean ended = process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                kill(process);
            }
            return new IpmitoolResult(shown, ended ? process.exitValue() : -1, read(out), read(err), !ended);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IpmiFailure.interrupted(shown);
        } catch (IOException e) {
            throw IpmiFailure.localError(shown, e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    List<String> commandLine(BmcTarget target, LanRetries retries, boolean verbose, String... command) {
        List<String> line = new ArrayList<>(List.of(executable, "-I", "lanplus", "-H", Objects.toString(target.host(), ""),
                "-p", Integer.toString(target.port()), "-U", Objects.toString(target.user(), ""), "-E",
                "-C", Integer.toString(cipherSuite),
                "-N", Integer.toString(retries.intervalSeconds()), "-R", Integer.toString(retries.retries())));
        if (verbose) {
            line.add("-v");
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(GRACE_AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file holds no secret; nothing to do about it here
            }
        }
    }
}
