package io.marque.portal.domains;

import io.marque.portal.domains.acme.AcmeFailure;
import io.marque.portal.domains.acme.AcmeIssuer;
import io.marque.portal.domains.acme.ChallengeBoard;
import io.marque.portal.domains.acme.IssuedCertificate;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Orders the certificates that are due from the configured ACME CA ({@code MARQUE_ACME_DIRECTORY}) and
 * hands them to the front end's file drop. Runs outside any transaction: an order takes seconds of
 * network exchange, and each of its steps ({@link Certificates#begin}, the challenges, the outcome)
 * commits on its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateIssuance {

    private static final Logger LOG = Logger.getLogger(CertificateIssuance.class.getName());
    static final Duration ORDER_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    DomainSettings settings;

    @Inject
    Certificates certificates;

    @Inject
    AcmeAccounts accounts;

    @Inject
    AcmeChallenges challenges;

    @Inject
    CertificateFileDrop files;

    /**
     * Orders every due certificate (new ones, failed ones whose pause is over, and those within
     * {@code MARQUE_ACME_RENEW_DAYS} of their end), one after another.
     *
     * @param now the moment that decides what is due (a test passes a later one to see renewals)
     * @return how many were issued
     */
    public int renewDue(Instant now) {
        Optional<URI> directory = settings.acmeDirectory();
        if (directory.isEmpty()) {
            return 0;
        }
        int issued = 0;
        for (long id : certificates.due(now)) {
            if (obtain(directory.get(), id, now)) {
                issued++;
            }
        }
        return issued;
    }

    /** The order's challenges, answered by whichever node the CA reaches. */
    private ChallengeBoard board() {
        return new ChallengeBoard() {
            @Override
            public void publish(String host, String token, String content) {
                challenges.publish(host, token, content);
            }

            @Override
            public void withdraw(String host, String token) {
                challenges.withdraw(host, token);
            }
        };
    }

    private boolean obtain(URI directory, long certificateId, Instant now) {
        Optional<String> host = certificates.begin(certificateId, now);
        if (host.isEmpty()) {
            return false;
        }
        try {
            AcmeIssuer issuer = new AcmeIssuer(directory, settings.acmeTrust(), ORDER_TIMEOUT);
            KeyPair account = accounts.key(issuer, directory.toString(), settings.acmeEmail());
            IssuedCertificate certificate = issuer.issue(account, host.get(), board());
            certificates.issued(certificateId, certificate, Instant.now());
            files.write(host.get(), certificate);
            return true;
        } catch (AcmeFailure e) {
            certificates.failed(certificateId, e.getMessage(), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ordering a certificate for " + host.get() + " failed", e);
            certificates.failed(certificateId, "The order could not be completed; it is tried again later.", Instant.now());
        }
        return false;
    }
}
