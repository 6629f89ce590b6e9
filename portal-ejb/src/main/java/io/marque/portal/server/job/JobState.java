package io.marque.portal.server.job;

/** A server job's life: queued, running, then done or failed. */
public enum JobState {
    QUEUED, RUNNING, DONE, FAILED
}
