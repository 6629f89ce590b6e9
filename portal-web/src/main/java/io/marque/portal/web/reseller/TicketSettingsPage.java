package io.marque.portal.web.reseller;

import io.marque.portal.ticket.CannedReplyView;
import io.marque.portal.ticket.DepartmentView;
import io.marque.portal.ticket.Priority;
import io.marque.portal.ticket.TicketAdministration;
import io.marque.portal.ticket.TicketSettingsView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A reseller admin's ticket settings: the provider's alias and the escalation defaults, business hours
 * and SLA targets, departments, canned replies.
 */
@Named
@ViewScoped
public class TicketSettingsPage implements Serializable {

    @Inject
    TicketAdministration administration;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private String providerAlias;
    private boolean providerMayReply;
    private boolean shareCustomer;
    private List<String> days = new ArrayList<>();
    private String opensAt;
    private String closesAt;
    private final Map<Priority, Integer> firstResponse = new EnumMap<>(Priority.class);
    private final Map<Priority, Integer> resolution = new EnumMap<>(Priority.class);
    private String newDepartment;
    private Long cannedId;
    private String cannedTitle;
    private String cannedBody;

    @PostConstruct
    void load() {
        TicketSettingsView settings = administration.settings(me.actor());
        providerAlias = settings.providerAlias();
        providerMayReply = settings.providerMayReply();
        shareCustomer = settings.shareCustomer();
        days = settings.businessDays().stream().map(DayOfWeek::name).toList();
        opensAt = settings.opensAt();
        closesAt = settings.closesAt();
        settings.targets().forEach((priority, minutes) -> {
            firstResponse.put(priority, minutes[0]);
            resolution.put(priority, minutes[1]);
        });
    }

    public String save() {
        Map<Priority, int[]> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            Integer first = firstResponse.get(priority);
            Integer resolve = resolution.get(priority);
            targets.put(priority, new int[] {first == null ? 0 : first, resolve == null ? 0 : resolve});
        }
        EnumSet<DayOfWeek> businessDays = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days) {
            try {
                businessDays.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException ignored) {
                // a forged day name is simply not a business day
            }
        }
        return feedback.act(() -> administration.saveSettings(me.actor(), new TicketSettingsView(providerAlias,
                providerMayReply, shareCustomer, businessDays, opensAt, closesAt, targets)), "ticketSettings.saved");
    }

    public String addDepartment() {
        return feedback.act(() -> administration.addDepartment(me.actor(), newDepartment), "departments.added");
    }

    public String setDepartmentActive(long id, boolean active) {
        return feedback.act(() -> administration.setDepartmentActive(me.actor(), id, active), "departments.saved");
    }

    public String saveCanned() {
        return feedback.act(() -> administration.saveCannedReply(me.actor(), cannedId, cannedTitle, cannedBody),
                "canned.saved");
    }

    public void editCanned(CannedReplyView canned) {
        cannedId = canned.id();
        cannedTitle = canned.title();
        cannedBody = canned.body();
    }

    public String deleteCanned(long id) {
        return feedback.act(() -> administration.deleteCannedReply(me.actor(), id), "canned.deleted");
    }

    public List<DepartmentView> getDepartments() {
        return administration.departments(me.actor());
    }

    public List<CannedReplyView> getCannedReplies() {
        return administration.cannedReplies(me.actor());
    }

    public DayOfWeek[] getAllDays() {
        return DayOfWeek.values();
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public String getProviderAlias() { return providerAlias; }
    public void setProviderAlias(String providerAlias) { this.providerAlias = providerAlias; }
    public boolean isProviderMayReply() { return providerMayReply; }
    public void setProviderMayReply(boolean providerMayReply) { this.providerMayReply = providerMayReply; }
    public boolean isShareCustomer() { return shareCustomer; }
    public void setShareCustomer(boolean shareCustomer) { this.shareCustomer = shareCustomer; }
    public List<String> getDays() { return days; }
    public void setDays(List<String> days) { this.days = days; }
    public String getOpensAt() { return opensAt; }
    public void setOpensAt(String opensAt) { this.opensAt = opensAt; }
    public String getClosesAt() { return closesAt; }
    public void setClosesAt(String closesAt) { this.closesAt = closesAt; }
    public Map<Priority, Integer> getFirstResponse() { return firstResponse; }
    public Map<Priority, Integer> getResolution() { return resolution; }
    public String getNewDepartment() { return newDepartment; }
    public void setNewDepartment(String newDepartment) { this.newDepartment = newDepartment; }
    public Long getCannedId() { return cannedId; }
    public void setCannedId(Long cannedId) { this.cannedId = cannedId; }
    public String getCannedTitle() { return cannedTitle; }
    public void setCannedTitle(String cannedTitle) { this.cannedTitle = cannedTitle; }
    public String getCannedBody() { return cannedBody; }
    public void setCannedBody(String cannedBody) { this.cannedBody = cannedBody; }
}
