package io.marque.portal.tenant;

/** What a reseller admin submits on its branding page; every field is checked before anything is stored. */
public record BrandChange(String displayName, String supportEmail, String colorPrimary, String colorAccent,
        String footerText, String customCss, String theme, boolean signupEnabled, boolean customerTotp,
        String defaultLocale, String timeZone, String currency) {
}
