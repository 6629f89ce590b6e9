package io.marque.portal.domains;

import io.marque.portal.domains.acme.CertificateFiles;
import io.marque.portal.domains.acme.IssuedCertificate;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The certificate directory the TLS front end serves ({@code MARQUE_CERT_DIR}, see
 * {@code docs/tls-front-end.md}): {@code <host>.crt} and {@code <host>.key} per proven host. The
 * database holds every certificate, so the directory can always be written again ({@link #writeAll}).
 */
@ApplicationScoped
public class CertificateFileDrop {

    private static final Logger LOG = Logger.getLogger(CertificateFileDrop.class.getName());

    @Inject
    DomainSettings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void write(String host, IssuedCertificate certificate) {
        try {
            new CertificateFiles(settings.certDir()).write(host, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the certificate of " + host + " to " + settings.certDir(), e);
        }
    }

    /** Writes every stored certificate (at start, so a new node or an emptied directory has them all). */
    public int writeAll(Iterable<Certificates.Stored> stored) {
        int written = 0;
        for (Certificates.Stored s : stored) {
            try {
                write(s.host(), s.certificate());
                written++;
            } catch (UncheckedIOException e) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        return written;
    }

    /** Removes a host's files once the transaction removing its domain has committed. */
    public void removeAfterCommit(String host) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        new CertificateFiles(settings.certDir()).remove(host);
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "Removing the certificate files of " + host, e);
                    }
                }
            }
        });
    }
}
