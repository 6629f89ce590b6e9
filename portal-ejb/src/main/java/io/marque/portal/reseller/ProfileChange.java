package io.marque.portal.reseller;

/**
 * A provider admin's edit of a reseller's profile, as typed.
 *
 * @param discountPercent the reseller's own fixed percentage; blank follows the program's default
 */
public record ProfileChange(String companyName, String registrationNumber, String taxId, String address,
        PolicyKind policy, String discountPercent, String adminNotes) {
}
