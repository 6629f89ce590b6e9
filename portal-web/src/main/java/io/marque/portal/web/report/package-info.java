/**
 * The dashboards' pages' shared parts: the download of a dashboard table as CSV, and the words and
 * formatting both dashboards' charts need ({@link io.marque.portal.web.report.ChartWords}).
 */
package io.marque.portal.web.report;
