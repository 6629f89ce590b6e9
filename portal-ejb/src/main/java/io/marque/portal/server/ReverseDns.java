package io.marque.portal.server;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.ServerAccess.Side;
import io.marque.portal.server.dns.DnsException;
import io.marque.portal.server.dns.DnsProviders;
import io.marque.portal.server.dns.PtrHostname;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reverse DNS of a server's addresses: the name is checked, written to the provider's DNS server
 * first and kept in the database only once the DNS server took it, so the page never shows a name
 * the world does not see. Blank removes the record.
 */
@Stateless
public class ReverseDns {

    private static final Logger LOG = Logger.getLogger(ReverseDns.class.getName());

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    ServerAccess access;

    /** Asked per call: the configuration decides, and a test may point it at its own DNS server. */
    @Inject
    DnsProviders dns;

    @Inject
    AuditRecorder audit;

    public void set(Actor actor, long serverId, String address, String hostname) {
        Server server = access.reach(actor, serverId, true);
        if (server.isSuspended() && ServerAccess.sideOf(actor) != Side.PROVIDER) {
            throw new InvalidInputException("", "server.error.suspended");
        }
        ServerAddress row = em.createNamedQuery("ServerAddress.ofServer", ServerAddress.class)
                .setParameter("server", server.getId()).getResultStream()
                .filter(a -> a.getAddress().equals(address)).findFirst()
                .orElseThrow(() -> new NotFoundException("Address"));
        Optional<String> name;
        try {
            name = PtrHostname.optional(hostname);
        } catch (PtrHostname.Refused e) {
            throw new InvalidInputException("ptr", e.problem().messageKey());
        }
        try {
            dns.current().setPtr(literal(row.getAddress()), name);
        } catch (DnsException e) {
            LOG.log(Level.WARNING, "Reverse DNS of {0} not set: {1}", new Object[] {row.getAddress(), e.detail()});
            throw new InvalidInputException("ptr", "server.rdns.unavailable");
        }
        row.ptr(name.orElse(null), Instant.now());
        String detail = row.getAddress() + " → " + name.orElse("(none)");
        if (server.getTenantId() != null && ServerAccess.sideOf(actor) == Side.PROVIDER) {
            audit.recordOn(server.getTenantId(), actor, "server.rdns.changed", server.getHostname(), detail);
        } else {
            audit.record(actor, "server.rdns.changed", server.getHostname(), detail);
        }
    }

    /** The stored address is a canonical literal: parsing it never asks a resolver. */
    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Stored address is not a literal: " + address, e);
        }
    }
}
