package io.marque.portal.tenant;

import java.util.Locale;

/**
 * An immutable picture of one tenant and its brand, as every request needs it. Requests read it from
 * the {@link DomainDirectory} cache instead of the database; a change to a tenant, domain or brand
 * replaces the picture after its transaction commits.
 *
 * @param brandHash changes whenever anything in the brand changes; it names the brand's CSS and logo URLs
 * @param logoHash  the uploaded logo's checksum, or {@code null} to use the theme's logo
 */
public record TenantSnapshot(
        long id,
        TenantKind kind,
        String slug,
        String name,
        TenantStatus status,
        String theme,
        String defaultLocale,
        String timeZone,
        String currency,
        boolean signupEnabled,
        boolean customerTotp,
        String primaryHost,
        String displayName,
        String supportEmail,
        String colorPrimary,
        String colorAccent,
        String footerText,
        String customCss,
        String logoHash,
        String brandHash) {

    public boolean isProvider() {
        return kind == TenantKind.PROVIDER;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** Whether its domains serve pages: every status but {@link TenantStatus#SUSPENDED}. */
    public boolean isAvailable() {
        return status != TenantStatus.SUSPENDED;
    }

    public Locale locale() {
        return Locale.forLanguageTag(defaultLocale);
    }
}
