package io.marque.portal.domains.acme;

/**
 * Where {@link AcmeIssuer} puts the answer to an HTTP-01 challenge so that the certificate authority can
 * fetch it from {@code http://<host>/.well-known/acme-challenge/<token>}.
 *
 * <p>The portal answers that path itself, from whatever this board holds, so the board is shared by
 * every node that may receive the CA's request (in the portal: a database table written in its own
 * transaction, committed before {@link #publish} returns). The issuer publishes before it asks the CA to
 * validate and withdraws when the order is over, successful or not.
 */
public interface ChallengeBoard {

    /**
     * Makes {@code content} the answer for the token on that host; must be visible to the CA when this
     * returns.
     *
     * @param host    the lower-case host name being validated
     * @param token   the challenge's token (base64url characters only, as RFC 8555 requires)
     * @param content the key authorization to answer with, as {@code text/plain}, nothing appended
     */
    void publish(String host, String token, String content);

    /** Forgets the answer; withdrawing what is not there is fine. */
    void withdraw(String host, String token);
}
