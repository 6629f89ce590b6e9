package io.marque.portal.server.abuse;

import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.identity.UserStatus;
import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.MailComposer.Threading;
import io.marque.portal.mail.Outbox;
import io.marque.portal.server.Server;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.ResellerContacts;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Abuse mail between the provider and a reseller, in the provider's brand (the reseller knows its
 * provider; its customers never get these): a new report and a suspension go to the reseller's primary
 * and abuse contacts; the reseller's answers go to the provider's staff.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AbuseNotifier {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainDirectory directory;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    ResellerContacts contacts;

    public void reported(AbuseReport report, Server server) {
        toReseller(report, server.getHostname(), "abuse-report");
    }

    public void suspended(AbuseReport report, Server server) {
        toReseller(report, server.getHostname(), "abuse-suspended");
    }

    public void answered(AbuseReport report, String hostname, boolean resolved) {
        TenantSnapshot provider = provider();
        TenantSnapshot reseller = directory.byIdFresh(report.getTenantId()).orElseThrow();
        Map<String, String> values = values(report, hostname, provider);
        values.put("reseller", reseller.name());
        values.put("response", report.getResellerResponse());
        values.put("reportUrl", composer.baseUrl(provider) + "/admin/abuse?id=" + report.getId());
        String template = resolved ? "abuse-resolved" : "abuse-answered";
        em.createNamedQuery("User.staff", User.class).setParameter("tenant", provider.id()).getResultStream()
                .filter(u -> u.getStatus() == UserStatus.ACTIVE && u.hasRole(Role.PROVIDER_ADMIN))
                .forEach(u -> outbox.enqueue(composer.compose(provider, provider.locale(), template, u.getEmail(),
                        withName(values, u.getDisplayName()), new Threading(null, null, true))));
    }

    private void toReseller(AbuseReport report, String hostname, String template) {
        TenantSnapshot provider = provider();
        TenantSnapshot reseller = directory.byIdFresh(report.getTenantId()).orElseThrow();
        Map<String, String> values = values(report, hostname, provider);
        values.put("reportUrl", composer.baseUrl(reseller) + "/reseller/abuse?id=" + report.getId());
        for (String to : contacts.abuseRecipients(report.getTenantId())) {
            outbox.enqueue(composer.compose(provider, reseller.locale(), template, to,
                    withName(values, reseller.displayName()), new Threading(null, null, true)));
        }
    }

    private static Map<String, String> values(AbuseReport report, String hostname, TenantSnapshot provider) {
        Map<String, String> values = new HashMap<>();
        values.put("reportId", String.valueOf(report.getId()));
        values.put("hostname", hostname);
        values.put("evidence", report.getEvidence());
        values.put("deadline", format(report.getDeadline(), provider.timeZone()));
        return values;
    }

    private static Map<String, String> withName(Map<String, String> values, String name) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put("recipientName", name);
        return copy;
    }

    private static String format(Instant at, String zone) {
        ZoneId id = ZoneId.of(zone == null ? "UTC" : zone);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(id).format(at);
    }

    private TenantSnapshot provider() {
        long id = em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult().getId();
        return directory.byIdFresh(id).orElseThrow();
    }
}
