package io.marque.portal.demo;

import io.marque.portal.identity.User;
import io.marque.portal.server.OsTemplate;
import io.marque.portal.server.Server;
import io.marque.portal.server.ServerAddress;
import io.marque.portal.server.traffic.TrafficReading;
import io.marque.portal.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The demo's servers: OS templates, a few simulated servers per demo reseller (some with their
 * customers, some waiting to be handed out), two in the provider's pool, and a month of hourly traffic
 * so the graphs have something to show. Provider-internal fields (rack, BMC, upstream id, cost) are
 * filled in like a real inventory, so the brand-leak tests have something to look for.
 */
final class DemoServers {

    private final EntityManager em;
    private int next = 10;

    DemoServers(EntityManager em) {
        this.em = em;
    }

    void seed(Tenant acme, Tenant bluebird, User alice, User bob, User bluebirdAlice) {
        String[][] templates = {{"debian-12", "Debian 12"}, {"ubuntu-24.04", "Ubuntu 24.04 LTS"},
            {"almalinux-9", "AlmaLinux 9"}, {"rocky-9", "Rocky Linux 9"}, {"proxmox-8", "Proxmox VE 8"},
            {"windows-2022", "Windows Server 2022"}};
        for (int i = 0; i < templates.length; i++) {
            em.persist(new OsTemplate(templates[i][0], templates[i][1], i));
        }
        em.persist(server(acme, alice.getCustomerId(), "web-01.martin-web.example", "Intel Xeon E-2388G, 8 cores", 64,
                "2 × 960 GB NVMe", "Debian 12"));
        em.persist(server(acme, alice.getCustomerId(), "db-01.martin-web.example", "AMD EPYC 4344P, 8 cores", 128,
                "2 × 1.92 TB NVMe", "Ubuntu 24.04 LTS"));
        em.persist(server(acme, bob.getCustomerId(), "vps-bob.example.com", "4 vCPU", 8, "160 GB SSD", "Debian 12"));
        em.persist(server(acme, null, "spare-01.acme.example", "Intel Xeon E-2336, 6 cores", 32, "2 × 480 GB SSD",
                "Debian 12"));
        em.persist(server(bluebird, bluebirdAlice.getCustomerId(), "db.alice-bluebird.example",
                "AMD Ryzen 9 7950X, 16 cores", 128, "2 × 3.84 TB NVMe", "AlmaLinux 9"));
        em.persist(server(bluebird, null, "spare-01.bluebird.example", "4 vCPU", 8, "160 GB SSD", "Debian 12"));
        em.persist(server(null, null, "pool-01.fra.example", "Intel Xeon E-2388G, 8 cores", 64, "2 × 960 GB NVMe",
                "Debian 12"));
        em.persist(server(null, null, "pool-02.fra.example", "AMD EPYC 4344P, 8 cores", 128, "2 × 1.92 TB NVMe",
                "Debian 12"));
        em.flush();
        List<Server> servers = em.createNamedQuery("Server.all", Server.class).getResultList();
        for (Server server : servers) {
            int n = next++;
            em.persist(new ServerAddress(server.getId(), "203.0.113." + n, 4));
            em.persist(new ServerAddress(server.getId(), "2001:db8:10::" + Integer.toHexString(n), 6));
            if (server.getTenantId() != null) {
                traffic(server, n);
            }
        }
    }

    private Server server(Tenant reseller, Long customerId, String hostname, String cpu, int ram, String disks,
            String os) {
        Server server = new Server(Instant.now());
        server.setTenantId(reseller == null ? null : reseller.getId());
        server.setCustomerId(customerId);
        server.setHostname(hostname);
        server.setCpu(cpu);
        server.setRamGb(ram);
        server.setDisks(disks);
        server.setLocation("Frankfurt");
        server.setOs(os);
        server.setDriver("simulated");
        int n = next++;
        server.setRack("FRA1-R12-U" + String.format("%02d", n));
        server.setBmcHost("10.20.0." + n);
        server.setBmcPort(623);
        server.setBmcUser("northwind-ops");
        server.setUpstreamId("NW-FRA1-" + (4100 + n));
        server.setMonthlyCost(new BigDecimal("41.50"));
        server.setCostCurrency("EUR");
        server.powerRead("ON", Instant.now());
        return server;
    }

    /** Hourly samples for the last 30 days: busier in the evening, a different scale per server. */
    private void traffic(Server server, int seed) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        double scale = 1 + seed % 7;
        for (int h = 24 * 30; h > 0; h--) {
            Instant at = now.minus(Duration.ofHours(h - 1));
            int hour = at.atZone(java.time.ZoneOffset.UTC).getHour();
            double curve = 0.35 + 0.65 * Math.pow(Math.sin(Math.PI * ((hour + 18) % 24) / 24.0), 2);
            double wobble = 0.85 + 0.3 * ((h * 7919L + seed * 104729L) % 100) / 100.0;
            long out = (long) (scale * 450_000_000L * curve * wobble);
            em.persist(new TrafficReading(server.getId(), at, out / 6, out));
        }
    }
}
