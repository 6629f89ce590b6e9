package io.marque.portal.reseller;

import io.marque.portal.tenant.TenantStatus;
import java.math.BigDecimal;

/**
 * A reseller's profile as provider staff see it: the reseller's own view ({@link ProgramStanding}) plus
 * what only the provider reads — its status, contacts and the admin notes.
 *
 * @param discountPercent the reseller's own fixed percentage; {@code null} while it follows the default
 */
public record ProfileView(long tenantId, String name, String slug, TenantStatus status, String contactEmail,
        String abuseEmail, BigDecimal discountPercent, BigDecimal defaultDiscount, String adminNotes,
        ProgramStanding standing) {
}
