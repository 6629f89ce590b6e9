package io.marque.portal.tenant;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Domains of tenants. A reseller admin reads its own; the provider admin adds and removes any
 * reseller's. A host name belongs to at most one tenant, a tenant keeps at least one domain, and a
 * change reaches the host map as soon as it commits.
 */
@Stateless
public class DomainService {

    /** Syntax only: the same normalisation the tenant filter applies to a request's Host. */
    private static final HostResolver HOSTS = new HostResolver("");

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<TenantChanged> changed;

    /** The actor's own tenant's domains. */
    public List<DomainView> own(Actor actor) {
        actor.require(Role.RESELLER_ADMIN, Role.PROVIDER_ADMIN);
        return list(actor.tenantId());
    }

    /** Any tenant's domains, for the provider admin. */
    /** A reseller's domains, for provider staff (agents read the reseller's page too; changing them is the admin's). */
    public List<DomainView> of(Actor actor, long tenantId) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        requireTenant(tenantId);
        return list(tenantId);
    }

    public DomainView add(Actor actor, long tenantId, String host) {
        actor.require(Role.PROVIDER_ADMIN);
        Tenant tenant = requireTenant(tenantId);
        String name = normalise(host);
        boolean first = list(tenantId).isEmpty();
        Domain domain = new Domain(tenantId, name, first, Instant.now());
        em.persist(domain);
        em.flush();
        audit.recordOn(tenantId, actor, "domain.added", name, tenant.getName());
        changed.fire(new TenantChanged(tenantId));
        return DomainView.of(domain);
    }

    public void remove(Actor actor, long domainId) {
        actor.require(Role.PROVIDER_ADMIN);
        Domain domain = em.find(Domain.class, domainId);
        if (domain == null) {
            throw new NotFoundException("Domain");
        }
        List<DomainView> all = list(domain.getTenantId());
        if (all.size() == 1) {
            throw new InvalidInputException("", "error.domain.last");
        }
        // a host the reseller proved is removed with its claim (its certificate and keys go with it)
        if (em.createQuery("select count(c) from CustomDomain c where c.domainId = :id", Long.class)
                .setParameter("id", domainId).getSingleResult() > 0) {
            throw new InvalidInputException("", "error.domain.fromClaim");
        }
        em.remove(domain);
        if (domain.isPrimary()) {
            Domain next = em.find(Domain.class, all.stream().filter(d -> d.id() != domainId).findFirst().orElseThrow().id());
            next.setPrimary(true);
        }
        audit.recordOn(domain.getTenantId(), actor, "domain.removed", domain.getHost(),
                em.find(Tenant.class, domain.getTenantId()).getName());
        changed.fire(new TenantChanged(domain.getTenantId()));
    }

    public void makePrimary(Actor actor, long domainId) {
        actor.require(Role.PROVIDER_ADMIN);
        Domain domain = em.find(Domain.class, domainId);
        if (domain == null) {
            throw new NotFoundException("Domain");
        }
        for (Domain other : em.createNamedQuery("Domain.ofTenant", Domain.class)
                .setParameter("tenant", domain.getTenantId()).getResultList()) {
            other.setPrimary(other.getId().equals(domain.getId()));
        }
        audit.recordOn(domain.getTenantId(), actor, "domain.primary", domain.getHost(), null);
        changed.fire(new TenantChanged(domain.getTenantId()));
    }

    /** A valid, unused host name, normalised; refuses anything else with a clear error. */
    public String normalise(String host) {
        String name = host == null ? "" : host.strip();
        if (name.isEmpty() || name.contains(":") || name.contains("/")) {
            throw new InvalidInputException("domain", "error.domain.invalid");
        }
        name = HOSTS.resolve(name, null, null).filter(h -> h.contains(".") && !h.matches("[0-9.]+"))
                .orElseThrow(() -> new InvalidInputException("domain", "error.domain.invalid"));
        if (!em.createNamedQuery("Domain.byHost", Domain.class).setParameter("host", name).getResultList().isEmpty()) {
            throw new InvalidInputException("domain", "error.domain.taken");
        }
        return name;
    }

    private List<DomainView> list(long tenantId) {
        return em.createNamedQuery("Domain.ofTenant", Domain.class).setParameter("tenant", tenantId)
                .getResultStream().map(DomainView::of).toList();
    }

    private Tenant requireTenant(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new NotFoundException("Tenant");
        }
        return tenant;
    }
}
