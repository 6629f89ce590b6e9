/**
 * The reseller API's side in the domain: API keys (only their hashes kept), scopes, the provider's rate
 * limits per reseller and the token buckets that apply them, idempotent POSTs, and webhooks. The JAX-RS
 * resources live in {@code portal-web} ({@code io.marque.portal.web.api}) and call the same services as
 * the pages, as an {@link io.marque.portal.identity.Actor} named after the key.
 */
package io.marque.portal.api;
