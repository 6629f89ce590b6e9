package io.marque.portal.it;

import io.marque.portal.identity.Actor;
import io.marque.portal.server.NewServer;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.ServerAddress;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.server.job.ServerJob;
import io.marque.portal.server.job.ServerJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Servers for integration tests: added to the inventory through the provider's service with
 * provider-internal data worth looking for in a leak, handed to a fixture reseller and its customer.
 * Addresses come from 198.18.0.0/15 (benchmark space), unique per run.
 */
@ApplicationScoped
public class ServerFixtures {

    public static final String RACK = "FIXTURE-RACK-R07";
    public static final String BMC_HOST = "10.99.88.77";
    public static final String UPSTREAM = "UPSTREAM-FIXTURE-991";
    public static final String BMC_PASSWORD = "bmc-fixture-secret";

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 20_000) * 3);

    @Inject
    ServerInventory inventory;

    @Inject
    ResellerServers resellers;

    @Inject
    ServerJobs jobs;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    /** A simulated server with unique addresses; {@code label} goes into its host name. */
    public NewServer spec(String label) {
        int n = NEXT.incrementAndGet() % 65_000;
        String ipv4 = "198." + (18 + n / 65_536 % 2) + "." + (n / 256 % 256) + "." + (n % 256);
        String ipv6 = "2001:db8:f1::" + Integer.toHexString(n + 1);
        return new NewServer(label + "-" + n + ".servers.test", "Intel Xeon E-2388G, 8 cores", 64, "2 × 960 GB NVMe",
                List.of(ipv4), List.of(ipv6), "Frankfurt", "Debian 12", "simulated", RACK, BMC_HOST, 623, "ops",
                BMC_PASSWORD, UPSTREAM, new BigDecimal("41.50"), "EUR");
    }

    /** A server in the provider's pool. */
    public long pooled(Actor provider, String label) {
        return inventory.add(provider, spec(label));
    }

    /** A server of the reseller, given to its fixture customer. */
    public long assigned(Actor provider, Fixtures.Reseller reseller, String label) {
        long id = pooled(provider, label);
        inventory.assign(provider, id, reseller.tenantId());
        resellers.assign(reseller.admin(), id, reseller.customerId());
        return id;
    }

    /** A server of the provider's pool with the given spec. */
    public long added(Actor provider, NewServer spec) {
        return inventory.add(provider, spec);
    }

    /** The server's first IPv4 address. */
    public String ipv4(long serverId) {
        return em.createNamedQuery("ServerAddress.ofServer", ServerAddress.class).setParameter("server", serverId)
                .getResultStream().map(ServerAddress::getAddress).filter(a -> !a.contains(":")).findFirst()
                .orElseThrow();
    }

    /** Waits up to 60 s for the job to end, and answers it. */
    public ServerJob awaitEnd(long jobId) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            ServerJob job = jobs.find(jobId);
            if (!job.isActive()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Job " + jobId + " did not end within 60 s");
    }
}
