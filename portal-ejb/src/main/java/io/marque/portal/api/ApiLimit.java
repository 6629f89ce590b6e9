package io.marque.portal.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The provider's API limits for one reseller: requests a minute and the burst a bucket holds. */
@Entity
@Table(name = "api_limit")
public class ApiLimit {

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Column(name = "requests_per_minute", nullable = false)
    private int requestsPerMinute;

    @Column(nullable = false)
    private int burst;

    @Version
    private long version;

    protected ApiLimit() {
    }

    public ApiLimit(long tenantId, int requestsPerMinute, int burst) {
        this.tenantId = tenantId;
        set(requestsPerMinute, burst);
    }

    public long getTenantId() { return tenantId; }
    public int getRequestsPerMinute() { return requestsPerMinute; }
    public int getBurst() { return burst; }

    public void set(int requestsPerMinute, int burst) {
        this.requestsPerMinute = requestsPerMinute;
        this.burst = burst;
    }
}
