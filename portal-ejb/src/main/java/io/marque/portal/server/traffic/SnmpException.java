package io.marque.portal.server.traffic;

/**
 * A switch port's counters could not be read over SNMP. {@link #getMessage()} is safe to show to the
 * provider's staff and to log: it names neither the switch nor the community.
 */
public class SnmpException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the read failed. */
    public enum Reason {
        /**
         * Nothing answered in time. SNMP v2c gives no error for a wrong community, the agent stays
         * silent, so a wrong community ends here too.
         */
        NO_ANSWER("The switch did not answer: a wrong address or community, or it is unreachable."),
        /** The switch answered, but has no interface with this ifIndex. */
        NO_SUCH_PORT("The switch has no port with this interface index."),
        /** snmpget could not be run, or its answer could not be read. */
        FAILED("The switch's counters could not be read.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public SnmpException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
