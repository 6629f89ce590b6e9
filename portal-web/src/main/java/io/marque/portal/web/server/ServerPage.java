package io.marque.portal.web.server;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.ReverseDns;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.ServerStatus;
import io.marque.portal.server.ServerView;
import io.marque.portal.server.TemplateView;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.driver.PowerState;
import io.marque.portal.server.job.JobView;
import io.marque.portal.server.traffic.Traffic;
import io.marque.portal.server.traffic.TrafficChart;
import io.marque.portal.server.traffic.TrafficRange;
import io.marque.portal.server.traffic.TrafficSeries;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.Pages;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Messages;
import io.marque.portal.web.theme.Ui;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One server's page for whoever may reach it, customer or reseller staff: facts, power state and power
 * buttons, a reinstall with a confirm step, reverse DNS per address, the running job with its progress,
 * the recent jobs and the traffic graph. Each area has its own request-scoped subclass that names its
 * path; the views share the includes {@code WEB-INF/includes/server-*.xhtml}.
 *
 * <p>Behind a stateless view: every form carries the server's id, and the id, the traffic range and the
 * template to confirm are read from the request whenever they are first asked for (Faces evaluates a
 * button's {@code rendered} while decoding, before any model update), so nothing of the page lives in
 * the session. A server the reader may not reach, or that does not exist, is the site's 404.
 *
 * <p>The power state is read from the device when the page is opened, but not while a job runs: the job
 * drives the device then and the page reloads every {@value #REFRESH_SECONDS} s. A device that does not
 * answer does not fail the page; the last known state is shown with a warning.
 */
public abstract class ServerPage {

    /** How often the page reloads itself while a job is queued or running. */
    public static final int REFRESH_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(ServerPage.class.getName());

    @Inject
    ServerActions actions;

    @Inject
    ReverseDns reverseDns;

    @Inject
    Traffic traffic;

    @Inject
    protected CurrentUser me;

    @Inject
    protected Feedback feedback;

    @Inject
    protected Messages msg;

    @Inject
    protected Ui ui;

    private Long id;
    private boolean looked;
    private ServerView server;
    private PowerState livePower;
    private String powerProblem;
    private List<JobView> jobs;
    private List<TemplateView> templates;
    private TrafficSeries series;
    private Map<String, String> ptrs;

    /** Where this page is, e.g. {@code /customer/server}. */
    public abstract String getPath();

    /** The view action: the site's 404 for a server this reader may not reach, else the power state read now. */
    public void load() {
        ServerView shown = getServer();
        if (shown == null) {
            Pages.notFound();
            return;
        }
        if (!shown.busy() && shown.status() != ServerStatus.TERMINATED) {
            readPower(shown.id());
        }
    }

    private void readPower(long serverId) {
        try {
            livePower = actions.readPower(me.actor(), serverId);
        } catch (InvalidInputException e) {
            powerProblem = e.problems().values().stream().findFirst().orElse("server.error.failed");
        } catch (NotFoundException e) {
            powerProblem = "server.error.failed";
        } catch (RuntimeException e) {
            // whatever went wrong at the device, the page still shows what is known
            LOG.log(Level.WARNING, "Reading the power state of server " + serverId + " failed", e);
            powerProblem = "server.error.failed";
        }
    }

    /** Queues a power action ({@code ON}, {@code SOFT_OFF}, {@code HARD_OFF}, {@code RESET}, {@code CYCLE}). */
    public String power(String action) {
        return feedback.act(() -> actions.power(me.actor(), requiredId(), PowerAction.valueOf(action)),
                "server.done.power", getReloadOutcome());
    }

    /**
     * Queues the reinstall the reader confirmed. A second submission while the first runs is refused by
     * the service ({@code server.error.busy}) and the page says so.
     */
    public String reinstall() {
        String code = parameter("confirm");
        return feedback.act(() -> actions.reinstall(me.actor(), requiredId(), code), "server.done.reinstall",
                getReloadOutcome());
    }

    /** Sets the reverse DNS name of the address the form was for; an empty name removes it. */
    public String savePtr() {
        String address = parameter("address");
        String name = address == null ? null : getPtrs().get(address);
        boolean removing = name == null || name.isBlank();
        return feedback.act(() -> reverseDns.set(me.actor(), requiredId(), address, name),
                removing ? "server.done.ptrRemoved" : "server.done.ptrSaved", getReloadOutcome());
    }

    /** The server, or null when the reader may not reach it. */
    public ServerView getServer() {
        if (!looked) {
            looked = true;
            Long serverId = getId();
            server = serverId == null ? null : Pages.found(() -> actions.view(me.actor(), serverId));
        }
        return server;
    }

    public Long getId() {
        if (id == null) {
            id = Pages.longParameter("id");
        }
        return id;
    }

    /** {@code ON} or {@code OFF} as read now, else as last known; null if never known. */
    public String getPowerState() {
        if (livePower != null) {
            return livePower.name();
        }
        return getServer() == null ? null : server.powerState();
    }

    /** Whether the power state was read from the device for this page. */
    public boolean isPowerLive() {
        return livePower != null;
    }

    /** The message key of why the device could not be read now, or null. */
    public String getPowerProblem() {
        return powerProblem;
    }

    /** Whether the page reloads itself: while a job is queued or running. */
    public boolean isRefreshing() {
        return getServer() != null && server.busy();
    }

    /**
     * The {@code content} of the page's refresh. It names the page's address: after a refused form the
     * browser shows the post's address, which carries no server id.
     */
    public String getRefreshContent() {
        return REFRESH_SECONDS + "; url=" + getSelfUrl();
    }

    /** The address of this page for this server and range. */
    public String getSelfUrl() {
        return getPath() + "?id=" + getId() + rangeQuery();
    }

    /** Where a form goes after it succeeded: this page again, by GET. */
    protected String getReloadOutcome() {
        return getPath() + "?faces-redirect=true" + (getId() == null ? "" : "&id=" + getId()) + rangeQuery();
    }

    /** The templates this server may be reinstalled with. */
    public List<TemplateView> getTemplates() {
        if (templates == null) {
            List<TemplateView> offered = getServer() == null ? null
                    : Pages.found(() -> actions.templates(me.actor(), server.id()));
            templates = offered == null ? List.of() : offered;
        }
        return templates;
    }

    /** The template of the confirm step ({@code ?confirm=code}), or null when no (offered) template was chosen. */
    public TemplateView getConfirmTemplate() {
        String code = parameter("confirm");
        return code == null ? null : getTemplates().stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    /** A template's name, or its code when it is no longer offered. */
    public String templateName(String code) {
        return getTemplates().stream().filter(t -> t.code().equals(code)).map(TemplateView::name).findFirst()
                .orElse(code);
    }

    /** The reverse DNS names being edited, by address: the stored ones, then what the reader typed. */
    public Map<String, String> getPtrs() {
        if (ptrs == null) {
            ptrs = new HashMap<>();
            if (getServer() != null) {
                server.addresses().forEach(a -> ptrs.put(a.address(), a.ptr()));
            }
        }
        return ptrs;
    }

    /** Reverse DNS can be changed on an active server; a suspended one shows its names only. */
    public boolean isPtrEditable() {
        return getServer() != null && server.status() == ServerStatus.ACTIVE;
    }

    /** The server's recent jobs, newest first. */
    public List<JobView> getJobs() {
        if (jobs == null) {
            List<JobView> recent = getServer() == null ? null
                    : Pages.found(() -> actions.recentJobs(me.actor(), server.id()));
            jobs = recent == null ? List.of() : recent;
        }
        return jobs;
    }

    /** What a job does, in the reader's words: "Reset", "Reinstall with Debian 12". */
    public String actionText(JobView job) {
        if (job.templateCode() != null) {
            return msg.format("server.job.reinstallWith", templateName(job.templateCode()));
        }
        return msg.get("server.job.action." + job.action().name());
    }

    /**
     * Who asked for a job: "you" and "support" for a customer, an address, "provider" or "system" for
     * the reseller's staff; the fixed words are translated, addresses shown as they are.
     */
    public String requester(JobView job) {
        String who = job.requester();
        if (who == null) {
            return "";
        }
        return switch (who) {
            case "you", "support", "provider", "system", "customer" -> msg.get("server.requester." + who);
            default -> who;
        };
    }

    /** The traffic range shown: {@code DAY} unless {@code ?range=WEEK} or {@code MONTH} asks for another. */
    public String getRange() {
        return range().name();
    }

    public TrafficRange[] getRanges() {
        return TrafficRange.values();
    }

    /** The traffic over the range, or null when the server is not there. */
    public TrafficSeries getTraffic() {
        if (series == null && getServer() != null) {
            series = Pages.found(() -> traffic.series(me.actor(), server.id(), range()));
        }
        return series;
    }

    /**
     * The traffic graph as inline SVG. {@link TrafficChart} escapes every text it puts in (the title and
     * the labels), which is why the view may write it unescaped.
     */
    public String getTrafficSvg() {
        TrafficSeries shown = getTraffic();
        if (shown == null) {
            return "";
        }
        return TrafficChart.svg(shown, msg.format("server.traffic.chartTitle", server.title()),
                new TrafficChart.Labels(msg.get("server.traffic.in"), msg.get("server.traffic.out"),
                        msg.get("server.traffic.empty")),
                ui.getLocale(), ZoneId.of(ui.getTenant().timeZone()));
    }

    public String getReceivedTotal() {
        TrafficSeries shown = getTraffic();
        return shown == null ? "" : msg.format("server.traffic.gigabytes", shown.receivedBytes() / 1e9);
    }

    public String getTransmittedTotal() {
        TrafficSeries shown = getTraffic();
        return shown == null ? "" : msg.format("server.traffic.gigabytes", shown.transmittedBytes() / 1e9);
    }

    public String getReceivedPercentile() {
        TrafficSeries shown = getTraffic();
        return shown == null ? "" : msg.format("server.traffic.mbps", shown.percentile95ReceivedMbps());
    }

    public String getTransmittedPercentile() {
        TrafficSeries shown = getTraffic();
        return shown == null ? "" : msg.format("server.traffic.mbps", shown.percentile95TransmittedMbps());
    }

    /** The server's id for an action; a form without one is about nothing there. */
    protected long requiredId() {
        Long serverId = getId();
        if (serverId == null) {
            throw new NotFoundException("Server");
        }
        return serverId;
    }

    /** A request parameter, or null when it is missing or blank. */
    protected static String parameter(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private TrafficRange range() {
        String asked = parameter("range");
        if (asked != null) {
            for (TrafficRange candidate : TrafficRange.values()) {
                if (candidate.name().equals(asked)) {
                    return candidate;
                }
            }
        }
        return TrafficRange.DAY;
    }

    private String rangeQuery() {
        TrafficRange shown = range();
        return shown == TrafficRange.DAY ? "" : "&range=" + shown.name();
    }
}
