package io.marque.portal.server;

import io.marque.portal.server.job.JobView;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A server as its reseller and its customer see it: what it is and how it runs, never the provider's
 * internal data (rack, BMC, upstream id, cost), which this record has no field for. The reseller-only
 * fields ({@code label}, {@code notes}, {@code customerId}, {@code customerName}) are null in a
 * customer's view.
 *
 * @param suspensionNote the reseller's words to the customer about a suspension, or null
 * @param powerState     {@code ON}, {@code OFF} or null while never read
 * @param activeJob      the job queued or running now, or null
 */
public record ServerView(long id, String hostname, String cpu, int ramGb, String disks, String location, String os,
        ServerStatus status, String suspensionNote, String powerState, Instant powerReadAt,
        List<AddressView> addresses, JobView activeJob,
        String label, String notes, Long customerId, String customerName) implements Serializable {

    /** The name to show: the reseller's own label where it set one, else the host name. */
    public String title() {
        return label == null || label.isBlank() ? hostname : label;
    }

    public boolean suspended() {
        return status == ServerStatus.SUSPENDED;
    }

    public boolean busy() {
        return activeJob != null;
    }
}
