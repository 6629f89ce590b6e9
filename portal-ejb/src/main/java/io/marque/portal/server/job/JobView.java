package io.marque.portal.server.job;

import io.marque.portal.server.ServerAccess.Side;
import java.io.Serializable;
import java.time.Instant;

/**
 * A job as one side sees it. {@code requester} is {@code you} for the customer's own jobs and
 * {@code support} for its reseller's or the provider's; staff see the requester's address (the
 * provider's staff appear to a reseller as {@code provider}). {@code failureDetail} is the technical
 * cause and only the provider's staff get it.
 */
public record JobView(long id, long serverId, JobAction action, String templateCode, JobState state, int progress,
        String stage, String failureKey, String failureDetail, String requester, Instant createdAt,
        Instant finishedAt) implements Serializable {

    public static JobView of(ServerJob job, Side side, long viewerUserId) {
        String requester = switch (side) {
            case CUSTOMER -> job.getRequestedKind() == ServerJob.Requester.CUSTOMER
                    && job.getRequestedBy() != null && job.getRequestedBy() == viewerUserId ? "you" : "support";
            case RESELLER -> switch (job.getRequestedKind()) {
                case PROVIDER -> "provider";
                case SYSTEM -> "system";
                default -> job.getRequestedEmail();
            };
            case PROVIDER -> job.getRequestedKind() == ServerJob.Requester.CUSTOMER ? "customer"
                    : job.getRequestedEmail();
        };
        return new JobView(job.getId(), job.getServerId(), job.getAction(), job.getTemplateCode(), job.getState(),
                job.getProgress(), job.getStage(), job.getFailureKey(),
                side == Side.PROVIDER ? job.getFailureDetail() : null, requester, job.getCreatedAt(),
                job.getFinishedAt());
    }

    public boolean active() {
        return state == JobState.QUEUED || state == JobState.RUNNING;
    }

    public boolean failed() {
        return state == JobState.FAILED;
    }
}
