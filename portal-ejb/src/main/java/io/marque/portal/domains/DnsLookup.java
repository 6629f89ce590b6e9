package io.marque.portal.domains;

import java.util.List;
import java.util.Optional;

/**
 * The three questions a domain check asks DNS. An empty answer means the name or the record does not
 * exist; a server that does not answer (time-out, SERVFAIL, REFUSED) is {@link Unavailable}, which a
 * check must not read as "the record is gone".
 */
public interface DnsLookup {

    /** The CNAME's target without the final dot, lower case. */
    Optional<String> cname(String name) throws Unavailable;

    /** The A and AAAA addresses, as text. */
    List<String> addresses(String name) throws Unavailable;

    /** Each TXT record's strings joined, as RFC 7208 and RFC 6376 read them. */
    List<String> txt(String name) throws Unavailable;

    /** DNS gave no answer we can believe either way. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
