package io.marque.portal.ticket;

import io.marque.portal.tenant.TenantCreated;
import io.marque.portal.tenant.TenantKind;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;

/**
 * Gives every new reseller what its customers need to write a ticket on day one: a "Support"
 * department, SLA targets for each priority and its ticket settings. Runs in the transaction that
 * created the tenant, so a reseller never exists without them. (Resellers that existed before tickets
 * got the same rows from the migration {@code V2__tickets.sql}.)
 */
@Stateless
public class TicketSetup {

    /** Default targets in business minutes: first response, resolution. */
    static final Map<Priority, int[]> DEFAULT_TARGETS = Map.of(
            Priority.URGENT, new int[] {60, 480},
            Priority.HIGH, new int[] {240, 1440},
            Priority.NORMAL, new int[] {480, 2880},
            Priority.LOW, new int[] {1440, 5760});

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public void onTenantCreated(@Observes TenantCreated created) {
        if (created.kind() != TenantKind.RESELLER) {
            return;
        }
        em.persist(new TicketSettings(created.tenantId(), created.brandName() + " Support"));
        DEFAULT_TARGETS.forEach((priority, minutes) ->
                em.persist(new SlaTarget(created.tenantId(), priority, minutes[0], minutes[1])));
        em.persist(new Department(created.tenantId(), "Support", 1, Instant.now()));
    }
}
