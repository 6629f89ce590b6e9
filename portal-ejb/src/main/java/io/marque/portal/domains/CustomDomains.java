package io.marque.portal.domains;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.domains.dkim.DkimKey;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.SecretKeys;
import io.marque.portal.tenant.Domain;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.HostResolver;
import io.marque.portal.tenant.TenantChanged;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A reseller admin's own domains ("Domains" in the reseller area): claim a portal host and mail domain,
 * read the records to create and what DNS holds, check again, make a proven host the main address,
 * remove one. Provider staff read every reseller's. Another tenant's claim is a 404 (law 1).
 */
@Stateless
public class CustomDomains {

    private static final HostResolver HOSTS = new HostResolver("");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    DomainSettings settings;

    @Inject
    DomainChecks checks;

    @Inject
    SecretKeys secrets;

    @Inject
    DomainDirectory directory;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<TenantChanged> changed;

    @Inject
    CertificateFileDrop files;

    private final Clock clock = Clock.systemUTC();

    /** The actor's own claims, with their records and certificates. */
    public List<CustomDomainView> own(Actor actor) {
        actor.require(Role.RESELLER_ADMIN);
        return views(em.createNamedQuery("CustomDomain.ofTenant", CustomDomain.class)
                .setParameter("tenant", actor.tenantId()).getResultList());
    }

    public CustomDomainView get(Actor actor, long id) {
        actor.require(Role.RESELLER_ADMIN);
        return views(List.of(owned(actor, id))).get(0);
    }

    /** Every reseller's claims, those needing attention first, for provider staff. */
    public List<CustomDomainView> all(Actor actor) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        return views(em.createNamedQuery("CustomDomain.all", CustomDomain.class).getResultList()).stream()
                .sorted(Comparator.comparing((CustomDomainView v) -> !v.attention()).thenComparing(CustomDomainView::host))
                .toList();
    }

    /**
     * Claims a host (and a mail domain, which gets a DKIM key) and checks its records at once.
     *
     * @param mailDomain blank for none
     */
    public CustomDomainView add(Actor actor, String host, String mailDomain) {
        actor.require(Role.RESELLER_ADMIN);
        String name = hostName(host, "host");
        String mail = mailDomain == null || mailDomain.isBlank() ? null : hostName(mailDomain, "mailDomain");
        if (!em.createNamedQuery("Domain.byHost", Domain.class).setParameter("host", name).getResultList().isEmpty()) {
            throw new InvalidInputException("host", "error.domain.taken");
        }
        if (!em.createNamedQuery("CustomDomain.byTenantAndHost", CustomDomain.class).setParameter("tenant", actor.tenantId())
                .setParameter("host", name).getResultList().isEmpty()) {
            throw new InvalidInputException("host", "error.domain.claimed");
        }
        long claims = em.createQuery("select count(d) from CustomDomain d where d.tenantId = :tenant", Long.class)
                .setParameter("tenant", actor.tenantId()).getSingleResult();
        if (claims >= settings.maxClaims()) {
            throw new InvalidInputException("host", "error.domain.tooMany");
        }
        Instant now = clock.instant();
        CustomDomain domain = new CustomDomain(actor.tenantId(), name, mail, token(), now);
        String dkimRecord = null;
        if (mail != null) {
            DkimKey key = DkimKey.generate(DkimKey.selectorFor(YearMonth.now(ZoneOffset.UTC)));
            domain.useDkimKey(key.selector(), secrets.box().encrypt(key.privateKeyPem()), key.publicKeyBase64());
            dkimRecord = key.dnsRecordValue();
        }
        for (ExpectedRecord expected : ExpectedRecords.of(name, mail, domain.getToken(), domain.getDkimSelector(),
                dkimRecord, settings.names())) {
            domain.getRecords().add(new DomainRecord(domain, expected));
        }
        em.persist(domain);
        em.flush();
        audit.record(actor, "domain.claimed", name, mail == null ? null : "mail " + mail);
        checks.check(domain, now);
        return get(actor, domain.getId());
    }

    /** Checks a claim's records now, as the scheduled job would. */
    public CustomDomainView checkNow(Actor actor, long id) {
        CustomDomain domain = owned(actor, id);
        checks.check(domain, clock.instant());
        return get(actor, id);
    }

    /** Makes a proven host the reseller's main address: links in its mails point there from now on. */
    public void makePrimary(Actor actor, long id) {
        CustomDomain domain = owned(actor, id);
        if (!domain.isRouted()) {
            throw new InvalidInputException("", "error.domain.notProven");
        }
        for (Domain other : em.createNamedQuery("Domain.ofTenant", Domain.class).setParameter("tenant", actor.tenantId())
                .getResultList()) {
            other.setPrimary(other.getId().equals(domain.getDomainId()));
        }
        audit.record(actor, "domain.primary", domain.getHost(), null);
        changed.fire(new TenantChanged(actor.tenantId()));
    }

    /**
     * Removes a claim; a proven host stops leading to the reseller and its certificate files go. The
     * reseller keeps at least one host.
     */
    public void remove(Actor actor, long id) {
        remove(actor, owned(actor, id));
    }

    /** A provider admin removes a reseller's claim (a host used for abuse, say); audited on both sides. */
    public void removeAsProvider(Actor actor, long id) {
        actor.require(Role.PROVIDER_ADMIN);
        CustomDomain domain = em.find(CustomDomain.class, id);
        if (domain == null) {
            throw new NotFoundException("Domain");
        }
        remove(actor, domain);
    }

    private void remove(Actor actor, CustomDomain domain) {
        long tenantId = domain.getTenantId();
        Domain routing = domain.getDomainId() == null ? null : em.find(Domain.class, domain.getDomainId());
        List<Domain> all = em.createNamedQuery("Domain.ofTenant", Domain.class).setParameter("tenant", tenantId)
                .getResultList();
        if (routing != null && all.size() <= 1) {
            throw new InvalidInputException("", "error.domain.last");
        }
        em.createQuery("delete from DomainCertificate c where c.customDomainId = :id").setParameter("id", domain.getId())
                .executeUpdate();
        em.remove(domain);
        em.flush(); // the claim refers to its routing row: it goes first
        if (routing != null) {
            em.remove(routing);
            if (routing.isPrimary()) {
                all.stream().filter(d -> !d.getId().equals(routing.getId())).findFirst().orElseThrow().setPrimary(true);
            }
        }
        audit.recordOn(tenantId, actor, "domain.removed", domain.getHost(),
                domain.getMailDomain() == null ? null : "mail " + domain.getMailDomain());
        changed.fire(new TenantChanged(tenantId));
        files.removeAfterCommit(domain.getHost());
    }

    private CustomDomain owned(Actor actor, long id) {
        actor.require(Role.RESELLER_ADMIN);
        CustomDomain domain = em.find(CustomDomain.class, id);
        if (domain == null || domain.getTenantId() != actor.tenantId()) {
            throw new NotFoundException("Domain");
        }
        return domain;
    }

    private List<CustomDomainView> views(List<CustomDomain> domains) {
        if (domains.isEmpty()) {
            return List.of();
        }
        Map<Long, DomainCertificate> certificates = new HashMap<>();
        for (DomainCertificate c : em.createQuery("select c from DomainCertificate c where c.customDomainId in :ids",
                DomainCertificate.class).setParameter("ids", domains.stream().map(CustomDomain::getId).toList()).getResultList()) {
            certificates.put(c.getCustomDomainId(), c);
        }
        Instant now = clock.instant();
        return domains.stream().map(d -> view(d, certificates.get(d.getId()), now)).toList();
    }

    private CustomDomainView view(CustomDomain d, DomainCertificate certificate, Instant now) {
        TenantSnapshot tenant = directory.byIdFresh(d.getTenantId()).orElseThrow();
        List<CustomDomainView.RecordView> records = d.getRecords().stream().map(CustomDomainView.RecordView::of).toList();
        CustomDomainView.CertificateView cert = CustomDomainView.CertificateView.of(certificate);
        List<String> warnings = DomainStanding.warnings(d.getStatus(), records, cert, d.getMailDomain(),
                tenant.supportEmail(), now);
        boolean primary = d.isRouted() && d.getHost().equals(tenant.primaryHost());
        return new CustomDomainView(d.getId(), d.getTenantId(), tenant.name(), d.getHost(), d.getMailDomain(),
                d.getStatus(), d.getProblem(), primary, d.getCreatedAt(), d.getVerifiedAt(), d.getCheckedAt(),
                d.getNextCheckAt(), records, cert, warnings, DomainStanding.attention(d.getStatus(), d.getProblem(), warnings));
    }

    /** A host name as the tenant filter will see it: lower case, valid, with a dot, not an address. */
    private static String hostName(String text, String field) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.contains(":") || name.contains("/") || name.length() > 253) {
            throw new InvalidInputException(field, "error.domain.invalid");
        }
        return HOSTS.resolve(name, null, null).filter(h -> h.contains(".") && !h.matches("[0-9.]+"))
                .orElseThrow(() -> new InvalidInputException(field, "error.domain.invalid"));
    }

    private static String token() {
        StringBuilder token = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            token.append(TOKEN_ALPHABET[RANDOM.nextInt(TOKEN_ALPHABET.length)]);
        }
        return token.toString();
    }
}
