package io.marque.portal.web.reseller;

import io.marque.portal.platform.NotFoundException;
import io.marque.portal.ticket.CannedReplyView;
import io.marque.portal.ticket.DepartmentView;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.StaffMember;
import io.marque.portal.ticket.Tags;
import io.marque.portal.ticket.TicketAdministration;
import io.marque.portal.ticket.TicketDetail;
import io.marque.portal.ticket.TicketStatus;
import io.marque.portal.ticket.Visibility;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.ticket.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;

/**
 * One ticket for the reseller's staff: the whole thread, answers, notes and messages to the provider,
 * canned replies, assignment, priority, department, status, tags, merging, escalation and taking back.
 */
@Named
@ViewScoped
public class ResellerTicket implements Serializable {

    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    @Inject
    ResellerDesk desk;

    @Inject
    TicketAdministration administration;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long n;
    private TicketDetail ticket;
    private String body;
    private Visibility visibility = Visibility.PUBLIC;
    private transient List<Part> files;
    private Long cannedId;
    private Long assignee;
    private Priority priority;
    private Long department;
    private TicketStatus status;
    private String tags;
    private Long mergeInto;
    private String reason;
    private boolean providerMayReply;
    private boolean shareCustomer;

    public void load() {
        if (getTicket() == null) {
            Pages.notFound();
            return;
        }
        assignee = ticket.assigneeId();
        priority = ticket.summary().priority();
        department = ticket.departmentId();
        status = ticket.summary().status();
        tags = Tags.format(ticket.summary().tags());
        // a new ticket starts with the reseller's defaults; a ticket escalated before keeps its last choice
        providerMayReply = ticket.providerMayReply();
        shareCustomer = ticket.shareCustomer();
    }

    public String reply() {
        return feedback.act(() -> desk.reply(me.actor(), n, visibility, body, Uploads.of(files)),
                visibility == Visibility.RESELLER_NOTE ? "ticket.noted" : "ticket.replied", RELOAD);
    }

    /** Puts the chosen canned reply, filled in for this ticket, into the answer box to edit. */
    public void insertCanned() {
        if (cannedId != null) {
            try {
                String text = desk.cannedText(me.actor(), n, cannedId);
                body = body == null || body.isBlank() ? text : body + "\n\n" + text;
            } catch (NotFoundException e) {
                feedback.error("error.notFound");
            }
        }
    }

    public String assign() {
        return feedback.act(() -> desk.assign(me.actor(), n, assignee), "ticket.assigned", RELOAD);
    }

    public String takeIt() {
        return feedback.act(() -> desk.assign(me.actor(), n, me.user().userId()), "ticket.assigned", RELOAD);
    }

    public String update() {
        return feedback.act(() -> desk.update(me.actor(), n, priority, department, status), "ticket.updated", RELOAD);
    }

    public String saveTags() {
        return feedback.act(() -> desk.setTags(me.actor(), n, tags), "ticket.updated", RELOAD);
    }

    public String merge() {
        return feedback.act(() -> desk.merge(me.actor(), n, mergeInto == null ? 0 : mergeInto), "ticket.merged",
                "/reseller/ticket?faces-redirect=true&n=" + mergeInto);
    }

    public String escalate() {
        return feedback.act(() -> desk.escalate(me.actor(), n, reason, providerMayReply, shareCustomer),
                "ticket.escalatedDone", RELOAD);
    }

    public String takeBack() {
        return feedback.act(() -> desk.takeBack(me.actor(), n), "ticket.takenBack", RELOAD);
    }

    public List<StaffMember> getAgents() {
        return desk.agents(me.actor());
    }

    public List<DepartmentView> getDepartments() {
        return desk.departments(me.actor());
    }

    public List<CannedReplyView> getCannedReplies() {
        return administration.cannedReplies(me.actor());
    }

    public List<Visibility> getWritable() {
        return ticket == null ? List.of() : List.of(Visibility.values()).stream().filter(ticket::mayWrite).toList();
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public List<TicketStatus> getSettableStatuses() {
        return TicketStatus.SETTABLE.stream().sorted().toList();
    }

    /**
     * The ticket, loaded again if this view's state was dropped while the page was rendering (a
     * session keeps a bounded number of views, and many parallel requests of one session evict them).
     */
    public TicketDetail getTicket() {
        if (ticket == null) {
            n = n != null ? n : Pages.longParameter("n");
            ticket = n == null ? null : Pages.found(() -> desk.read(me.actor(), n));
        }
        return ticket;
    }
    public Long getN() { return n; }
    public void setN(Long n) { this.n = n; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public Visibility getVisibility() { return visibility; }
    public void setVisibility(Visibility visibility) { this.visibility = visibility; }
    public List<Part> getFiles() { return files; }
    public void setFiles(List<Part> files) { this.files = files; }
    public Long getCannedId() { return cannedId; }
    public void setCannedId(Long cannedId) { this.cannedId = cannedId; }
    public Long getAssignee() { return assignee; }
    public void setAssignee(Long assignee) { this.assignee = assignee; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public Long getDepartment() { return department; }
    public void setDepartment(Long department) { this.department = department; }
    public TicketStatus getStatus() { return status; }
    public void setStatus(TicketStatus status) { this.status = status; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public Long getMergeInto() { return mergeInto; }
    public void setMergeInto(Long mergeInto) { this.mergeInto = mergeInto; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isProviderMayReply() { return providerMayReply; }
    public void setProviderMayReply(boolean providerMayReply) { this.providerMayReply = providerMayReply; }
    public boolean isShareCustomer() { return shareCustomer; }
    public void setShareCustomer(boolean shareCustomer) { this.shareCustomer = shareCustomer; }
}
