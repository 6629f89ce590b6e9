package io.marque.portal.it;

import io.marque.portal.billing.catalogue.Catalogue;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.NewProduct;
import io.marque.portal.identity.Actor;
import io.marque.portal.server.NewServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Billing for integration tests: products with unique codes and list prices, a reseller's own prices,
 * and pool servers whose memory only the test's own plan asks for — so an order provisions the server
 * its test added, whatever other suites left in the shared pool.
 */
@ApplicationScoped
public class BillingFixtures {

    private static final AtomicInteger RAM = new AtomicInteger(50_000 + (int) (System.nanoTime() % 5_000) * 2);

    @Inject
    Catalogue catalogue;

    @Inject
    ServerFixtures servers;

    @jakarta.persistence.PersistenceContext(unitName = "marque")
    jakarta.persistence.EntityManager em;

    /** A memory size no other plan or server of this run has. */
    public int uniqueRam() {
        return RAM.incrementAndGet();
    }

    public long plan(Actor provider, String category, Integer minRamGb, String currency, String monthlyList) {
        long id = catalogue.save(provider, null, new NewProduct("it-" + UUID.randomUUID().toString().substring(0, 12),
                "Plan " + category, "A test plan", category, "PLAN", minRamGb));
        catalogue.setListPrice(provider, id, Cycle.MONTHLY, currency, monthlyList);
        return id;
    }

    public long addOn(Actor provider, String currency, String monthlyList) {
        long id = catalogue.save(provider, null, new NewProduct("it-" + UUID.randomUUID().toString().substring(0, 12),
                "Extra IPv4", "A test add-on", "OTHER", "ADDON", null));
        catalogue.setListPrice(provider, id, Cycle.MONTHLY, currency, monthlyList);
        return id;
    }

    /** The sum of an account's ledger entries: always its balance. */
    public java.math.BigDecimal ledgerSum(long accountId) {
        return em.createQuery("select coalesce(sum(e.amount), 0) from LedgerEntry e where e.accountId = :a", java.math.BigDecimal.class)
                .setParameter("a", accountId).getSingleResult();
    }

    /** The service a provisioned order became. */
    public io.marque.portal.billing.order.HostingService serviceOf(long orderId) {
        return em.createQuery("select s from HostingService s where s.orderId = :o", io.marque.portal.billing.order.HostingService.class)
                .setParameter("o", orderId).getSingleResult();
    }

    /** Sets a fixture customer's currency, as if its reseller had chosen it. */
    @jakarta.transaction.Transactional
    public void customerCurrency(long customerId, String currency) {
        em.find(io.marque.portal.identity.Customer.class, customerId).setCurrency(currency);
    }

    /** A pool server with exactly {@code ramGb} of memory. */
    public long poolServer(Actor provider, int ramGb) {
        NewServer spec = servers.spec("billing");
        return servers.added(provider, new NewServer(spec.hostname(), spec.cpu(), ramGb, spec.disks(), spec.ipv4(), spec.ipv6(),
                spec.location(), spec.os(), spec.driver(), spec.rack(), spec.bmcHost(), spec.bmcPort(), spec.bmcUser(),
                spec.bmcPassword(), spec.upstreamId(), spec.monthlyCost(), spec.costCurrency()));
    }
}
