package io.marque.portal.server.driver;

/**
 * A driver could not do what was asked. {@link #getMessage()} is safe to show to any user (it names
 * no address, credential or provider); {@link #detail()} is the technical cause for the provider.
 */
public class DriverException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why it failed, so a job can say it plainly. */
    public enum Reason {
        /** Nothing answered within the timeout. */
        UNREACHABLE,
        /** The device answered but refused the credentials. */
        AUTHENTICATION,
        /** The device cannot do this. */
        UNSUPPORTED,
        /** The device answered with an error. */
        FAILED
    }

    private final Reason reason;
    private final String detail;

    public DriverException(Reason reason, String message, String detail) {
        super(message);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
