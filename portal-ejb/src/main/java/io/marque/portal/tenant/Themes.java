package io.marque.portal.tenant;

import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.tenant.theme.Theme;
import io.marque.portal.tenant.theme.ThemeRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The installation's themes: the built-in ones from the themes jar plus those in
 * {@code MARQUE_THEMES_DIR}. Also answers a tenant's wording for a message key, since wording
 * overrides travel with the theme.
 */
@ApplicationScoped
public class Themes {

    @Inject
    MarqueConfig config;

    private ThemeRegistry registry;

    /** For the container, which loads the registry from the configuration. */
    public Themes() {
    }

    /** Over a registry built elsewhere: unit tests and the benchmark, which run without a container. */
    public Themes(ThemeRegistry registry) {
        this.registry = registry;
    }

    @PostConstruct
    void load() {
        registry = new ThemeRegistry(Themes.class.getClassLoader(), config.themesDir().orElse(null));
    }

    public ThemeRegistry registry() {
        return registry;
    }

    public Theme of(TenantSnapshot tenant) {
        return registry.theme(tenant.theme());
    }

    /** The text for a key in the tenant's theme, or the key itself so a missing text is visible, not fatal. */
    public String message(TenantSnapshot tenant, Locale locale, String key) {
        String text = of(tenant).message(locale, key);
        return text == null ? key : text;
    }
}
