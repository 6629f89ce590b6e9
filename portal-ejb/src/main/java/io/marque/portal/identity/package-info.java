/**
 * Who someone is and what they may do: users (a login in one tenant), customers (an end-customer
 * account of a reseller), roles, sign-in with lockout, second factor and password reset.
 * {@link io.marque.portal.identity.User} is the aggregate root. The same e-mail address in two
 * tenants is two users that share nothing.
 */
package io.marque.portal.identity;
