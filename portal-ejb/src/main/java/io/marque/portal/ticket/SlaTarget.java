package io.marque.portal.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** A reseller's promise for one priority: first answer and resolution, in business minutes. */
@Entity
@Table(name = "sla_target")
@IdClass(SlaTarget.Key.class)
@NamedQuery(name = "SlaTarget.ofTenant", query = "select s from SlaTarget s where s.tenantId = :tenant")
public class SlaTarget {

    /** The composite key; a plain class, because EclipseLink sets the fields of an id class. */
    public static class Key implements Serializable {
        private Long tenantId;
        private Priority priority;

        public Key() {
        }

        public Key(Long tenantId, Priority priority) {
            this.tenantId = tenantId;
            this.priority = priority;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && priority == key.priority;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, priority);
        }
    }

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Column(name = "first_response_minutes", nullable = false)
    private int firstResponseMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    protected SlaTarget() {
    }

    public SlaTarget(long tenantId, Priority priority, int firstResponseMinutes, int resolutionMinutes) {
        this.tenantId = tenantId;
        this.priority = priority;
        this.firstResponseMinutes = firstResponseMinutes;
        this.resolutionMinutes = resolutionMinutes;
    }

    public Priority getPriority() { return priority; }
    public int getFirstResponseMinutes() { return firstResponseMinutes; }
    public void setFirstResponseMinutes(int minutes) { this.firstResponseMinutes = minutes; }
    public int getResolutionMinutes() { return resolutionMinutes; }
    public void setResolutionMinutes(int minutes) { this.resolutionMinutes = minutes; }
    public Duration firstResponse() { return Duration.ofMinutes(firstResponseMinutes); }
    public Duration resolution() { return Duration.ofMinutes(resolutionMinutes); }
}
