package io.marque.portal.server.job;

import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.MailComposer.Threading;
import io.marque.portal.mail.Outbox;
import io.marque.portal.server.OsTemplate;
import io.marque.portal.server.Server;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells people a reinstall ended, in the reseller's brand: the customer who has the server, or, for a
 * server no customer has yet, the reseller's staff member who asked. Power actions are shown on the
 * page and mail nobody. Servers in the provider's pool mail nobody.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JobNotifier {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    public void finished(Server server, ServerJob job) {
        if (job.getAction() != JobAction.REINSTALL || job.getTenantId() == null
                || !job.getTenantId().equals(server.getTenantId())) {
            return;
        }
        TenantSnapshot tenant = directory.byIdFresh(job.getTenantId()).orElseThrow();
        String template = job.getState() == JobState.DONE ? "server-reinstalled" : "server-reinstall-failed";
        Map<String, String> values = new HashMap<>();
        values.put("hostname", server.getHostname());
        values.put("os", em.createNamedQuery("OsTemplate.byCode", OsTemplate.class)
                .setParameter("code", job.getTemplateCode()).getResultStream().findFirst()
                .map(OsTemplate::getName).orElse(job.getTemplateCode()));
        if (server.getCustomerId() != null) {
            values.put("serverUrl", composer.baseUrl(tenant) + "/customer/server?id=" + server.getId());
            for (User user : customerUsers(server)) {
                send(tenant, user, template, values);
            }
        } else if (job.getRequestedKind() == ServerJob.Requester.RESELLER && job.getRequestedBy() != null) {
            values.put("serverUrl", composer.baseUrl(tenant) + "/reseller/server?id=" + server.getId());
            User staff = em.find(User.class, job.getRequestedBy());
            if (staff != null && staff.getTenantId() == tenant.id() && staff.getStatus() == UserStatus.ACTIVE) {
                send(tenant, staff, template, values);
            }
        }
    }

    private List<User> customerUsers(Server server) {
        return em.createNamedQuery("User.ofCustomer", User.class).setParameter("tenant", server.getTenantId())
                .setParameter("customer", server.getCustomerId()).getResultStream()
                .filter(u -> u.getStatus() == UserStatus.ACTIVE).toList();
    }

    private void send(TenantSnapshot tenant, User user, String template, Map<String, String> common) {
        Map<String, String> values = new HashMap<>(common);
        values.put("recipientName", user.getDisplayName());
        Locale locale = user.getLocale() != null ? Locale.forLanguageTag(user.getLocale()) : tenant.locale();
        outbox.enqueue(composer.compose(tenant, locale, template, user.getEmail(), values,
                new Threading(null, null, true)));
    }
}
