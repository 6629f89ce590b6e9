package io.marque.portal.it;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.ProfileService;
import io.marque.portal.identity.Role;
import io.marque.portal.identity.User;
import io.marque.portal.server.Server;
import io.marque.portal.tenant.Brand;
import io.marque.portal.tenant.BrandChange;
import io.marque.portal.tenant.BrandView;
import io.marque.portal.tenant.BrandingService;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provider's brand as the data holds it, for tests inside the server: what no reseller's customer may
 * see ({@link #forbidden}), and a rename of the provider at run time ({@link #rename}, then
 * {@link #restore}) through the provider admin's own branding and its staff's own profiles, so the brand
 * checks are proven against names no template could have hard-coded.
 */
@ApplicationScoped
public class ProviderBrand {

    /** Inventory values that name no provider: the loopback of fixtures that talk to local simulators. */
    private static final Set<String> NEUTRAL = Set.of("127.0.0.1", "localhost", "::1");

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    @Inject
    BrandingService branding;

    @Inject
    ProfileService profiles;

    @Inject
    DomainDirectory directory;

    @Inject
    Event<TenantChanged> changed;

    /**
     * The provider's name, slug, brand name, support, contact and abuse addresses (and their domains), its
     * host names, its staff's names and addresses; and the internal inventory (rack, BMC host and user,
     * upstream id, traffic-counter host) of the servers of the given resellers, which their customers'
     * pages show.
     */
    @Transactional
    public Forbidden forbidden(Collection<Long> resellerIds) {
        Tenant provider = provider();
        Brand brand = em.find(Brand.class, provider.getId());
        Forbidden.Builder words = new Forbidden.Builder()
                .name("the provider's name", provider.getName())
                .add("the provider's slug", provider.getSlug())
                .email("the provider's contact address", provider.getContactEmail())
                .email("the provider's abuse address", provider.getAbuseEmail());
        if (brand != null) {
            words.name("the provider's brand", brand.getDisplayName())
                    .email("the provider's support address", brand.getSupportEmail());
        }
        em.createQuery("select d.host from Domain d where d.tenantId = :t", String.class)
                .setParameter("t", provider.getId()).getResultList()
                .forEach(host -> words.add("the provider's host", host));
        for (User staff : staff(provider)) {
            words.add("the provider's staff member", staff.getDisplayName())
                    .email("the provider's staff address", staff.getEmail());
        }
        if (!resellerIds.isEmpty()) {
            for (Server server : em.createQuery("select s from Server s where s.tenantId in :t", Server.class)
                    .setParameter("t", resellerIds).getResultList()) {
                String which = "the internal inventory of " + server.getHostname();
                for (String value : new String[] {server.getRack(), server.getBmcHost(), server.getBmcUser(),
                        server.getUpstreamId(), server.getTrafficHost()}) {
                    if (value != null && !NEUTRAL.contains(value)) {
                        words.add(which, value);
                    }
                }
            }
        }
        return words.build();
    }

    /** The provider as it was before a rename, and the words it is known by now. */
    public record Renamed(String tenantName, BrandView brand, Map<Long, String> staffNames,
            Map<Long, String> staffLocales, List<String> newWords) {
    }

    /**
     * Gives the provider a fresh random name, support address and staff names: its admin changes the
     * brand on the branding service as on its branding page, each staff member its own name on its
     * profile; the tenant's own name (which no page edits) is set directly and announced like any tenant
     * change, so every cached picture of the tenant is dropped.
     */
    @Transactional
    public Renamed rename() {
        Tenant provider = provider();
        Actor admin = actor(provider, Role.PROVIDER_ADMIN);
        BrandView before = branding.current(admin);
        String token = random();
        String name = "Qz" + token + " Hosting";
        String support = "desk@qz" + token + ".example";
        branding.update(admin, change(before, name, support));
        Map<Long, String> names = new java.util.HashMap<>();
        Map<Long, String> locales = new java.util.HashMap<>();
        List<String> words = new ArrayList<>(List.of(name, "Qz" + token, support, "qz" + token + ".example"));
        for (User staff : staff(provider)) {
            names.put(staff.getId(), staff.getDisplayName());
            locales.put(staff.getId(), staff.getLocale());
            String staffName = "Vx" + random() + " " + "Wy" + random();
            profiles.update(actor(provider, staff), staffName, staff.getLocale());
            words.add(staffName);
        }
        String tenantName = provider.getName();
        provider.setName(name);
        changed.fire(new TenantChanged(provider.getId()));
        return new Renamed(tenantName, before, names, locales, List.copyOf(words));
    }

    /** Puts back what {@link #rename} changed. */
    @Transactional
    public void restore(Renamed renamed) {
        Tenant provider = provider();
        Actor admin = actor(provider, Role.PROVIDER_ADMIN);
        BrandView before = renamed.brand();
        branding.update(admin, change(before, before.displayName(), before.supportEmail()));
        for (User staff : staff(provider)) {
            String name = renamed.staffNames().get(staff.getId());
            if (name != null) {
                profiles.update(actor(provider, staff), name, renamed.staffLocales().get(staff.getId()));
            }
        }
        provider.setName(renamed.tenantName());
        changed.fire(new TenantChanged(provider.getId()));
    }

    /** The provider's brand name as customers of nobody but the provider may read it. */
    @Transactional
    public String displayName() {
        return directory.byIdFresh(provider().getId()).orElseThrow().displayName();
    }

    private static BrandChange change(BrandView view, String name, String support) {
        return new BrandChange(name, support, view.colorPrimary(), view.colorAccent(), view.footerText(),
                view.customCss(), view.theme(), view.signupEnabled(), view.customerTotp(), view.defaultLocale(),
                view.timeZone(), view.currency());
    }

    private Tenant provider() {
        return em.createNamedQuery("Tenant.provider", Tenant.class).getSingleResult();
    }

    private List<User> staff(Tenant provider) {
        return em.createNamedQuery("User.staff", User.class).setParameter("tenant", provider.getId()).getResultList();
    }

    private Actor actor(Tenant provider, Role role) {
        User user = staff(provider).stream().filter(u -> u.hasRole(role)).findFirst().orElseThrow();
        return actor(provider, user);
    }

    private static Actor actor(Tenant provider, User user) {
        return new Actor(provider.getId(), user.getId(), user.getEmail(), user.roleSet(), "127.0.0.1");
    }

    /** Six random lower-case letters: a word no template, message or library could contain. */
    private static String random() {
        return java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    }
}
