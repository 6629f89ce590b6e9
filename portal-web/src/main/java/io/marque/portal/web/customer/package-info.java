/** The customer's pages on a reseller's domain: tickets (the list, a new ticket, one ticket) and servers. */
package io.marque.portal.web.customer;
