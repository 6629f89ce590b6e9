package io.marque.portal.server;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The provider's list of operating systems for reinstalls, and each reseller's choice of which of
 * them its customers are offered.
 */
@Stateless
public class OsTemplates {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,49}");

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    /** Every template, with the reseller's hidden ones marked (provider staff: none hidden). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TemplateView> list(Actor actor) {
        Set<Long> hidden = ServerAccess.sideOf(actor) == ServerAccess.Side.PROVIDER ? Set.of() : hidden(actor.tenantId());
        return all().stream().filter(t -> t.isActive() || ServerAccess.sideOf(actor) == ServerAccess.Side.PROVIDER)
                .map(t -> new TemplateView(t.getCode(), t.getName(), t.isActive(), hidden.contains(t.getId())))
                .toList();
    }

    /** What may be installed on a server of the tenant: active, and not hidden by that reseller. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TemplateView> offered(Long resellerId) {
        Set<Long> hidden = resellerId == null ? Set.of() : hidden(resellerId);
        return all().stream().filter(t -> t.isActive() && !hidden.contains(t.getId()))
                .map(t -> new TemplateView(t.getCode(), t.getName(), true, false)).toList();
    }

    public void add(Actor actor, String code, String name) {
        actor.require(Role.PROVIDER_ADMIN);
        String cleanName = Fields.text("name", name, 120);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("templateCode", "server.template.code.invalid");
        }
        if (!em.createNamedQuery("OsTemplate.byCode", OsTemplate.class).setParameter("code", code).getResultList().isEmpty()) {
            throw new InvalidInputException("templateCode", "server.template.code.taken");
        }
        em.persist(new OsTemplate(code, cleanName, all().size()));
        audit.record(actor, "server.template.added", code, cleanName);
    }

    public void setActive(Actor actor, String code, boolean active) {
        actor.require(Role.PROVIDER_ADMIN);
        byCode(code).setActive(active);
        audit.record(actor, active ? "server.template.enabled" : "server.template.disabled", code, null);
    }

    /** A reseller admin offers the template to its customers, or stops offering it. */
    public void setHidden(Actor actor, String code, boolean hide) {
        actor.require(Role.RESELLER_ADMIN);
        OsTemplate template = byCode(code);
        boolean hiddenNow = hidden(actor.tenantId()).contains(template.getId());
        if (hide && !hiddenNow) {
            em.createNativeQuery("insert into os_template_hidden (tenant_id, template_id) values (?, ?)")
                    .setParameter(1, actor.tenantId()).setParameter(2, template.getId()).executeUpdate();
        } else if (!hide && hiddenNow) {
            em.createNativeQuery("delete from os_template_hidden where tenant_id = ? and template_id = ?")
                    .setParameter(1, actor.tenantId()).setParameter(2, template.getId()).executeUpdate();
        }
        audit.record(actor, hide ? "server.template.hidden" : "server.template.offered", code, null);
    }

    OsTemplate byCode(String code) {
        return em.createNamedQuery("OsTemplate.byCode", OsTemplate.class).setParameter("code", code)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Template"));
    }

    private List<OsTemplate> all() {
        return em.createNamedQuery("OsTemplate.all", OsTemplate.class).getResultList();
    }

    private Set<Long> hidden(long tenantId) {
        List<?> rows = em.createNativeQuery("select template_id from os_template_hidden where tenant_id = ?")
                .setParameter(1, tenantId).getResultList();
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(((Number) r).longValue()));
        return ids;
    }
}
