/**
 * The reseller API, {@code /api/v1} on the reseller's own domains (JAX-RS): key authentication, scopes,
 * rate limits, RFC 7807 problems, size limits and idempotent POSTs as filters and mappers, and thin
 * resources that call the same services as the pages.
 */
package io.marque.portal.web.api;
