package io.marque.portal.domains;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the certificate directory from the database at start, then orders due certificates and
 * renewals every five minutes ({@code MARQUE_ACME_INTERVAL_MS}; 0 turns it off, as the integration tests
 * do to order when they choose). Nothing is ordered unless {@code MARQUE_ACME_DIRECTORY} is set.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateTimer {

    private static final Logger LOG = Logger.getLogger(CertificateTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DomainSettings settings;

    @Inject
    CertificateIssuance issuance;

    @Inject
    Certificates certificates;

    @Inject
    CertificateFileDrop files;

    @PostConstruct
    void schedule() {
        try {
            files.writeAll(certificates.stored());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The certificate directory could not be written at start", e);
        }
        long interval = settings.acmeIntervalMs();
        if (interval > 0) {
            timers.createIntervalTimer(interval, interval, new TimerConfig("certificates", false));
        }
    }

    @Timeout
    void tick() {
        try {
            issuance.renewDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Certificates were not ordered this round", e);
        }
    }
}
