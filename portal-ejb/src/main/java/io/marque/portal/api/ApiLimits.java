package io.marque.portal.api;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The API's rate limits per reseller, set by provider admins; a reseller without its own limits has the
 * installation's ({@code MARQUE_API_RATE_PER_MINUTE}, {@code MARQUE_API_BURST}). Each key and each client
 * address of a reseller has a bucket of that size.
 */
@Stateless
public class ApiLimits {

    /** The most a provider may allow: far above what one portal node serves. */
    static final int MAX_PER_MINUTE = 1_000_000;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    MarqueConfig config;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<ApiLimitsChanged> changed;

    /** Requests a minute and burst. */
    public record Limits(int perMinute, int burst) {
    }

    /** Fired when a provider admin changes a reseller's limits, so buckets are sized again. */
    public record ApiLimitsChanged(long tenantId) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Limits of(long tenantId) {
        ApiLimit own = em.find(ApiLimit.class, tenantId);
        return own != null ? new Limits(own.getRequestsPerMinute(), own.getBurst()) : defaults();
    }

    /** The reseller's own limits, if the provider set any. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<Limits> own(long tenantId) {
        ApiLimit own = em.find(ApiLimit.class, tenantId);
        return own == null ? java.util.Optional.empty() : java.util.Optional.of(new Limits(own.getRequestsPerMinute(), own.getBurst()));
    }

    public Limits defaults() {
        return new Limits(config.intValue("MARQUE_API_RATE_PER_MINUTE", 600), config.intValue("MARQUE_API_BURST", 60));
    }

    /** A provider admin sets a reseller's limits, or with {@code null}s puts it back on the defaults. */
    public void set(Actor actor, long resellerId, Integer perMinute, Integer burst) {
        actor.require(Role.PROVIDER_ADMIN);
        Tenant reseller = em.find(Tenant.class, resellerId);
        if (reseller == null || reseller.getKind() != TenantKind.RESELLER) {
            throw new NotFoundException("Reseller");
        }
        ApiLimit own = em.find(ApiLimit.class, resellerId);
        if (perMinute == null && burst == null) {
            if (own != null) {
                em.remove(own);
            }
        } else {
            if (perMinute == null || perMinute < 1 || perMinute > MAX_PER_MINUTE) {
                throw new InvalidInputException("perMinute", "api.error.rate");
            }
            if (burst == null || burst < 1 || burst > MAX_PER_MINUTE) {
                throw new InvalidInputException("burst", "api.error.burst");
            }
            if (own == null) {
                em.persist(new ApiLimit(resellerId, perMinute, burst));
            } else {
                own.set(perMinute, burst);
            }
        }
        audit.recordOn(resellerId, actor, "api.limits.changed", reseller.getName(),
                perMinute == null ? "defaults" : perMinute + "/min, burst " + burst);
        changed.fire(new ApiLimitsChanged(resellerId));
    }
}
