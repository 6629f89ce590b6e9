/**
 * Dunning: what happens to an unpaid invoice, step by step from its due date — a reminder, overdue, the
 * late fee, suspension of the services on it, and their termination seven days after the due date —
 * unless an admin grants an extension. {@link io.marque.portal.billing.dunning.DunningSchedule} is the
 * rule (when each step is due), {@link io.marque.portal.billing.dunning.Dunning} the service that takes
 * the steps, extends and restores.
 */
package io.marque.portal.billing.dunning;
