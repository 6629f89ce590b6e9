package io.marque.portal.domains;

import io.marque.portal.domains.dkim.DkimKey;
import io.marque.portal.platform.SecretKeys;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which mail domain a reseller's mail is sent from, with its DKIM key: the mail domain of a proven claim,
 * preferring the one the reseller's support address (the mails' {@code From}) is on. Held in memory and
 * dropped after every committed {@link TenantChanged}, like the host map; the keys are decrypted once.
 */
@ApplicationScoped
public class MailDomains {

    /** A reseller's mail domain and the key that signs for it. */
    public record Signing(String mailDomain, DkimKey key) {
        @Override
        public String toString() {
            return "Signing[" + mailDomain + ", s=" + key.selector() + "]";
        }
    }

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    SecretKeys secrets;

    @Inject
    DomainDirectory directory;

    private final AtomicLong generation = new AtomicLong();
    private volatile Map<Long, Signing> byTenant;

    public Optional<Signing> of(long tenantId) {
        return Optional.ofNullable(current().get(tenantId));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) TenantChanged change) {
        generation.incrementAndGet();
        byTenant = null;
    }

    private Map<Long, Signing> current() {
        Map<Long, Signing> loaded = byTenant;
        if (loaded != null) {
            return loaded;
        }
        long started = generation.get();
        loaded = load();
        if (generation.get() == started) {
            byTenant = loaded;
        }
        return loaded;
    }

    private Map<Long, Signing> load() {
        Map<Long, List<CustomDomain>> candidates = new HashMap<>();
        for (CustomDomain d : em.createNamedQuery("CustomDomain.signing", CustomDomain.class).getResultList()) {
            candidates.computeIfAbsent(d.getTenantId(), t -> new java.util.ArrayList<>()).add(d);
        }
        Map<Long, Signing> signing = new HashMap<>();
        candidates.forEach((tenantId, domains) -> {
            String from = directory.byId(tenantId).map(t -> t.supportEmail()).orElse("");
            CustomDomain chosen = domains.stream()
                    .sorted(Comparator.comparing((CustomDomain d) -> !DomainStanding.onDomain(from, d.getMailDomain()))
                            .thenComparing(CustomDomain::getVerifiedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .findFirst().orElseThrow();
            signing.put(tenantId, new Signing(chosen.getMailDomain(),
                    DkimKey.of(chosen.getDkimSelector(), secrets.box().decrypt(chosen.getDkimKey()))));
        });
        return Map.copyOf(signing);
    }
}
