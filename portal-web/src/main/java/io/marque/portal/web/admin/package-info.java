/**
 * The provider's console ({@code /admin}): resellers and their domains, provider staff, activity, the
 * server inventory (list, detail, add, CSV import, OS templates), abuse reports, and billing: the
 * catalogue (products and list prices), invoices to resellers, resellers' payments and balances, the
 * monthly consolidation and the provider's billing settings.
 */
package io.marque.portal.web.admin;
