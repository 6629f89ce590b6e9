/** The reseller area ({@code /reseller}): branding, domains, staff, customers, tickets, mailbox, activity. */
package io.marque.portal.web.reseller;
