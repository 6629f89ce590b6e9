package io.marque.portal.server.dns;

/**
 * The DNS server refused or did not answer. {@link #getMessage()} is safe for any user;
 * {@link #detail()} is the technical cause for the provider.
 */
public class DnsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String detail;

    public DnsException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
