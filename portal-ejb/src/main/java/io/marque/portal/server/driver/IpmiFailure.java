package io.marque.portal.server.driver;

import io.marque.portal.server.driver.DriverException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns a failed ipmitool run into a {@link DriverException}: a {@link Reason}, a sentence any
 * customer may read, and the technical detail for the provider.
 *
 * <p>ipmitool reports every failure with exit code 1, so the reason comes from what it printed. The
 * texts below are what ipmitool 1.8.19 prints (checked against OpenIPMI's {@code ipmi_sim}):
 * <ul>
 * <li>a wrong password: {@code > RAKP 2 HMAC is invalid}; an unknown user:
 * {@code RAKP 2 message indicates an error : unauthorized name}; a user without the right:
 * {@code … failed: Insufficient privilege level};</li>
 * <li>nothing answering (a closed port, a host that drops the packets):
 * {@code Get Auth Capabilities error} and {@code Error issuing Get Channel Authentication
 * Capabilities request}; a name that does not resolve: {@code Address lookup for … failed};</li>
 * <li>a command the BMC does not do: the completion code, e.g. {@code … failed: Invalid command},
 * {@code Invalid data field in request}, {@code Command not supported in present state};</li>
 * <li>a cipher suite the BMC does not offer ({@code MARQUE_IPMI_CIPHER_SUITE}):
 * {@code Error in open session response message : invalid authentication algorithm}, a failure of
 * the provider's set-up rather than of the credentials.</li>
 * </ul>
 * The session messages (RAKP, Get Auth Capabilities) are only printed with {@code -v}; without it
 * all three session failures read {@code Error: Unable to establish IPMI v2 / RMCP+ session}. Such a
 * failure {@link #needsProbe needs a probe}: the driver asks once more with {@code -v} and classifies
 * that answer. Lines that ipmitool prints on success too (a BMC without the cipher suite question,
 * the IANA registry, HPM and VSO discovery) are ignored.
 */
final class IpmiFailure {

    static final String UNREACHABLE_MESSAGE = "The server's management controller did not answer in time.";
    static final String AUTHENTICATION_MESSAGE = "The server's management controller refused the provider's credentials.";
    static final String UNSUPPORTED_MESSAGE = "The server's management controller does not support this action.";
    static final String FAILED_MESSAGE = "The server's management controller could not carry out the action.";
    static final String TOOL_MESSAGE = "The provider's server management tool is not available.";
    static final String UNREADABLE_MESSAGE = "The server's management controller gave an answer that could not be read.";

    private static final String SESSION_FAILED = "unable to establish ipmi v2 / rmcp+ session";

    private static final List<String> NOISE = List.of(
            "unable to get channel cipher suites",
            "get hpm.x capabilities request failed",
            "loading iana pen registry",
            "running get vso capabilities",
            "invalid completion code received",
            "discovered ipmb address");

    private static final List<String> AUTHENTICATION = List.of(
            "rakp 2 hmac is invalid",
            "rakp 2 message indicates an error",
            "rakp 4 message indicates an error",
            "rakp 4 message has invalid integrity check value",
            "unauthorized name",
            "unauthorized role or privilege level",
            "invalid user name",
            "insufficient privilege level");

    private static final List<String> UNREACHABLE = List.of(
            "get auth capabilities error",
            "error issuing get channel authentication capabilities request",
            "no response from rakp",
            "address lookup for",
            "could not open socket");

    private static final List<String> SESSION_REFUSED = List.of(
            "error in open session response message",
            "unsupported cipher suite");

    private static final List<String> UNSUPPORTED = List.of(
            "invalid command",
            "command not supported in present state",
            "invalid data field in request",
            "parameter not supported",
            "command illegal for specified sensor or record type");

    private static final int MAX_DETAIL = 600;

    private IpmiFailure() {
    }

    /** Why the run failed, judged from what ipmitool printed. */
    static Reason reason(IpmitoolResult result) {
        if (result.timedOut()) {
            return Reason.UNREACHABLE;
        }
        String said = significant(result.stderr()).toLowerCase(Locale.ROOT);
        if (containsAny(said, AUTHENTICATION)) {
            return Reason.AUTHENTICATION;
        }
        if (containsAny(said, UNREACHABLE)) {
            return Reason.UNREACHABLE;
        }
        if (containsAny(said, SESSION_REFUSED)) {
            return Reason.FAILED;
        }
        if (containsAny(said, UNSUPPORTED)) {
            return Reason.UNSUPPORTED;
        }
        return said.contains(SESSION_FAILED) ? Reason.UNREACHABLE : Reason.FAILED;
    }

    /**
     * The session could not be opened and ipmitool did not say why: the generic line without
     * {@code -v}. Asking again with {@code -v} tells a wrong password from a silent BMC.
     */
    static boolean needsProbe(IpmitoolResult result) {
        if (result.timedOut()) {
            return false;
        }
        String said = significant(result.stderr()).toLowerCase(Locale.ROOT);
        return said.contains(SESSION_FAILED) && !containsAny(said, AUTHENTICATION) && !containsAny(said, UNREACHABLE)
                && !containsAny(said, SESSION_REFUSED);
    }

    /** The exception for a failed run. */
    static DriverException of(IpmitoolResult result) {
        return of(reason(result), result);
    }

    /**
     * The exception for a run whose session failed without a reason, explained by a verbose probe. A
     * probe that succeeds means the BMC answered only now: the first run counts as unanswered.
     */
    static DriverException probed(IpmitoolResult result, IpmitoolResult probe) {
        Reason reason = probe.succeeded() ? Reason.UNREACHABLE : reason(probe);
        return new DriverException(reason, message(reason),
                detail(result) + "; asked again with -v: " + trimmed(significant(probe.stderr())));
    }

    /** ipmitool answered with success but not with what the command prints on success. */
    static DriverException unreadable(IpmitoolResult result) {
        return new DriverException(Reason.FAILED, UNREADABLE_MESSAGE,
                detail(result) + "; unexpected output: " + trimmed(result.stdout()));
    }

    static DriverException toolMissing(String executable, IOException cause) {
        return new DriverException(Reason.FAILED, TOOL_MESSAGE, "cannot start ipmitool '" + executable + "' ("
                + cause.getMessage() + "); install the ipmitool package or set MARQUE_IPMITOOL");
    }

    static DriverException interrupted(String commandLine) {
        return new DriverException(Reason.FAILED, FAILED_MESSAGE, commandLine + ": interrupted while waiting");
    }

    static DriverException localError(String commandLine, IOException cause) {
        return new DriverException(Reason.FAILED, FAILED_MESSAGE, commandLine + ": " + cause);
    }

    static String message(Reason reason) {
        return switch (reason) {
            case UNREACHABLE -> UNREACHABLE_MESSAGE;
            case AUTHENTICATION -> AUTHENTICATION_MESSAGE;
            case UNSUPPORTED -> UNSUPPORTED_MESSAGE;
            case FAILED -> FAILED_MESSAGE;
        };
    }

    private static DriverException of(Reason reason, IpmitoolResult result) {
        return new DriverException(reason, message(reason), detail(result));
    }

    /** The command (which holds no password), how it ended and what it said, in one line. */
    static String detail(IpmitoolResult result) {
        String ending = result.timedOut() ? "killed after the deadline" : "exit " + result.exitCode();
        String said = trimmed(significant(result.stderr()));
        return result.commandLine() + ": " + ending + (said.isEmpty() ? "" : ": " + said);
    }

    /** stderr without the lines ipmitool also prints when all goes well. */
    static String significant(String stderr) {
        return stderr.lines().map(String::strip).filter(line -> !line.isEmpty())
                .filter(line -> !containsAny(line.toLowerCase(Locale.ROOT), NOISE))
                .collect(Collectors.joining("\n"));
    }

    private static String trimmed(String text) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " / ");
        return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + " …" : oneLine;
    }

    private static boolean containsAny(String text, List<String> needles) {
        return needles.stream().anyMatch(text::contains);
    }
}
