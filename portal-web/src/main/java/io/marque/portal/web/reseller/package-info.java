/** The reseller area ({@code /reseller}): branding, domains, staff, customers, activity. */
package io.marque.portal.web.reseller;
