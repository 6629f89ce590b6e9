/**
 * The activity log: who did what to which target, on which tenant, when and from where.
 * {@link io.marque.portal.audit.AuditRecorder} is the one way anything is recorded; it joins the
 * caller's transaction, so an entry commits with the change it describes or not at all.
 */
package io.marque.portal.audit;
