package io.marque.portal.server;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Customer;
import io.marque.portal.server.ServerAccess.Side;
import io.marque.portal.server.job.JobView;
import io.marque.portal.server.job.ServerJob;
import io.marque.portal.tenant.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns server rows into the view each side may see, reading addresses and names in one query per list. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ServerViews {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    public List<ServerView> forUser(Actor actor, List<Server> servers) {
        Side side = ServerAccess.sideOf(actor);
        Map<Long, List<AddressView>> addresses = addresses(servers);
        Map<Long, String> customers = side == Side.RESELLER ? customerNames(servers) : Map.of();
        return servers.stream().map(s -> view(actor, side, s, addresses.getOrDefault(s.getId(), List.of()),
                customers.get(s.getCustomerId()))).toList();
    }

    public ServerView forUser(Actor actor, Server server) {
        return forUser(actor, List.of(server)).get(0);
    }

    public List<InventoryView> forProvider(List<Server> servers) {
        Map<Long, List<AddressView>> addresses = addresses(servers);
        Map<Long, String> resellers = new HashMap<>();
        servers.stream().map(Server::getTenantId).filter(id -> id != null).distinct()
                .forEach(id -> resellers.put(id, em.find(Tenant.class, id).getName()));
        return servers.stream().map(s -> new InventoryView(s.getId(), s.getHostname(), s.getCpu(), s.getRamGb(),
                s.getDisks(), s.getLocation(), s.getOs(), s.getDriver(), s.getRack(), s.getBmcHost(), s.getBmcPort(),
                s.getBmcUser(), s.getBmcPasswordSealed() != null, s.getUpstreamId(), s.getMonthlyCost(),
                s.getCostCurrency(), s.getTenantId(), resellers.get(s.getTenantId()), s.getCustomerId() != null,
                s.getStatus(), s.getSuspensionCause(), s.getSuspensionNote(), s.getPowerState(), s.getPowerReadAt(),
                s.getActiveJobId(), addresses.getOrDefault(s.getId(), List.of()), s.getTrafficHost(),
                s.getTrafficIfIndex())).toList();
    }

    private ServerView view(Actor actor, Side side, Server s, List<AddressView> addresses, String customerName) {
        boolean reseller = side != Side.CUSTOMER;
        JobView active = null;
        if (s.getActiveJobId() != null) {
            ServerJob job = em.find(ServerJob.class, s.getActiveJobId());
            active = job == null || !job.isActive() ? null : JobView.of(job, side, actor.userId());
        }
        String note = s.isSuspended() ? s.getSuspensionNote() : null;
        return new ServerView(s.getId(), s.getHostname(), s.getCpu(), s.getRamGb(), s.getDisks(), s.getLocation(),
                s.getOs(), s.getStatus(), note, s.getPowerState(), s.getPowerReadAt(), addresses, active,
                reseller ? s.getResellerLabel() : null, reseller ? s.getResellerNotes() : null,
                reseller ? s.getCustomerId() : null, reseller ? customerName : null);
    }

    private Map<Long, List<AddressView>> addresses(List<Server> servers) {
        if (servers.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = servers.stream().map(Server::getId).toList();
        return em.createNamedQuery("ServerAddress.ofServers", ServerAddress.class).setParameter("servers", ids)
                .getResultStream().collect(Collectors.groupingBy(ServerAddress::getServerId,
                        Collectors.mapping(AddressView::of, Collectors.toList())));
    }

    private Map<Long, String> customerNames(List<Server> servers) {
        List<Long> ids = servers.stream().map(Server::getCustomerId).filter(id -> id != null).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select c from Customer c where c.id in :ids", Customer.class).setParameter("ids", ids)
                    .getResultStream().forEach(c -> names.put(c.getId(), c.getName()));
        }
        return names;
    }
}
