/**
 * Branded documents: PDFs rendered with Flying Saucer from a tenant's theme ({@code pdf/document.xhtml}),
 * carrying only the tenant's name in their text and their metadata (ticket transcripts now, invoices later).
 */
package io.marque.portal.document;
