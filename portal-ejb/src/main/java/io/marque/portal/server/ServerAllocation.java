package io.marque.portal.server;

import io.marque.portal.audit.AuditRecorder;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Takes a server from the provider's pool for a paid order: the smallest free, active server with at
 * least the memory the plan asks for, handed to the reseller and its customer in one step. Free means
 * in the pool (no reseller) and not terminated. The candidate row is locked, and a candidate that
 * another order took meanwhile is skipped, so two orders never get one server.
 */
@Stateless
public class ServerAllocation {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @jakarta.inject.Inject
    AuditRecorder audit;

    /** @return the server given to the customer, or empty when the pool has none that fits */
    public Optional<Long> allocate(long resellerId, long customerId, int minRamGb, String orderReference) {
        List<Long> candidates = em.createQuery("select s.id from Server s where s.tenantId is null"
                + " and s.status = io.marque.portal.server.ServerStatus.ACTIVE and s.ramGb >= :ram order by s.ramGb, s.id", Long.class)
                .setParameter("ram", minRamGb).setMaxResults(20).getResultList();
        for (Long id : candidates) {
            Server server = em.find(Server.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (server != null && server.getTenantId() == null && server.getStatus() == ServerStatus.ACTIVE) {
                server.setTenantId(resellerId);
                server.setCustomerId(customerId);
                audit.recordAnonymous(resellerId, "billing", "server.provisioned", server.getHostname(), orderReference, null);
                return Optional.of(server.getId());
            }
        }
        return Optional.empty();
    }
}
