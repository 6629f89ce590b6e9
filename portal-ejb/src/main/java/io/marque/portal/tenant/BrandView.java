package io.marque.portal.tenant;

/** A tenant's brand as its branding page edits it. */
public record BrandView(String displayName, String supportEmail, String colorPrimary, String colorAccent,
        String footerText, String customCss, String theme, boolean hasLogo, boolean signupEnabled,
        boolean customerTotp, String defaultLocale, String timeZone, String currency) implements java.io.Serializable {
}
