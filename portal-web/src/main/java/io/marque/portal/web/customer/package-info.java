/** The customer's ticket pages on a reseller's domain: the list, a new ticket, one ticket. */
package io.marque.portal.web.customer;
