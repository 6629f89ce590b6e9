package io.marque.portal.server.job;

/** Fired when a job is queued; observed after the transaction commits so the runner starts it at once. */
public record JobQueued(long jobId) {
}
