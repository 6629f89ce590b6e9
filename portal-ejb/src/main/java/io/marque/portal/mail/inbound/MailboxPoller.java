package io.marque.portal.mail.inbound;

import io.marque.portal.mail.MailServerAddress;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.ticket.MailIntake;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * Fetches every reseller's IMAP mailbox on a timer ({@code MARQUE_INBOUND_INTERVAL_MS}, default one
 * minute; 0 turns it off) and hands each unread mail to {@link MailIntake}.
 *
 * <p>Mailboxes are fetched in parallel on a managed executor of their own, at most
 * {@code MARQUE_INBOUND_PARALLEL} (default 16) at once, so one slow server delays only itself and a
 * thousand resellers do not open a thousand connections. Each mail is accepted in its own transaction
 * and marked read only after that committed ({@link ImapInbox}); each mailbox's last poll and error are
 * recorded in a small transaction of their own. Rounds never overlap: a tick that finds the previous
 * round still running is skipped, and one mailbox is never fetched twice at the same time (a reseller's
 * "Check now" during a round answers "busy"). No transaction spans a round.
 *
 * <p>The timer is per node, like the outbox's; two nodes fetching the same mailbox is harmless because
 * a mail accepted twice lands once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxPoller {

    /** The most mails taken from one mailbox in one round; the rest come in the next rounds. */
    public static final int MAX_PER_ROUND = 200;

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class.getName());

    @Resource
    TimerService timers;

    /**
     * An executor of the mailboxes' own (configure.cli), with as many threads as
     * {@code MARQUE_INBOUND_PARALLEL}: the container's default one runs only a few tasks at a time
     * on a small machine, whatever the semaphore below allows, and fetching is waiting on the network.
     */
    @Resource(lookup = "java:jboss/ee/concurrency/executor/marque-mailboxes")
    ManagedExecutorService executor;

    @Inject
    MarqueConfig config;

    @Inject
    Mailboxes mailboxes;

    @Inject
    MailIntake intake;

    private final ReentrantLock round = new ReentrantLock();
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void schedule() {
        long interval = config.inboundIntervalMillis();
        if (interval > 0) {
            timers.createIntervalTimer(interval, interval, new TimerConfig("mailbox-poll", false));
        }
    }

    @Timeout
    void tick() {
        if (!round.tryLock()) {
            return;
        }
        try {
            pollAll();
        } finally {
            round.unlock();
        }
    }

    /**
     * Runs one round now, after the round in progress if there is one, and answers what it did per
     * tenant. For tests and operators; the timer does the same on its own.
     */
    public Map<Long, PollResult> pollNow() {
        round.lock();
        try {
            return pollAll();
        } finally {
            round.unlock();
        }
    }

    /** Fetches one reseller's mailbox now, in the caller's thread ("Check now" on the mailbox page). */
    public PollResult pollTenant(long tenantId) {
        return poll(tenantId);
    }

    private Map<Long, PollResult> pollAll() {
        long started = System.nanoTime();
        List<Long> tenants = mailboxes.pollable();
        Semaphore slots = new Semaphore(config.inboundParallel());
        Map<Long, Future<PollResult>> running = new LinkedHashMap<>();
        for (Long tenantId : tenants) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                running.put(tenantId, executor.submit(() -> {
                    try {
                        return poll(tenantId);
                    } finally {
                        slots.release();
                    }
                }));
            } catch (RejectedExecutionException e) {
                slots.release();
                LOG.log(Level.WARNING, "Mailbox of tenant {0} not fetched this round: {1}",
                        new Object[] {tenantId, e.getMessage()});
            }
        }
        Map<Long, PollResult> results = new LinkedHashMap<>();
        for (Map.Entry<Long, Future<PollResult>> task : running.entrySet()) {
            try {
                results.put(task.getKey(), task.getValue().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "Mailbox of tenant " + task.getKey() + " could not be fetched", e.getCause());
                results.put(task.getKey(), PollResult.failed("mailbox.error.other"));
            }
        }
        int accepted = results.values().stream().mapToInt(PollResult::accepted).sum();
        if (accepted > 0) {
            LOG.log(Level.INFO, "Mailbox round: {0} mailboxes, {1} mails taken in {2} ms", new Object[] {
                    tenants.size(), accepted, (System.nanoTime() - started) / 1_000_000});
        }
        return results;
    }

    private PollResult poll(long tenantId) {
        if (!busy.add(tenantId)) {
            return PollResult.BUSY;
        }
        try {
            ImapAccount account = mailboxes.imapAccount(tenantId).orElse(null);
            if (account == null) {
                return PollResult.failed("error.mailbox.notConfigured");
            }
            Instant started = Instant.now();
            PollResult result = fetch(account);
            mailboxes.recordPoll(tenantId, started, result.error());
            return result;
        } finally {
            busy.remove(tenantId);
        }
    }

    private PollResult fetch(ImapAccount account) {
        if (account.user() == null || account.password() == null) {
            return PollResult.failed("mailbox.error.password");
        }
        String[] intakeError = new String[1];
        try {
            if (!config.mailboxAllowPrivate()) {
                MailServerAddress.requirePublic(account.host());
            }
            ImapInbox.Round done = ImapInbox.fetch(account, MAX_PER_ROUND, raw -> {
                try {
                    intake.accept(account.tenantId(), raw, "imap");
                    return true;
                } catch (RuntimeException e) {
                    // left unread: the next round offers it again
                    LOG.log(Level.WARNING, "Tenant " + account.tenantId() + ": a fetched mail could not be accepted", e);
                    intakeError[0] = "mailbox.error.intake";
                    return false;
                }
            });
            String error = intakeError[0] != null ? intakeError[0] : done.tooLarge() ? "mailbox.error.tooLarge" : null;
            return new PollResult(false, done.accepted(), done.left(), error);
        } catch (Exception e) {
            String key = errorKey(e);
            LOG.log(Level.INFO, "Tenant {0}: mailbox {1} not fetched ({2}): {3}",
                    new Object[] {account.tenantId(), account, key, e.toString()});
            return PollResult.failed(key);
        }
    }

    /**
     * What the reseller is told went wrong, as a message key. The server's own words stay in the log:
     * shown to the reseller they would tell it more about the far end than it needs.
     */
    static String errorKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MailServerAddress.NotPublicException) {
                return "mailbox.error.address";
            }
            if (cause instanceof UnknownHostException) {
                return "mailbox.error.host";
            }
            if (cause instanceof AuthenticationFailedException) {
                return "mailbox.error.auth";
            }
            if (cause instanceof FolderNotFoundException) {
                return "mailbox.error.folder";
            }
            if (cause instanceof SSLException || cause instanceof GeneralSecurityException) {
                return "mailbox.error.tls";
            }
            if (cause instanceof java.io.IOException) {
                return "mailbox.error.connect";
            }
        }
        return "mailbox.error.other";
    }
}
