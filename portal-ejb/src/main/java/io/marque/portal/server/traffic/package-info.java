/**
 * Traffic graphs: a server's 5-minute byte samples summed into the buckets of a day, a week or a month
 * ({@link io.marque.portal.server.traffic.TrafficSeries}) and drawn as an inline SVG the tenant's theme
 * styles ({@link io.marque.portal.server.traffic.TrafficChart}). Pure calculation; collecting the samples
 * is not done here.
 */
package io.marque.portal.server.traffic;
