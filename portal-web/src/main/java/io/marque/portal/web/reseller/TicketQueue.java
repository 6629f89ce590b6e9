package io.marque.portal.web.reseller;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.ticket.DepartmentView;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.Queue;
import io.marque.portal.ticket.QueueCounts;
import io.marque.portal.ticket.QueueFilter;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketCursor;
import io.marque.portal.ticket.TicketStatus;
import io.marque.portal.ticket.TicketSummary;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reseller's ticket queues (all, mine, unassigned, escalated, overdue) with their counters, the
 * filters and full-text search, sorted breached-first, paged by key; everything in the URL.
 */
@Named
@RequestScoped
public class TicketQueue {

    @Inject
    ResellerDesk desk;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private String queue;
    private Long department;
    private String status;
    private String priority;
    private Long customer;
    private String tag;
    private String q;
    private String after;
    private List<TicketSummary> page;
    private QueueCounts counts;

    public List<TicketSummary> getPage() {
        if (page == null) {
            try {
                page = desk.queue(me.actor(), getQueueValue(), new QueueFilter(department, status, priorityValue(),
                        customer, tag, q), after);
            } catch (InvalidInputException e) {
                feedback.refused(e);
                page = List.of();
            }
        }
        return page;
    }

    public QueueCounts getCounts() {
        if (counts == null) {
            counts = desk.counts(me.actor());
        }
        return counts;
    }

    /** Each queue's link, keeping the filters. */
    public Map<String, String> getQueueLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        for (Queue each : Queue.values()) {
            links.put(each.name(), "/reseller/tickets?queue=" + each.name() + "&" + filters());
        }
        return links;
    }

    public long count(String name) {
        QueueCounts c = getCounts();
        return switch (Queue.valueOf(name)) {
            case ALL -> c.all();
            case MINE -> c.mine();
            case UNASSIGNED -> c.unassigned();
            case ESCALATED -> c.escalated();
            case OVERDUE -> c.overdue();
        };
    }

    public String getNextUrl() {
        List<TicketSummary> rows = getPage();
        if (rows.size() < ResellerDesk.PAGE) {
            return null;
        }
        return "/reseller/tickets?queue=" + getQueueValue().name() + "&" + filters() + "after="
                + TicketCursor.of(rows.get(rows.size() - 1), true);
    }

    public String getFirstUrl() {
        return "/reseller/tickets?queue=" + getQueueValue().name() + "&" + filters();
    }

    public List<DepartmentView> getDepartments() {
        return desk.departments(me.actor());
    }

    public TicketStatus[] getStatuses() {
        return TicketStatus.values();
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public Queue getQueueValue() {
        try {
            return queue == null ? Queue.ALL : Queue.valueOf(queue);
        } catch (IllegalArgumentException e) {
            return Queue.ALL;
        }
    }

    private Priority priorityValue() {
        try {
            return priority == null || priority.isBlank() ? null : Priority.valueOf(priority);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("priority", "error.text.invalid");
        }
    }

    private String filters() {
        StringBuilder query = new StringBuilder();
        append(query, "department", department == null ? null : department.toString());
        append(query, "status", status);
        append(query, "priority", priority);
        append(query, "customer", customer == null ? null : customer.toString());
        append(query, "tag", tag);
        append(query, "q", q);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }

    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public Long getDepartment() { return department; }
    public void setDepartment(Long department) { this.department = department; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public Long getCustomer() { return customer; }
    public void setCustomer(Long customer) { this.customer = customer; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getAfter() { return after; }
    public void setAfter(String after) { this.after = after; }
}
