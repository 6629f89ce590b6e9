package io.marque.portal.tenant;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.PasswordResetService;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.platform.Problems;
import io.marque.portal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The provider's side of the reseller program as far as tenancy goes: list resellers, create one
 * (tenant, brand, first domain and an invited admin in one transaction), suspend, deactivate and reactivate.
 */
@Stateless
public class ResellerAdministration {

    /** A tenant's short name: 2 to 63 lower-case letters, digits and hyphens, not starting with a hyphen. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainService domains;

    @Inject
    Themes themes;

    @Inject
    PasswordResetService links;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<TenantChanged> changed;

    @Inject
    Event<TenantCreated> created;

    public List<ResellerView> list(Actor actor) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        return em.createQuery("select new io.marque.portal.tenant.ResellerView(t.id, t.slug, t.name, t.status, t.theme,"
                + " (select min(d.host) from Domain d where d.tenantId = t.id and d.primary = true),"
                + " (select count(d2) from Domain d2 where d2.tenantId = t.id), t.createdAt)"
                + " from Tenant t where t.kind = io.marque.portal.tenant.TenantKind.RESELLER order by t.name, t.id",
                ResellerView.class).getResultList();
    }

    public ResellerView get(Actor actor, long tenantId) {
        return list(actor).stream().filter(r -> r.id() == tenantId).findFirst()
                .orElseThrow(() -> new NotFoundException("Reseller"));
    }

    public ResellerView create(Actor actor, NewReseller request, Locale locale) {
        actor.require(Role.PROVIDER_ADMIN);
        Problems problems = new Problems();
        String name = problems.check(() -> Fields.text("name", request.name(), 120));
        String slug = request.slug() == null ? "" : request.slug().strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            problems.add("slug", "error.slug.invalid");
        } else if (!em.createNamedQuery("Tenant.bySlug", Tenant.class).setParameter("slug", slug).getResultList().isEmpty()) {
            problems.add("slug", "error.slug.taken");
        }
        String host = problems.check(() -> domains.normalise(request.domain()));
        String support = problems.check(() -> Fields.email("supportEmail", request.supportEmail()));
        String adminName = problems.check(() -> Fields.text("adminName", request.adminName(), 160));
        String adminEmail = problems.check(() -> Fields.email("adminEmail", request.adminEmail()));
        String theme = request.theme() == null || request.theme().isBlank() ? "base" : request.theme();
        if (!themes.registry().names().contains(theme)) {
            problems.add("theme", "error.theme.unknown");
        }
        problems.throwIfAny();
        Instant now = Instant.now();
        Tenant tenant = new Tenant(TenantKind.RESELLER, slug, name, theme, now);
        em.persist(tenant);
        em.flush();
        String primary = themes.registry().theme(theme).property("color.primary");
        String accent = themes.registry().theme(theme).property("color.accent");
        em.persist(new Brand(tenant.getId(), name, support, primary == null ? "#2f6fed" : primary,
                accent == null ? "#f59e0b" : accent, now));
        em.persist(new Domain(tenant.getId(), host, true, now));
        User admin = new User(tenant.getId(), adminEmail, adminName, EnumSet.of(Role.RESELLER_ADMIN), UserStatus.INVITED, now);
        em.persist(admin);
        em.flush();
        created.fire(new TenantCreated(tenant.getId(), TenantKind.RESELLER, name));
        changed.fire(new TenantChanged(tenant.getId()));
        audit.record(actor, "reseller.created", name, "domain " + host + ", admin " + adminEmail);
        links.sendInvitation(admin, locale);
        return get(actor, tenant.getId());
    }

    public void setStatus(Actor actor, long tenantId, TenantStatus status) {
        actor.require(Role.PROVIDER_ADMIN);
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || tenant.getKind() != TenantKind.RESELLER) {
            throw new NotFoundException("Reseller");
        }
        tenant.setStatus(status);
        String action = switch (status) {
            case ACTIVE -> "reseller.reactivated";
            case SUSPENDED -> "reseller.suspended";
            case INACTIVE -> "reseller.deactivated";
        };
        audit.recordOn(tenantId, actor, action, tenant.getName(), null);
        changed.fire(new TenantChanged(tenantId));
    }
}
