package io.marque.portal.tenant;

/** What the provider admin enters to create a reseller; its first admin is invited by mail. */
public record NewReseller(String name, String slug, String domain, String theme, String supportEmail,
        String adminName, String adminEmail) {
}
