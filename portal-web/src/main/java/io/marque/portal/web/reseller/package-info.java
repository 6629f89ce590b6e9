/**
 * The reseller area ({@code /reseller}): branding, domains, staff, customers, tickets, mailbox, activity,
 * servers with their OS templates, abuse reports and the reseller's contacts.
 */
package io.marque.portal.web.reseller;
