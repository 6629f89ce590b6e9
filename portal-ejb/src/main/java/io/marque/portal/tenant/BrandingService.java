package io.marque.portal.tenant;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.ProfileService;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.Problems;
import io.marque.portal.platform.Sha256;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant's own branding: its admin edits name, colours, support address, footer, custom CSS,
 * theme and logo. Everything is validated first and stored in one go, so a rejected change leaves
 * the brand as it was; customers see an accepted change on their next page.
 */
@Stateless
public class BrandingService {

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Themes themes;

    @Inject
    AuditRecorder audit;

    @Inject
    Event<TenantChanged> changed;

    private final CustomCssPolicy cssPolicy = new CustomCssPolicy();
    private final LogoPolicy logoPolicy = new LogoPolicy();

    public BrandView current(Actor actor) {
        requireAdmin(actor);
        Brand brand = em.find(Brand.class, actor.tenantId());
        Tenant tenant = em.find(Tenant.class, actor.tenantId());
        return new BrandView(brand.getDisplayName(), brand.getSupportEmail(), brand.getColorPrimary(),
                brand.getColorAccent(), brand.getFooterText(), brand.getCustomCss(), tenant.getTheme(),
                brand.getLogoAssetId() != null, tenant.isSignupEnabled(), tenant.isCustomerTotp(),
                tenant.getDefaultLocale(), tenant.getTimeZone(), tenant.getCurrency());
    }

    public List<String> themeNames() {
        return List.copyOf(themes.registry().names());
    }

    public void update(Actor actor, BrandChange change) {
        requireAdmin(actor);
        Problems problems = new Problems();
        String name = problems.check(() -> Fields.text("displayName", change.displayName(), 120));
        String email = problems.check(() -> Fields.email("supportEmail", change.supportEmail()));
        String primary = color(problems, "colorPrimary", change.colorPrimary());
        String accent = color(problems, "colorAccent", change.colorAccent());
        String footer = change.footerText() == null ? "" : change.footerText().strip();
        if (footer.length() > 500 || footer.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r')) {
            problems.add("footerText", "error.footer.invalid");
        }
        String css = change.customCss() == null ? "" : change.customCss();
        List<String> cssProblems = cssPolicy.problems(css);
        if (!cssProblems.isEmpty()) {
            problems.add("customCss", String.join(" ", cssProblems));
        }
        if (change.theme() == null || !themes.registry().names().contains(change.theme())) {
            problems.add("theme", "error.theme.unknown");
        }
        if (change.defaultLocale() == null || !ProfileService.LANGUAGES.contains(change.defaultLocale())) {
            problems.add("defaultLocale", "error.locale.invalid");
        }
        if (change.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(change.timeZone())) {
            problems.add("timeZone", "error.timeZone.invalid");
        }
        if (change.currency() == null || Currency.getAvailableCurrencies().stream()
                .noneMatch(c -> c.getCurrencyCode().equals(change.currency()))) {
            problems.add("currency", "error.currency.invalid");
        }
        problems.throwIfAny();
        Brand brand = em.find(Brand.class, actor.tenantId(), LockModeType.PESSIMISTIC_WRITE);
        Tenant tenant = em.find(Tenant.class, actor.tenantId());
        brand.setDisplayName(name);
        brand.setSupportEmail(email);
        brand.setColorPrimary(primary.toLowerCase());
        brand.setColorAccent(accent.toLowerCase());
        brand.setFooterText(footer);
        brand.setCustomCss(css);
        brand.setUpdatedAt(Instant.now());
        tenant.setTheme(change.theme());
        tenant.setSignupEnabled(change.signupEnabled() && !tenant.getKind().equals(TenantKind.PROVIDER));
        tenant.setCustomerTotp(change.customerTotp());
        tenant.setDefaultLocale(change.defaultLocale());
        tenant.setTimeZone(change.timeZone());
        tenant.setCurrency(change.currency());
        audit.record(actor, "branding.updated", name, "theme=" + change.theme() + ", colours=" + primary + "/" + accent);
        changed.fire(new TenantChanged(actor.tenantId()));
    }

    /** Stores a validated logo and makes it the brand's. */
    public void uploadLogo(Actor actor, byte[] data, String fileName) {
        requireAdmin(actor);
        LogoPolicy.Accepted accepted;
        try {
            accepted = logoPolicy.check(data, fileName);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("logo", e.getMessage());
        }
        Asset asset = new Asset(actor.tenantId(), accepted.contentType(), Sha256.hex(data), data, Instant.now());
        em.persist(asset);
        em.flush();
        Brand brand = em.find(Brand.class, actor.tenantId(), LockModeType.PESSIMISTIC_WRITE);
        brand.setLogoAssetId(asset.getId());
        brand.setUpdatedAt(Instant.now());
        audit.record(actor, "branding.logo-uploaded", fileName, accepted.contentType() + " " + accepted.width() + "x"
                + accepted.height() + ", " + data.length + " bytes");
        changed.fire(new TenantChanged(actor.tenantId()));
    }

    public void removeLogo(Actor actor) {
        requireAdmin(actor);
        Brand brand = em.find(Brand.class, actor.tenantId(), LockModeType.PESSIMISTIC_WRITE);
        brand.setLogoAssetId(null);
        brand.setUpdatedAt(Instant.now());
        audit.record(actor, "branding.logo-removed", null, null);
        changed.fire(new TenantChanged(actor.tenantId()));
    }

    /** The tenant's current uploaded logo, if its checksum matches. */
    public Optional<Asset> logo(long tenantId, String sha256) {
        return em.createQuery("select a from Asset a where a.tenantId = :tenant and a.sha256 = :sha"
                + " and a.id = (select b.logoAssetId from Brand b where b.tenantId = :tenant)", Asset.class)
                .setParameter("tenant", tenantId).setParameter("sha", sha256)
                .getResultStream().findFirst();
    }

    private static String color(Problems problems, String field, String value) {
        if (value == null || !COLOR.matcher(value.strip()).matches()) {
            problems.add(field, "error.color.invalid");
            return "";
        }
        return value.strip();
    }

    private static void requireAdmin(Actor actor) {
        actor.require(Role.RESELLER_ADMIN, Role.PROVIDER_ADMIN);
    }
}
