/**
 * The reseller program's public pages on the provider's host: the application form ({@code /apply}) and
 * the applicant's private page for its application ({@code /application?token=…}). Neither needs an
 * account; the tenant filter answers 404 for both on a reseller's host.
 */
package io.marque.portal.web.program;
