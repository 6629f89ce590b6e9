package io.marque.portal.reseller;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.Standings;
import io.marque.portal.billing.discount.DiscountPolicy;
import io.marque.portal.billing.discount.FixedPercentage;
import io.marque.portal.billing.discount.RollingTurnover;
import io.marque.portal.billing.discount.VolumeByServers;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What billing asks the reseller program about one reseller: which discount policy it is on, which tier
 * a turnover reaches, and whether it may order. Also the daily tier recompute, which stores each
 * reseller's tier from its rolling turnover (the caller's timer decides when).
 *
 * <p>Tiers compare a turnover with thresholds in the program's tier currency. A reseller billed in
 * another currency keeps the tier it has: amounts of two currencies are never compared or converted
 * (law 6).
 */
@Stateless
public class ResellerTerms {

    private static final Logger LOG = Logger.getLogger(ResellerTerms.class.getName());

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Standings standings;

    @Inject
    AuditRecorder audit;

    /**
     * The reseller's discount policy: FIXED its own percentage, or the program's default while it has
     * none; VOLUME by active servers; TURNOVER the example rolling turnover table.
     *
     * @throws NotFoundException when there is no such reseller
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DiscountPolicy policyOf(long resellerTenantId) {
        return policy(profile(resellerTenantId), program());
    }

    /** The program's tier thresholds. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Tiers tiers() {
        return program().tiers();
    }

    /**
     * The tier a rolling turnover reaches.
     *
     * @throws Money.CurrencyMismatchException when the turnover is not in the program's tier currency
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Tier tierFor(Money turnover) {
        return tiers().tierFor(turnover);
    }

    /**
     * Whether a tenant may place new orders: only while active. An inactive reseller's portal keeps
     * working for what exists; a suspended one's is closed altogether. An unknown tenant may not.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean mayOrder(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        return tenant != null && tenant.getStatus() == TenantStatus.ACTIVE;
    }

    /**
     * Stores every reseller's tier as its rolling turnover ending {@code today} reaches it, and records
     * each change in the reseller's and the provider's activity log. Resellers billed in another currency
     * than the thresholds keep their tier.
     *
     * @return the resellers whose tier changed
     */
    public List<TierChange> recomputeTiers(LocalDate today) {
        Tiers tiers = tiers();
        Long providerId = em.createNamedQuery("Tenant.provider", Tenant.class).getResultStream().findFirst()
                .map(Tenant::getId).orElse(null);
        List<TierChange> changes = new ArrayList<>();
        List<Object[]> rows = em.createQuery("select p, t from ResellerProfile p, io.marque.portal.tenant.Tenant t"
                + " where t.id = p.tenantId order by p.tenantId", Object[].class).getResultList();
        for (Object[] row : rows) {
            ResellerProfile profile = (ResellerProfile) row[0];
            Tenant tenant = (Tenant) row[1];
            if (!tenant.getCurrency().equals(tiers.currency())) {
                LOG.fine(() -> tenant.getSlug() + " is billed in " + tenant.getCurrency() + ", the tiers are in "
                        + tiers.currency() + ": its tier stays " + profile.getTier());
                continue;
            }
            Money turnover = new Money(standings.turnover(tenant.getId(), today), tenant.getCurrency());
            Tier tier = tiers.tierFor(turnover);
            profile.setTierCheckedOn(today);
            if (tier != profile.getTier()) {
                changes.add(new TierChange(tenant.getId(), profile.getTier(), tier));
                String detail = profile.getTier() + " → " + tier + ", turnover " + turnover + " in the month to " + today;
                profile.setTier(tier);
                audit.recordAnonymous(tenant.getId(), "system", "reseller.tier.changed", tenant.getName(), detail, null);
                if (providerId != null) {
                    audit.recordAnonymous(providerId, "system", "reseller.tier.changed", tenant.getName(), detail, null);
                }
            }
        }
        return changes;
    }

    static DiscountPolicy policy(ResellerProfile profile, ProgramSettings program) {
        return switch (profile.getDiscountPolicy()) {
            case FIXED -> new FixedPercentage(profile.getDiscountPercent() != null ? profile.getDiscountPercent()
                    : program.getDefaultDiscount());
            case VOLUME -> new VolumeByServers();
            case TURNOVER -> RollingTurnover.example();
        };
    }

    /** A reseller's profile; a reseller made before profiles existed and missed by the migration gets the defaults. */
    private ResellerProfile profile(long resellerTenantId) {
        Tenant tenant = reseller(resellerTenantId);
        ResellerProfile profile = em.find(ResellerProfile.class, resellerTenantId);
        return profile != null ? profile : new ResellerProfile(resellerTenantId, tenant.getName());
    }

    private Tenant reseller(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || tenant.getKind() != TenantKind.RESELLER) {
            throw new NotFoundException("Reseller");
        }
        return tenant;
    }

    private ProgramSettings program() {
        return em.find(ProgramSettings.class, ProgramSettings.ID);
    }
}
