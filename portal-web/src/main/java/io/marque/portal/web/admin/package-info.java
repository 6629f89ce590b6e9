/**
 * The provider's console ({@code /admin}): resellers and their domains, provider staff, activity, the
 * server inventory (list, detail, add, CSV import, OS templates) and abuse reports.
 */
package io.marque.portal.web.admin;
