package io.marque.portal.domains.acme;

/**
 * Registration or issuance did not succeed. {@link #getMessage()} is a sentence fit to show the reseller
 * whose host it is (it may quote the certificate authority's problem detail, such as "Connection refused"
 * for the challenge URL, which is about the reseller's own host); it never holds a stack trace or the
 * account key. {@link #detail()} is the technical account for the provider's log.
 */
public class AcmeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String detail;

    public AcmeFailure(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    public AcmeFailure(String message, String detail) {
        this(message, detail, null);
    }

    /** What went wrong in technical terms (problem type, URLs, exception), for the provider's log. */
    public String detail() {
        return detail;
    }
}
