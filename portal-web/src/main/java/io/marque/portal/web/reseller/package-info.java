/**
 * The reseller area ({@code /reseller}): branding, domains, staff, customers, tickets, mailbox, activity,
 * servers with their OS templates, abuse reports, the reseller's contacts and its API keys.
 */
package io.marque.portal.web.reseller;
