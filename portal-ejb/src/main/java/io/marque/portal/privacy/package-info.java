/**
 * A customer's personal data on its reseller's request: the machine-readable archive (GDPR art. 15
 * and 20) and erasure (art. 17), keeping invoices as tax law requires. {@link CustomerPrivacy} is the
 * service; {@link Erasure} and {@link ArchiveNames} are its pure rules.
 *
 * <p>Its own package, not part of {@code identity}: it reads and erases across tickets, billing,
 * servers, mail and audit, all of which depend on {@code identity}; inside {@code identity} it would
 * turn that dependency around. It is the one place that lists every column holding a customer's
 * personal data (docs/architecture.md, "Customer data: export and erasure"), so a new column has one
 * place to be added to.
 */
package io.marque.portal.privacy;
