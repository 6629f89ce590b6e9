/**
 * What the customer's and the reseller's server pages share: the page bean behind power, reinstall,
 * reverse DNS, jobs and the traffic graph ({@link io.marque.portal.web.server.ServerPage}), shown by the
 * Facelets includes {@code WEB-INF/includes/server-*.xhtml}.
 */
package io.marque.portal.web.server;
