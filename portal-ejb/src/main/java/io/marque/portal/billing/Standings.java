package io.marque.portal.billing;

import io.marque.portal.billing.account.Account;
import io.marque.portal.billing.discount.Standing;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a reseller's discount depends on, measured live: its servers in service, and its turnover — the
 * invoices it paid the provider in the month-long window ending {@code today} (the days after the same
 * date a month earlier, up to and including today). Measured at the moment of asking, so a discount
 * earned today is never carried into a window whose payments no longer reach it.
 */
@Stateless
public class Standings {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public Standing of(long resellerTenantId, LocalDate today) {
        return new Standing(activeServers(resellerTenantId), turnover(resellerTenantId, today));
    }

    public int activeServers(long resellerTenantId) {
        return em.createQuery("select count(s) from Server s where s.tenantId = :tenant"
                + " and s.status <> io.marque.portal.server.ServerStatus.TERMINATED", Long.class)
                .setParameter("tenant", resellerTenantId).getSingleResult().intValue();
    }

    public BigDecimal turnover(long resellerTenantId, LocalDate today) {
        BigDecimal paid = em.createQuery("select coalesce(sum(e.amount), 0) from LedgerEntry e, Account a"
                + " where a.id = e.accountId and a.tenantId = :tenant and a.customerKey = :reseller and e.tenantId = :tenant"
                + " and e.kind = io.marque.portal.billing.account.LedgerKind.INVOICE_PAYMENT"
                + " and e.createdAt >= :from and e.createdAt < :until", BigDecimal.class)
                .setParameter("tenant", resellerTenantId).setParameter("reseller", Account.RESELLER)
                .setParameter("from", windowStart(today).atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter("until", today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .getSingleResult();
        return paid.negate().stripTrailingZeros().max(BigDecimal.ZERO);
    }

    /** The first day of the window ending {@code today}, as {@link io.marque.portal.billing.discount.RollingTurnover#turnover}. */
    public static LocalDate windowStart(LocalDate today) {
        return today.minusMonths(1).plusDays(1);
    }
}
