package io.marque.portal.tenant;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reseller's contacts for the provider: the primary address (its admins' when unset) and the abuse
 * contact. The reseller admin keeps them in its settings; abuse notices go to both.
 */
@Stateless
public class ResellerContacts {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    /** The reseller's own contacts: {@code [primary, abuse]}, each null when unset. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String[] get(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        Tenant tenant = em.find(Tenant.class, actor.tenantId());
        return new String[] {tenant.getContactEmail(), tenant.getAbuseEmail()};
    }

    public void update(Actor actor, String primary, String abuse) {
        actor.require(Role.RESELLER_ADMIN);
        Tenant tenant = em.find(Tenant.class, actor.tenantId());
        tenant.setContactEmail(primary == null || primary.isBlank() ? null : Fields.email("contactEmail", primary));
        tenant.setAbuseEmail(abuse == null || abuse.isBlank() ? null : Fields.email("abuseEmail", abuse));
        audit.record(actor, "reseller.contacts.changed", tenant.getName(), null);
    }

    /** Who hears of an abuse report: the primary contact (or every active admin) and the abuse contact. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> abuseRecipients(long resellerId) {
        Set<String> to = primaryRecipients(resellerId);
        Tenant tenant = em.find(Tenant.class, resellerId);
        if (tenant.getAbuseEmail() != null) {
            to.add(tenant.getAbuseEmail());
        }
        return to;
    }

    /** Who hears of the provider's business with the reseller (its invoices): the primary contact, or every active admin. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> primaryRecipients(long resellerId) {
        Tenant tenant = em.find(Tenant.class, resellerId);
        Set<String> to = new LinkedHashSet<>();
        if (tenant.getContactEmail() != null) {
            to.add(tenant.getContactEmail());
        } else {
            List<User> staff = em.createNamedQuery("User.staff", User.class).setParameter("tenant", resellerId)
                    .getResultList();
            staff.stream().filter(u -> u.getStatus() == UserStatus.ACTIVE && u.hasRole(Role.RESELLER_ADMIN))
                    .forEach(u -> to.add(u.getEmail()));
        }
        return to;
    }
}
