/** Request filters: the tenant from the host (law 1), the session bound to its tenant, response headers. */
package io.marque.portal.web.filter;
