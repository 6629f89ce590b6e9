package io.marque.portal.billing;

import io.marque.portal.billing.order.Orders;
import io.marque.portal.billing.order.Renewals;
import io.marque.portal.platform.MarqueConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily billing run, at {@code MARQUE_BILLING_HOUR} (UTC, default 2): renewal invoices to customers,
 * the month's consolidated invoices to resellers (every day of the month, so a missed day catches up; a
 * reseller's month is billed once), paid orders still waiting for a server, and each reseller's tier from
 * its rolling turnover. Each step is idempotent for a day, and {@link #run(LocalDate)} takes the day as a
 * parameter so tests drive it with a chosen clock.
 * Off with {@code MARQUE_BILLING_RUN=false}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingRun {

    private static final Logger LOG = Logger.getLogger(BillingRun.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MarqueConfig config;

    @Inject
    Renewals renewals;

    @Inject
    Orders orders;

    @Inject
    io.marque.portal.reseller.ResellerTerms terms;

    @PostConstruct
    void schedule() {
        if (!config.flag("MARQUE_BILLING_RUN", true)) {
            return;
        }
        int hour = config.intValue("MARQUE_BILLING_HOUR", 2);
        timers.createCalendarTimer(new ScheduleExpression().hour(hour).minute(15).timezone("UTC"),
                new TimerConfig("billing-run", false));
    }

    @Timeout
    void daily() {
        run(LocalDate.now(ZoneOffset.UTC));
    }

    /** One day's billing; each step logs and goes on when another fails. */
    public Summary run(LocalDate today) {
        int renewed = step("renewals", () -> renewals.renewCustomers(today));
        int consolidated = step("consolidation", () -> renewals.consolidate(YearMonth.from(today), today));
        int provisioned = step("provisioning", () -> orders.retryProvisioning());
        int tiers = step("tiers", () -> terms.recomputeTiers(today).size());
        Summary summary = new Summary(renewed, consolidated, provisioned, tiers);
        LOG.log(Level.INFO, "Billing run for {0}: {1}", new Object[] {today, summary});
        return summary;
    }

    private static int step(String name, java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Billing step " + name + " failed; it runs again tomorrow", e);
            return 0;
        }
    }

    public record Summary(int renewals, int consolidated, int provisioned, int tierChanges) {
    }
}
