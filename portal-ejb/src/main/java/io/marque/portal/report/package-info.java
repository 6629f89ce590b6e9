/**
 * Dashboards: what a reseller's staff ({@link io.marque.portal.report.ResellerDashboard}) and the
 * provider's staff ({@link io.marque.portal.report.ProviderDashboard}) see of the money and the size of
 * the business, measured with aggregate queries over the billing tables, never by loading their rows.
 * Amounts are summed per currency and never added across currencies (law 6); the provider's figures hold
 * only counts of a reseller's customers and services and the wholesale money between the two (law 3).
 * The pure parts — the window of months ({@link io.marque.portal.report.Months}), due against overdue
 * ({@link io.marque.portal.report.PaymentState}), the SVG charts the theme colours
 * ({@link io.marque.portal.report.Chart}) and the CSV of each table
 * ({@link io.marque.portal.report.CsvTable}) — are unit-tested without a container.
 */
package io.marque.portal.report;
