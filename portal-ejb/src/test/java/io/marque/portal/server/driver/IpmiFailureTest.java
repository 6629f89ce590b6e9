package io.marque.portal.server.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.server.driver.DriverException.Reason;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classifying ipmitool's failures. Every standard error text here was captured from ipmitool 1.8.19
 * ({@code -I lanplus -C 3}) against OpenIPMI's ipmi_sim, a port nobody listens on, and a name that
 * does not resolve.
 */
class IpmiFailureTest {

    private static final String COMMAND = "ipmitool -I lanplus -H 10.0.0.7 -p 623 -U ops -E -C 3 -N 1 -R 2 chassis power status";

    /** Without -v, a wrong password, an unknown user and a silent port all read the same. */
    private static final String SESSION_FAILED = "Error: Unable to establish IPMI v2 / RMCP+ session\n";

    private static final String WRONG_PASSWORD_VERBOSE = """
            Loading IANA PEN Registry...
            > RAKP 2 HMAC is invalid
            Error: Unable to establish IPMI v2 / RMCP+ session
            """;

    private static final String UNKNOWN_USER_VERBOSE = """
            Loading IANA PEN Registry...
            RAKP 2 message indicates an error : unauthorized name
            Error: Unable to establish IPMI v2 / RMCP+ session
            """;

    private static final String NOBODY_ANSWERS_VERBOSE = """
            Loading IANA PEN Registry...
            Get Auth Capabilities error
            Error issuing Get Channel Authentication Capabilities request
            Error: Unable to establish IPMI v2 / RMCP+ session
            """;

    private static final String NAME_DOES_NOT_RESOLVE = """
            Address lookup for nosuchhost.invalid failed
            Could not open socket!
            Error: Unable to establish IPMI v2 / RMCP+ session
            """;

    /** A user whose privilege is "user" asking for power on (ipmitool -L USER). */
    private static final String INSUFFICIENT_PRIVILEGE = """
            Get HPM.x Capabilities request failed, compcode = d4
            Set Chassis Power Control to Up/On failed: Insufficient privilege level
            """;

    private static final String DIAG_INTERRUPT = "Set Chassis Power Control to Diag failed: Invalid data field in request\n";

    private static final String UNKNOWN_COMMAND =
            "Unable to send RAW command (channel=0x0 netfn=0x30 lun=0x0 cmd=0x99 rsp=0xc1): Invalid command\n";

    /** ipmitool -C 17 against a BMC that offers only suite 3. */
    private static final String CIPHER_SUITE_REFUSED = """
            Error in open session response message : invalid authentication algorithm

            Error: Unable to establish IPMI v2 / RMCP+ session
            """;

    /** chassis bootdev safe on ipmi_sim, which knows no such device: note the exit code 0. */
    private static final String BOOT_PARAMETER_FAILED = "Set Chassis Boot Parameter 5 failed: Unspecified error\n";

    @Test
    void wrongCredentialsAreAuthenticationFailures() {
        assertEquals(Reason.AUTHENTICATION, reasonOf(WRONG_PASSWORD_VERBOSE));
        assertEquals(Reason.AUTHENTICATION, reasonOf(UNKNOWN_USER_VERBOSE));
        assertEquals(Reason.AUTHENTICATION, reasonOf(INSUFFICIENT_PRIVILEGE));
    }

    @Test
    void silenceAndUnknownNamesAreUnreachable() {
        assertEquals(Reason.UNREACHABLE, reasonOf(NOBODY_ANSWERS_VERBOSE));
        assertEquals(Reason.UNREACHABLE, reasonOf(NAME_DOES_NOT_RESOLVE));
        assertEquals(Reason.UNREACHABLE, reasonOf(SESSION_FAILED));
        assertEquals(Reason.UNREACHABLE, IpmiFailure.reason(new IpmitoolResult(COMMAND, -1, "", "", true)));
    }

    @Test
    void commandsTheBmcDoesNotDoAreUnsupported() {
        assertEquals(Reason.UNSUPPORTED, reasonOf(DIAG_INTERRUPT));
        assertEquals(Reason.UNSUPPORTED, reasonOf(UNKNOWN_COMMAND));
    }

    @Test
    void everythingElseFailed() {
        assertEquals(Reason.FAILED, reasonOf(CIPHER_SUITE_REFUSED));
        assertEquals(Reason.FAILED, reasonOf(BOOT_PARAMETER_FAILED));
        assertEquals(Reason.FAILED, reasonOf(""));
    }

    @Test
    void linesPrintedOnSuccessTooAreIgnored() {
        // without -C, ipmitool 1.8.19 prints this on every successful command against ipmi_sim
        assertEquals("", IpmiFailure.significant("Unable to Get Channel Cipher Suites\n"));
        assertEquals("", IpmiFailure.significant("""
                Loading IANA PEN Registry...
                Running Get VSO Capabilities my_addr 0x20, transit 0, target 0x20
                Invalid completion code received: Invalid command
                Discovered IPMB address 0x0
                """));
        assertEquals(Reason.FAILED, reasonOf("Running Get VSO Capabilities my_addr 0x20, transit 0, target 0x20\n"
                + "Invalid completion code received: Invalid command\n"));
    }

    @Test
    void onlyTheBareSessionFailureNeedsAProbe() {
        assertTrue(IpmiFailure.needsProbe(result(SESSION_FAILED)));
        for (String explained : List.of(WRONG_PASSWORD_VERBOSE, UNKNOWN_USER_VERBOSE, NOBODY_ANSWERS_VERBOSE,
                NAME_DOES_NOT_RESOLVE, CIPHER_SUITE_REFUSED, DIAG_INTERRUPT)) {
            assertFalse(IpmiFailure.needsProbe(result(explained)), explained);
        }
        assertFalse(IpmiFailure.needsProbe(new IpmitoolResult(COMMAND, -1, "", SESSION_FAILED, true)));
    }

    @Test
    void theProbeSaysWhyTheSessionFailed() {
        assertEquals(Reason.AUTHENTICATION, IpmiFailure.probed(result(SESSION_FAILED), result(WRONG_PASSWORD_VERBOSE)).reason());
        assertEquals(Reason.AUTHENTICATION, IpmiFailure.probed(result(SESSION_FAILED), result(UNKNOWN_USER_VERBOSE)).reason());
        assertEquals(Reason.UNREACHABLE, IpmiFailure.probed(result(SESSION_FAILED), result(NOBODY_ANSWERS_VERBOSE)).reason());
        IpmitoolResult answeredNow = new IpmitoolResult(COMMAND, 0, "Chassis Power is on\n", "", false);
        assertEquals(Reason.UNREACHABLE, IpmiFailure.probed(result(SESSION_FAILED), answeredNow).reason());
    }

    @Test
    void theMessageIsForCustomersAndTheDetailForTheProvider() {
        DriverException e = IpmiFailure.probed(result(SESSION_FAILED), result(WRONG_PASSWORD_VERBOSE));
        assertEquals("The server's management controller refused the provider's credentials.", e.getMessage());
        assertEquals(COMMAND + ": exit 1: Error: Unable to establish IPMI v2 / RMCP+ session; asked again with -v: "
                + "> RAKP 2 HMAC is invalid / Error: Unable to establish IPMI v2 / RMCP+ session", e.detail());

        for (Reason reason : Reason.values()) {
            String message = IpmiFailure.message(reason);
            for (String secret : List.of("10.0.0.7", "623", "ops", "IPMI", "ipmitool", "BMC")) {
                assertFalse(message.contains(secret), message);
            }
        }
        assertEquals(COMMAND + ": killed after the deadline",
                IpmiFailure.of(new IpmitoolResult(COMMAND, -1, "", "", true)).detail());
    }

    @Test
    void aMissingToolSaysWhatToDo() {
        DriverException e = IpmiFailure.toolMissing("/opt/nothing/ipmitool",
                new IOException("Cannot run program \"/opt/nothing/ipmitool\": error=2, No such file or directory"));
        assertEquals(Reason.FAILED, e.reason());
        assertEquals("The provider's server management tool is not available.", e.getMessage());
        assertTrue(e.detail().contains("/opt/nothing/ipmitool") && e.detail().contains("MARQUE_IPMITOOL"), e.detail());
    }

    private static Reason reasonOf(String stderr) {
        return IpmiFailure.of(result(stderr)).reason();
    }

    private static IpmitoolResult result(String stderr) {
        return new IpmitoolResult(COMMAND, 1, "", stderr, false);
    }
}
