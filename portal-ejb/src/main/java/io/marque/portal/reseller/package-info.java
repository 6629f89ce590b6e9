/**
 * The reseller program: the provider's {@link io.marque.portal.reseller.ProgramSettings} (one row), the
 * {@link io.marque.portal.reseller.ResellerApplication}s prospective resellers send from the provider's
 * public host, and each reseller's {@link io.marque.portal.reseller.ResellerProfile} (company details,
 * tier, discount policy, admin notes only provider staff read). {@link io.marque.portal.reseller.ResellerTerms}
 * is what billing asks: a reseller's discount policy, its tier, and whether it may order.
 */
package io.marque.portal.reseller;
