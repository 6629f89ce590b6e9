package io.marque.portal.tenant;

import io.marque.portal.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host → tenant map every request consults, held in memory. It is loaded on first use and
 * dropped after any committed {@link TenantChanged}, so a new or removed domain takes effect on the
 * next request without a database query per request.
 */
@ApplicationScoped
public class DomainDirectory {

    private record Directory(Map<String, TenantSnapshot> byHost, Map<Long, TenantSnapshot> byId) {
    }

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    private final AtomicLong generation = new AtomicLong();
    private volatile Directory directory;

    /** The tenant a normalised host name belongs to. */
    public Optional<TenantSnapshot> lookup(String host) {
        return Optional.ofNullable(current().byHost().get(host));
    }

    /** The current picture of a tenant by id. */
    public Optional<TenantSnapshot> byId(long tenantId) {
        return Optional.ofNullable(current().byId().get(tenantId));
    }

    /**
     * Like {@link #byId}, but a tenant created in the current transaction is found too: a miss
     * reloads the picture once (the reload reads through the caller's transaction).
     */
    public Optional<TenantSnapshot> byIdFresh(long tenantId) {
        Optional<TenantSnapshot> found = byId(tenantId);
        if (found.isPresent()) {
            return found;
        }
        invalidate();
        return byId(tenantId);
    }

    public void invalidate() {
        generation.incrementAndGet();
        directory = null;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) TenantChanged change) {
        invalidate();
    }

    private Directory current() {
        Directory loaded = directory;
        if (loaded != null) {
            return loaded;
        }
        long started = generation.get();
        loaded = load();
        if (generation.get() == started) {
            directory = loaded;
        }
        return loaded;
    }

    private Directory load() {
        List<Tenant> tenants = em.createQuery("select t from Tenant t", Tenant.class).getResultList();
        Map<Long, Brand> brands = new HashMap<>();
        for (Brand brand : em.createQuery("select b from Brand b", Brand.class).getResultList()) {
            brands.put(brand.getTenantId(), brand);
        }
        Map<Long, String> logoHashes = new HashMap<>();
        for (Object[] row : em.createQuery("select a.id, a.sha256 from Asset a where a.id in (select b.logoAssetId from Brand b)", Object[].class).getResultList()) {
            logoHashes.put((Long) row[0], (String) row[1]);
        }
        List<Domain> domains = em.createNamedQuery("Domain.all", Domain.class).getResultList();
        Map<Long, String> primaryHosts = new HashMap<>();
        for (Domain domain : domains) {
            if (domain.isPrimary() || !primaryHosts.containsKey(domain.getTenantId())) {
                primaryHosts.put(domain.getTenantId(), domain.getHost());
            }
        }
        Map<Long, TenantSnapshot> byId = new HashMap<>();
        for (Tenant tenant : tenants) {
            Brand brand = brands.get(tenant.getId());
            if (brand == null) {
                continue;
            }
            String logoHash = brand.getLogoAssetId() == null ? null : logoHashes.get(brand.getLogoAssetId());
            byId.put(tenant.getId(), snapshot(tenant, brand, logoHash, primaryHosts.get(tenant.getId())));
        }
        Map<String, TenantSnapshot> byHost = new HashMap<>();
        for (Domain domain : domains) {
            TenantSnapshot snapshot = byId.get(domain.getTenantId());
            if (snapshot != null) {
                byHost.put(domain.getHost(), snapshot);
            }
        }
        return new Directory(Map.copyOf(byHost), Map.copyOf(byId));
    }

    private static TenantSnapshot snapshot(Tenant t, Brand b, String logoHash, String primaryHost) {
        String brandHash = Sha256.hex(String.join("\u0000", t.getTheme(), b.getDisplayName(), b.getColorPrimary(),
                b.getColorAccent(), b.getFooterText(), b.getCustomCss(), String.valueOf(logoHash),
                String.valueOf(b.getVersion()))).substring(0, 12);
        return new TenantSnapshot(t.getId(), t.getKind(), t.getSlug(), t.getName(), t.getStatus(), t.getTheme(),
                t.getDefaultLocale(), t.getTimeZone(), t.getCurrency(), t.isSignupEnabled(), t.isCustomerTotp(),
                primaryHost, b.getDisplayName(), b.getSupportEmail(), b.getColorPrimary(), b.getColorAccent(),
                b.getFooterText(), b.getCustomCss(), logoHash, brandHash);
    }
}
