/**
 * Theme lookup. {@link io.marque.portal.tenant.theme.ThemeRegistry} is the entry point; it hands out
 * immutable {@link io.marque.portal.tenant.theme.Theme} chains (child, parent, ..., {@code base}) read
 * from the themes jar and from an optional directory the provider can add themes to at run time.
 *
 * <p>Plain Java on purpose: no Jakarta EE types, so the web layer, the mail outbox and the PDF renderer
 * can all share it and it is unit-testable without a container.
 */
package io.marque.portal.tenant.theme;
