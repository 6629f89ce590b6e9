package io.marque.portal.web.admin;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.InventoryView;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.server.TemplateView;
import io.marque.portal.server.abuse.AbuseDesk;
import io.marque.portal.server.driver.EventLogEntry;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.driver.SensorReading;
import io.marque.portal.server.job.JobView;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One server in the provider's console: everything the inventory knows, including the internal data
 * no reseller sees; the admin's changes (edit, reseller, suspension, termination, back to the pool);
 * power actions and reinstalls with the recent jobs and why they failed; the BMC's sensors and event
 * log, read when asked; and filing an abuse report with the server's reseller.
 */
@Named("inventoryServer")
@ViewScoped
public class InventoryServer implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String RELOAD = "?faces-redirect=true&includeViewParams=true";

    /** The deadline an abuse report gets unless the provider sets another. */
    static final int DEFAULT_DEADLINE_HOURS = 48;

    @Inject
    ServerInventory inventory;

    @Inject
    ServerActions actions;

    @Inject
    AbuseDesk abuse;

    @Inject
    ResellerAdministration resellers;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Long id;
    private InventoryView server;
    private List<JobView> jobs;
    private List<TemplateView> templates;
    private List<ResellerView> resellerList;
    private ServerForm form;
    private Long assignTo;
    private String suspendReason;
    private String terminateReason;
    private boolean confirmingTerminate;
    private String template;
    private boolean reinstallConfirmed;
    private transient List<SensorReading> sensors;
    private transient List<EventLogEntry> events;
    private String evidence;
    private String deadlineHours = String.valueOf(DEFAULT_DEADLINE_HOURS);
    private String trafficHost;
    private String trafficIfIndex;
    private String trafficCommunity;

    public void load() {
        if (getServer() == null) {
            Pages.notFound();
        }
    }

    /**
     * The server, loaded again if this view's state was dropped while the page was rendering; null
     * when there is none with this id.
     */
    public InventoryView getServer() {
        if (server == null) {
            id = id != null ? id : Pages.longParameter("id");
            server = id == null ? null : Pages.found(() -> inventory.get(me.actor(), id));
        }
        return server;
    }

    public List<JobView> getJobs() {
        if (jobs == null) {
            jobs = actions.recentJobs(me.actor(), id);
        }
        return jobs;
    }

    public List<TemplateView> getTemplates() {
        if (templates == null) {
            templates = actions.templates(me.actor(), id);
        }
        return templates;
    }

    public List<ResellerView> getResellers() {
        if (resellerList == null) {
            resellerList = resellers.list(me.actor());
        }
        return resellerList;
    }

    public ServerForm getForm() {
        if (form == null && getServer() != null) {
            form = ServerForm.of(server);
        }
        return form;
    }

    public List<String> getDrivers() {
        return getForm().drivers(inventory.driverNames());
    }

    public String save() {
        return feedback.act(() -> inventory.update(me.actor(), id, form.request()), "inventory.saved", RELOAD);
    }

    public String assign() {
        if (assignTo == null) {
            feedback.error("inventory.assign.missing");
            return null;
        }
        return feedback.act(() -> inventory.assign(me.actor(), id, assignTo), "inventory.assigned", RELOAD);
    }

    public String backToPool() {
        return feedback.act(() -> inventory.assign(me.actor(), id, null), "inventory.pooled", RELOAD);
    }

    public String suspend() {
        return feedback.act(() -> inventory.suspend(me.actor(), id, suspendReason), "inventory.suspended", RELOAD);
    }

    public String unsuspend() {
        return feedback.act(() -> inventory.unsuspend(me.actor(), id), "inventory.unsuspended", RELOAD);
    }

    /** The first step of terminating: the page asks for the reason and a second click. */
    public String askTerminate() {
        confirmingTerminate = true;
        return null;
    }

    public String cancelTerminate() {
        confirmingTerminate = false;
        terminateReason = null;
        return null;
    }

    public String terminate() {
        return feedback.act(() -> inventory.terminate(me.actor(), id, terminateReason), "inventory.terminated", RELOAD);
    }

    public String returnToPool() {
        return feedback.act(() -> inventory.returnToPool(me.actor(), id), "inventory.returned", RELOAD);
    }

    /** A power button: {@code ON}, {@code SOFT_OFF}, {@code HARD_OFF}, {@code RESET} or {@code CYCLE}. */
    public String power(String action) {
        PowerAction chosen;
        try {
            chosen = PowerAction.valueOf(action);
        } catch (IllegalArgumentException | NullPointerException e) {
            chosen = null; // the service refuses a missing action with its own message
        }
        PowerAction power = chosen;
        return feedback.act(() -> actions.power(me.actor(), id, power), "inventory.power.queued", RELOAD);
    }

    public String reinstall() {
        if (!reinstallConfirmed) {
            feedback.error("inventory.reinstall.confirmMissing");
            return null;
        }
        return feedback.act(() -> actions.reinstall(me.actor(), id, template), "inventory.reinstall.queued", RELOAD);
    }

    /** Reads the sensors from the BMC now; a BMC that fails is said on the page, which stays. */
    public String readSensors() {
        sensors = fromBmc(() -> inventory.sensors(me.actor(), id));
        return null;
    }

    public String readEvents() {
        events = fromBmc(() -> inventory.events(me.actor(), id));
        return null;
    }

    private <T> List<T> fromBmc(Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            feedback.refused(e);
        } catch (NotFoundException e) {
            feedback.error("error.notFound");
        }
        return null;
    }

    /** Names the switch port the server's traffic is read from; a blank switch reads it through the driver. */
    public String saveTrafficPort() {
        return feedback.act(() -> inventory.setTrafficPort(me.actor(), id, trafficHost, ifIndex(trafficIfIndex),
                trafficCommunity), "inventory.trafficPort.saved", RELOAD);
    }

    /** An ifIndex as typed; anything that is no whole number becomes 0, which the inventory refuses. */
    static Integer ifIndex(String text) {
        String value = text == null ? "" : text.strip();
        return value.matches("[0-9]{1,10}") && Long.parseLong(value) <= Integer.MAX_VALUE ? Integer.valueOf(value) : 0;
    }

    public String report() {
        try {
            long report = abuse.report(me.actor(), id, evidence, hours(deadlineHours), Instant.now());
            feedback.info("providerAbuse.reported");
            return "/admin/abuse-report?faces-redirect=true&id=" + report;
        } catch (InvalidInputException e) {
            feedback.refused(e);
        } catch (NotFoundException e) {
            feedback.error("error.notFound");
        }
        return null;
    }

    /** Hours as typed; anything that is no whole number becomes 0, which the abuse desk refuses. */
    static int hours(String text) {
        String value = text == null ? "" : text.strip();
        return value.matches("[0-9]{1,6}") ? Integer.parseInt(value) : 0;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    /** The reseller chosen in the select; before any choice, the server's own. */
    public Long getAssignTo() { return assignTo != null || getServer() == null ? assignTo : server.resellerId(); }
    public void setAssignTo(Long assignTo) { this.assignTo = assignTo; }
    public String getSuspendReason() { return suspendReason; }
    public void setSuspendReason(String suspendReason) { this.suspendReason = suspendReason; }
    public String getTerminateReason() { return terminateReason; }
    public void setTerminateReason(String terminateReason) { this.terminateReason = terminateReason; }
    public boolean isConfirmingTerminate() { return confirmingTerminate; }
    public String getTemplate() { return template; }
    public void setTemplate(String template) { this.template = template; }
    public boolean isReinstallConfirmed() { return reinstallConfirmed; }
    public void setReinstallConfirmed(boolean reinstallConfirmed) { this.reinstallConfirmed = reinstallConfirmed; }
    public List<SensorReading> getSensors() { return sensors; }
    public List<EventLogEntry> getEvents() { return events; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public String getDeadlineHours() { return deadlineHours; }
    public void setDeadlineHours(String deadlineHours) { this.deadlineHours = deadlineHours; }
    /** The switch as typed; before any typing, the stored one. */
    public String getTrafficHost() { return trafficHost != null || getServer() == null ? trafficHost : server.trafficHost(); }
    public void setTrafficHost(String trafficHost) { this.trafficHost = trafficHost; }
    public String getTrafficIfIndex() {
        return trafficIfIndex != null || getServer() == null || server.trafficIfIndex() == null ? trafficIfIndex
                : server.trafficIfIndex().toString();
    }
    public void setTrafficIfIndex(String trafficIfIndex) { this.trafficIfIndex = trafficIfIndex; }
    /** Never shown: the page's password field starts empty, and empty keeps the stored community. */
    public String getTrafficCommunity() { return null; }
    public void setTrafficCommunity(String trafficCommunity) { this.trafficCommunity = trafficCommunity; }
}
