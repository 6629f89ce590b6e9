package io.marque.portal.server.job;

/**
 * Fired in the transaction that recorded a job's end, done or failed.
 *
 * @param tenantId   the reseller the server belongs to, null for a server in the provider's pool
 * @param failureKey the message key of the failure everyone may see, null when it is done (never the
 *                   provider-only detail)
 */
public record JobFinished(long jobId, long serverId, Long tenantId, JobAction action, JobState state, String failureKey) {
}
