package io.marque.portal.web.customer;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.DepartmentView;
import io.marque.portal.ticket.NewTicket;
import io.marque.portal.ticket.Priority;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.ticket.TicketCounters;
import io.marque.portal.web.ticket.Uploads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.util.List;

/** A customer opens a ticket: department, subject, priority, the related service, text and files. */
@Named
@RequestScoped
public class NewTicketForm {

    @Inject
    CustomerDesk desk;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long departmentId;
    private String subject;
    private String body;
    private Priority priority = Priority.NORMAL;
    private String relatedService;
    private List<Part> files;
    private List<DepartmentView> departments;

    public List<DepartmentView> getDepartments() {
        if (departments == null) {
            departments = desk.departments(me.actor());
        }
        return departments;
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public String submit() {
        try {
            long number = desk.open(me.actor(), new NewTicket(departmentId, subject, body, priority, relatedService),
                    Uploads.of(files));
            TicketCounters.forget();
            feedback.info("ticket.opened");
            return "/customer/ticket?faces-redirect=true&n=" + number;
        } catch (InvalidInputException e) {
            feedback.refused(e);
            return null;
        }
    }

    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public String getRelatedService() { return relatedService; }
    public void setRelatedService(String relatedService) { this.relatedService = relatedService; }
    public List<Part> getFiles() { return files; }
    public void setFiles(List<Part> files) { this.files = files; }
}
