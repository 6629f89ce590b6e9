package io.marque.portal.server;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.SecretKeys;
import io.marque.portal.server.driver.DriverException;
import io.marque.portal.server.driver.EventLogEntry;
import io.marque.portal.server.driver.SensorReading;
import io.marque.portal.server.job.JobExecution;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provider's inventory: servers added by hand or imported from CSV, edited, handed to a reseller
 * (or taken back), suspended, terminated and returned to the pool; the BMC's sensors and event log.
 * Provider staff only; changes are for provider admins. BMC passwords are stored encrypted.
 */
@Stateless
public class ServerInventory {

    /** The most servers one list shows; the provider narrows it with the filter. */
    public static final int PAGE = 200;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    ServerViews views;

    @Inject
    Drivers drivers;

    @Inject
    SecretKeys secrets;

    @Inject
    AuditRecorder audit;

    /**
     * Servers whose host name, address, rack or upstream id contains {@code text}, in id order after
     * {@code afterId}; {@code resellerId} narrows to one reseller's ({@code 0} for the pool).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InventoryView> list(Actor actor, String text, Long resellerId, long afterId) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        StringBuilder jpql = new StringBuilder("select s from Server s where s.id > :after");
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%";
        if (like != null) {
            jpql.append(" and (lower(s.hostname) like :like or lower(s.rack) like :like or lower(s.upstreamId) like :like"
                    + " or exists (select a from ServerAddress a where a.serverId = s.id and a.address like :like))");
        }
        if (resellerId != null) {
            jpql.append(resellerId == 0 ? " and s.tenantId is null" : " and s.tenantId = :reseller");
        }
        var query = em.createQuery(jpql.append(" order by s.id").toString(), Server.class).setParameter("after", afterId);
        if (like != null) {
            query.setParameter("like", like);
        }
        if (resellerId != null && resellerId != 0) {
            query.setParameter("reseller", resellerId);
        }
        return views.forProvider(query.setMaxResults(PAGE).getResultList());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InventoryView get(Actor actor, long serverId) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        return views.forProvider(List.of(server(serverId))).get(0);
    }

    public long add(Actor actor, NewServer request) {
        actor.require(Role.PROVIDER_ADMIN);
        NewServer clean = ServerRules.checked(request, true);
        Server server = new Server(Instant.now());
        apply(server, clean);
        em.persist(server);
        em.flush();
        addresses(server, clean, List.of());
        audit.record(actor, "server.added", server.getHostname(), null);
        return server.getId();
    }

    /** Changes a server; a blank BMC password keeps the stored one. */
    public void update(Actor actor, long serverId, NewServer request) {
        actor.require(Role.PROVIDER_ADMIN);
        Server server = em.find(Server.class, serverId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (server == null) {
            throw new NotFoundException("Server");
        }
        NewServer clean = ServerRules.checked(request, server.getBmcPasswordSealed() == null);
        apply(server, clean);
        List<ServerAddress> existing = em.createNamedQuery("ServerAddress.ofServer", ServerAddress.class)
                .setParameter("server", serverId).getResultList();
        addresses(server, clean, existing);
        audit.record(actor, "server.updated", server.getHostname(), null);
    }

    /**
     * Imports a CSV file: all of its lines or, when any line is wrong, none, with every error listed.
     *
     * @return how many servers were added
     */
    public int importCsv(Actor actor, byte[] csv) {
        actor.require(Role.PROVIDER_ADMIN);
        ServerCsv.Result result;
        try {
            result = ServerCsv.parse(new java.io.ByteArrayInputStream(csv));
        } catch (java.io.IOException e) {
            throw new InvalidInputException("file", "server.import.encoding");
        }
        if (!result.errors().isEmpty()) {
            throw new ImportException(result.errors());
        }
        for (NewServer row : result.servers()) {
            for (String address : concat(row.ipv4(), row.ipv6())) {
                if (!em.createNamedQuery("ServerAddress.byAddress", ServerAddress.class).setParameter("address", address)
                        .getResultList().isEmpty()) {
                    throw new InvalidInputException("file", "server.import.address-taken");
                }
            }
            Server server = new Server(Instant.now());
            apply(server, row);
            em.persist(server);
            em.flush();
            addresses(server, row, List.of());
        }
        audit.record(actor, "server.imported", result.servers().size() + " servers", null);
        return result.servers().size();
    }

    /** Hands the server to a reseller, or with {@code null} takes it back into the pool (and from its customer). */
    public void assign(Actor actor, long serverId, Long resellerId) {
        actor.require(Role.PROVIDER_ADMIN);
        Server server = locked(serverId);
        if (server.getStatus() == ServerStatus.TERMINATED) {
            throw new InvalidInputException("", "server.error.terminated");
        }
        Long before = server.getTenantId();
        if (resellerId != null) {
            Tenant reseller = em.find(Tenant.class, resellerId);
            if (reseller == null || reseller.getKind() != TenantKind.RESELLER) {
                throw new InvalidInputException("reseller", "server.error.reseller");
            }
            if (!resellerId.equals(before)) {
                server.setCustomerId(null);
                server.setResellerLabel(null);
                server.setResellerNotes(null);
            }
            server.setTenantId(resellerId);
            audit.recordOn(resellerId, actor, "server.reseller.assigned", server.getHostname(), reseller.getName());
        } else {
            server.setTenantId(null);
            server.setCustomerId(null);
            server.setResellerLabel(null);
            server.setResellerNotes(null);
            audit.record(actor, "server.reseller.removed", server.getHostname(), "from reseller " + before);
            if (before != null) {
                audit.recordOn(before, actor, "server.reseller.removed", server.getHostname(), null);
            }
        }
    }

    /** The provider's suspension (abuse, an unpaid reseller account): only the provider lifts it. */
    public void suspend(Actor actor, long serverId, String reason) {
        actor.require(Role.PROVIDER_ADMIN);
        Server server = locked(serverId);
        if (server.getStatus() == ServerStatus.TERMINATED) {
            throw new InvalidInputException("", "server.error.terminated");
        }
        server.suspend(SuspensionCause.PROVIDER);
        record(actor, server, "server.suspended", Fields.text("reason", reason, 1000));
    }

    public void unsuspend(Actor actor, long serverId) {
        actor.require(Role.PROVIDER_ADMIN);
        Server server = locked(serverId);
        if (!server.isSuspended()) {
            throw new InvalidInputException("", "server.error.notSuspended");
        }
        server.unsuspend();
        record(actor, server, "server.unsuspended", null);
    }

    /** Ends the service: the server leaves its reseller and customer and waits for the provider. */
    public void terminate(Actor actor, long serverId, String reason) {
        actor.require(Role.PROVIDER_ADMIN);
        Server server = locked(serverId);
        String why = Fields.text("reason", reason, 1000);
        record(actor, server, "server.terminated", why);
        server.terminate();
    }

    /** A terminated server, made ready for a new reseller. */
    public void returnToPool(Actor actor, long serverId) {
        actor.require(Role.PROVIDER_ADMIN);
        Server server = locked(serverId);
        if (server.getStatus() != ServerStatus.TERMINATED) {
            throw new InvalidInputException("", "server.error.notTerminated");
        }
        server.setStatus(ServerStatus.ACTIVE);
        audit.record(actor, "server.returned", server.getHostname(), null);
    }

    /** The longest SNMP community a switch port may be given. */
    static final int MAX_COMMUNITY = 100;

    /**
     * Names the switch port the server's traffic is read from over SNMP, or with a blank host forgets it
     * (the driver gives the traffic again). A blank community keeps the stored one.
     *
     * @param host      the switch: an IP literal or a host name
     * @param ifIndex   the port's index in the switch's IF-MIB interface table, 1 to 2³¹−1
     * @param community the read community, 1 to 100 printable ASCII characters; stored encrypted
     */
    public void setTrafficPort(Actor actor, long serverId, String host, Integer ifIndex, String community) {
        actor.require(Role.PROVIDER_ADMIN);
        Server server = locked(serverId);
        if (host == null || host.isBlank()) {
            server.setTrafficHost(null);
            server.setTrafficIfIndex(null);
            server.setTrafficCommunitySealed(null);
            audit.record(actor, "server.trafficPort.cleared", server.getHostname(), null);
            return;
        }
        String switchHost = IpLiteral.ipv4(host.strip()).or(() -> IpLiteral.ipv6(host.strip()))
                .or(() -> HostName.parse(host.strip()))
                .orElseThrow(() -> new InvalidInputException("trafficHost", "server.traffic.port.invalid-host"));
        if (ifIndex == null || ifIndex < 1) {
            throw new InvalidInputException("trafficIfIndex", "server.traffic.port.invalid-index");
        }
        boolean keep = community == null || community.isBlank();
        if (keep ? server.getTrafficCommunitySealed() == null : !printable(community)) {
            throw new InvalidInputException("trafficCommunity", "server.traffic.port.invalid-community");
        }
        server.setTrafficHost(switchHost);
        server.setTrafficIfIndex(ifIndex);
        if (!keep) {
            server.setTrafficCommunitySealed(secrets.box().encrypt(community));
        }
        audit.record(actor, "server.trafficPort.set", server.getHostname(), switchHost + " ifIndex " + ifIndex);
    }

    private static boolean printable(String community) {
        return community.length() <= MAX_COMMUNITY && community.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /** The BMC's sensors, read now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SensorReading> sensors(Actor actor, long serverId) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        Server server = server(serverId);
        try {
            return drivers.of(server).sensors(drivers.target(server));
        } catch (DriverException e) {
            throw new InvalidInputException("", JobExecution.keyOf(e));
        }
    }

    /** The BMC's system event log, read now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<EventLogEntry> events(Actor actor, long serverId) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        Server server = server(serverId);
        try {
            return drivers.of(server).events(drivers.target(server));
        } catch (DriverException e) {
            throw new InvalidInputException("", JobExecution.keyOf(e));
        }
    }

    /** The drivers a server may use. */
    public java.util.Set<String> driverNames() {
        return drivers.names();
    }

    /** A CSV import with wrong lines: nothing was imported. */
    public static class ImportException extends InvalidInputException {
        private static final long serialVersionUID = 1L;
        private final transient List<ServerCsv.LineError> errors;

        public ImportException(List<ServerCsv.LineError> errors) {
            super(Map.of("file", "server.import.failed"));
            this.errors = List.copyOf(errors);
        }

        public List<ServerCsv.LineError> errors() {
            return errors;
        }
    }

    private void apply(Server server, NewServer s) {
        server.setHostname(s.hostname());
        server.setCpu(s.cpu());
        server.setRamGb(s.ramGb());
        server.setDisks(s.disks());
        server.setLocation(s.location());
        server.setOs(s.os());
        server.setDriver(s.driver());
        server.setRack(s.rack());
        server.setBmcHost(s.bmcHost());
        server.setBmcPort(s.bmcPort());
        server.setBmcUser(s.bmcUser());
        if (s.bmcPassword() != null && !s.bmcPassword().isEmpty()) {
            server.setBmcPasswordSealed(secrets.box().encrypt(s.bmcPassword()));
        }
        server.setUpstreamId(s.upstreamId());
        server.setMonthlyCost(s.monthlyCost());
        server.setCostCurrency(s.monthlyCost() == null ? null : s.costCurrency());
    }

    /** Makes the server's addresses the request's: keeps those that stay (with their PTR), adds and removes. */
    private void addresses(Server server, NewServer s, List<ServerAddress> existing) {
        List<String> wanted = concat(s.ipv4(), s.ipv6());
        for (ServerAddress address : existing) {
            if (!wanted.contains(address.getAddress())) {
                em.remove(address);
            }
        }
        em.flush();
        List<String> kept = existing.stream().map(ServerAddress::getAddress).toList();
        for (String address : wanted) {
            if (kept.contains(address)) {
                continue;
            }
            List<ServerAddress> taken = em.createNamedQuery("ServerAddress.byAddress", ServerAddress.class)
                    .setParameter("address", address).getResultList();
            if (!taken.isEmpty()) {
                throw new InvalidInputException(address.contains(":") ? "ipv6" : "ipv4", "server.error.addressTaken");
            }
            em.persist(new ServerAddress(server.getId(), address, address.contains(":") ? 6 : 4));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b == null ? List.of() : b);
        return all;
    }

    private void record(Actor actor, Server server, String action, String detail) {
        if (server.getTenantId() != null) {
            audit.recordOn(server.getTenantId(), actor, action, server.getHostname(), detail);
        } else {
            audit.record(actor, action, server.getHostname(), detail);
        }
    }

    private Server locked(long serverId) {
        Server server = em.find(Server.class, serverId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (server == null) {
            throw new NotFoundException("Server");
        }
        return server;
    }

    private Server server(long serverId) {
        Server server = em.find(Server.class, serverId);
        if (server == null) {
            throw new NotFoundException("Server");
        }
        return server;
    }
}
