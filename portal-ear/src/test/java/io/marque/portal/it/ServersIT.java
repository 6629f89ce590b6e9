package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.identity.Actor;
import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.server.CustomerServers;
import io.marque.portal.server.NewServer;
import io.marque.portal.server.OsTemplates;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.server.ReverseDns;
import io.marque.portal.server.ServerActions;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.server.ServerStatus;
import io.marque.portal.server.ServerView;
import io.marque.portal.server.abuse.AbuseDesk;
import io.marque.portal.server.abuse.AbuseState;
import io.marque.portal.server.driver.DriverException;
import io.marque.portal.server.driver.PowerAction;
import io.marque.portal.server.driver.SimulatedDriver;
import io.marque.portal.server.job.JobState;
import io.marque.portal.server.job.JobView;
import io.marque.portal.server.job.ServerJob;
import io.marque.portal.server.job.ServerJobs;
import io.marque.portal.server.traffic.Traffic;
import io.marque.portal.server.traffic.TrafficRange;
import io.marque.portal.audit.ActivityLog;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Servers inside the server, against PostgreSQL: the ownership rule through every service (another
 * customer's or reseller's server is not found, by id, whatever the call), suspension blocking what
 * would start a server, one job at a time, failed jobs with a reason only the provider sees in full,
 * reinstalls with the reseller's template choice, and the abuse timeline driven by the time given to
 * {@link AbuseDesk#enforce}.
 */
@ExtendWith(ArquillianExtension.class)
class ServersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(ServersIT.class, ServerFixtures.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    ServerFixtures servers;

    @Inject
    ServerInventory inventory;

    @Inject
    ResellerServers resellerServers;

    @Inject
    CustomerServers customerServers;

    @Inject
    ServerActions actions;

    @Inject
    ServerJobs jobs;

    @Inject
    OsTemplates templates;

    @Inject
    ReverseDns reverseDns;

    @Inject
    Traffic traffic;

    @Inject
    AbuseDesk abuse;

    @Inject
    SimulatedDriver simulation;

    @Inject
    ActivityLog activity;

    private Fixtures.Reseller a;
    private Fixtures.Reseller b;
    private Actor provider;

    @BeforeEach
    void twoResellers() {
        a = fixtures.reseller("servers-a");
        b = fixtures.reseller("servers-b");
        provider = fixtures.providerAdmin();
    }

    @Test
    void aServerIsReachedOnlyByItsCustomerItsResellerAndTheProvider() {
        long id = servers.assigned(provider, a, "own");
        Actor other = fixtures.anotherCustomer(a, "Otto Other");

        assertEquals(List.of(id), customerServers.list(a.customer(), 0, 100).stream().map(ServerView::id).toList());
        assertTrue(customerServers.list(other, 0, 100).isEmpty());
        assertTrue(resellerServers.list(b.admin(), 0).stream().noneMatch(s -> s.id() == id));
        assertTrue(resellerServers.list(a.agent(), 0).stream().anyMatch(s -> s.id() == id));

        for (Actor stranger : List.of(other, b.admin(), b.agent(), b.customer())) {
            notFound(() -> actions.view(stranger, id));
            notFound(() -> actions.power(stranger, id, PowerAction.CYCLE));
            notFound(() -> actions.reinstall(stranger, id, "debian-12"));
            notFound(() -> actions.readPower(stranger, id));
            notFound(() -> actions.recentJobs(stranger, id));
            notFound(() -> actions.templates(stranger, id));
            notFound(() -> reverseDns.set(stranger, id, servers.ipv4(id), "mail.example.com"));
            notFound(() -> traffic.series(stranger, id, TrafficRange.DAY));
        }
        for (Actor strangerStaff : List.of(b.admin())) {
            notFound(() -> resellerServers.assign(strangerStaff, id, b.customerId()));
            notFound(() -> resellerServers.describe(strangerStaff, id, "mine", null));
            notFound(() -> resellerServers.suspend(strangerStaff, id, "unpaid"));
        }
        assertThrows(ForbiddenException.class, () -> inventory.get(a.admin(), id), "a reseller has no inventory");
        assertThrows(ForbiddenException.class, () -> resellerServers.list(a.customer(), 0));
        InvalidInputException foreign = assertThrows(InvalidInputException.class,
                () -> resellerServers.assign(a.admin(), id, b.customerId()), "another reseller's customer");
        assertEquals("server.error.customer", foreign.problems().get("customer"));
        assertTrue(jobs.recent(id, 10).isEmpty(), "no refused call left a job");
    }

    @Test
    void whatTheCustomerSeesHoldsNothingOfTheProvidersOwn() {
        long id = servers.assigned(provider, a, "view");
        ServerView customerView = actions.view(a.customer(), id);
        resellerServers.describe(a.admin(), id, "Carla's shop", "pays late");

        String shown = customerView.toString() + actions.view(a.customer(), id);
        for (String internal : List.of(ServerFixtures.RACK, ServerFixtures.BMC_HOST, ServerFixtures.UPSTREAM, "41.50",
                "pays late", "Carla's shop")) {
            assertFalse(shown.contains(internal), internal + " reached the customer: " + shown);
        }
        assertEquals("Carla's shop", actions.view(a.admin(), id).label());
        assertEquals("pays late", actions.view(a.agent(), id).notes());
        assertEquals(ServerFixtures.RACK, inventory.get(provider, id).rack());
        assertFalse(inventory.get(provider, id).toString().contains(ServerFixtures.BMC_PASSWORD),
                "the BMC password is never shown, even to the provider");
        assertTrue(inventory.get(provider, id).assignedToCustomer());
        assertFalse(inventory.get(provider, id).toString().contains("Carla Customer"),
                "the provider sees that a customer has it, not who");
    }

    @Test
    void assignmentsAreReversibleAndAudited() {
        long id = servers.pooled(provider, "assign");
        inventory.assign(provider, id, a.tenantId());
        resellerServers.assign(a.admin(), id, a.customerId());
        assertEquals(1, customerServers.list(a.customer(), 0, 100).size());

        resellerServers.assign(a.admin(), id, null);
        assertTrue(customerServers.list(a.customer(), 0, 100).isEmpty(), "taken back from the customer");
        resellerServers.assign(a.admin(), id, a.customerId());
        inventory.assign(provider, id, null);
        assertTrue(customerServers.list(a.customer(), 0, 100).isEmpty(), "back in the pool: gone from the customer");
        notFound(() -> actions.view(a.admin(), id));
        assertNull(inventory.get(provider, id).resellerId());

        List<String> log = activity.page(a.admin(), null).stream().map(e -> e.action()).toList();
        assertTrue(log.containsAll(List.of("server.reseller.assigned", "server.customer.assigned",
                "server.customer.removed", "server.reseller.removed")), log.toString());
    }

    @Test
    void oneJobAtATimeAndTheStateIsReadBackFromTheDevice() throws Exception {
        long id = servers.assigned(provider, a, "jobs");
        JobView first = actions.power(a.customer(), id, PowerAction.HARD_OFF);
        InvalidInputException second = assertThrows(InvalidInputException.class,
                () -> actions.power(a.customer(), id, PowerAction.HARD_OFF), "a double click");
        assertEquals("server.error.busy", second.problems().get(""));
        assertThrows(InvalidInputException.class, () -> actions.power(a.admin(), id, PowerAction.CYCLE),
                "nor from the reseller while it runs");

        ServerJob done = servers.awaitEnd(first.id());
        assertEquals(JobState.DONE, done.getState());
        assertEquals("OFF", actions.view(a.customer(), id).powerState());
        assertEquals(1, jobs.recent(id, 10).size(), "exactly one power-off ran");
        assertEquals("OFF", actions.readPower(a.customer(), id).name());

        ServerJob on = servers.awaitEnd(actions.power(a.admin(), id, PowerAction.ON).id());
        assertEquals(JobState.DONE, on.getState());
        assertEquals("ON", actions.readPower(a.customer(), id).name());
        List<JobView> seen = actions.recentJobs(a.customer(), id);
        assertEquals(List.of("support", "you"), seen.stream().map(JobView::requester).toList(),
                "the customer sees its own and its reseller's jobs, newest first, without names");
    }

    @Test
    void aFailedJobSaysWhyAndFreesTheServer() throws Exception {
        long id = servers.assigned(provider, a, "fail");
        simulation.failNext(id, DriverException.Reason.UNREACHABLE);
        ServerJob failed = servers.awaitEnd(actions.power(a.customer(), id, PowerAction.RESET).id());

        assertEquals(JobState.FAILED, failed.getState());
        assertEquals("server.error.unreachable", failed.getFailureKey());
        JobView customerSees = actions.recentJobs(a.customer(), id).get(0);
        assertEquals("server.error.unreachable", customerSees.failureKey());
        assertNull(customerSees.failureDetail(), "the technical cause is the provider's");
        assertNotNull(actions.recentJobs(provider, id).get(0).failureDetail());
        assertEquals(JobState.DONE, servers.awaitEnd(actions.power(a.customer(), id, PowerAction.RESET).id()).getState(),
                "the server takes the next job");
    }

    @Test
    void aReinstallUsesAnOfferedTemplateReportsProgressAndMailsTheCustomer() throws Exception {
        long id = servers.assigned(provider, a, "reinstall");
        templates.setHidden(a.admin(), "windows-2022", true);
        assertTrue(actions.templates(a.customer(), id).stream().noneMatch(t -> t.code().equals("windows-2022")));
        InvalidInputException hidden = assertThrows(InvalidInputException.class,
                () -> actions.reinstall(a.customer(), id, "windows-2022"));
        assertEquals("server.error.template", hidden.problems().get("template"));
        assertThrows(InvalidInputException.class, () -> actions.reinstall(a.customer(), id, "../../etc/passwd"));
        assertTrue(actions.templates(b.customer(), servers.assigned(provider, b, "b-templates")).stream()
                .anyMatch(t -> t.code().equals("windows-2022")), "another reseller still offers it");

        JobView job = actions.reinstall(a.customer(), id, "almalinux-9");
        int highest = 0;
        boolean sawProgress = false;
        for (ServerJob seen = jobs.find(job.id()); seen.isActive(); seen = jobs.find(job.id())) {
            assertTrue(seen.getProgress() >= highest, "progress never goes back");
            highest = seen.getProgress();
            sawProgress |= highest > 0 && highest < 100;
            Thread.sleep(100);
        }
        assertEquals(JobState.DONE, jobs.find(job.id()).getState());
        assertTrue(sawProgress, "progress was visible on the way");
        assertEquals("AlmaLinux 9", actions.view(a.customer(), id).os());
        assertTrue(fixtures.outboxRecipients(a.tenantId()).contains(a.customerEmail()), "the customer is told");
    }

    @Test
    void aSuspendedServerCannotBeStartedByItsCustomerOrReseller() throws Exception {
        long id = servers.assigned(provider, a, "suspend");
        resellerServers.suspend(a.admin(), id, "Invoice 2026-11 is unpaid. Please pay it to continue.");

        for (Actor actor : List.of(a.customer(), a.admin())) {
            for (PowerAction action : List.of(PowerAction.ON, PowerAction.RESET, PowerAction.CYCLE)) {
                InvalidInputException refused = assertThrows(InvalidInputException.class,
                        () -> actions.power(actor, id, action));
                assertEquals("server.error.suspended", refused.problems().get(""));
            }
            assertThrows(InvalidInputException.class, () -> actions.reinstall(actor, id, "debian-12"));
        }
        assertTrue(jobs.recent(id, 10).isEmpty(), "nothing was queued");
        ServerView seen = actions.view(a.customer(), id);
        assertEquals(ServerStatus.SUSPENDED, seen.status());
        assertEquals("Invoice 2026-11 is unpaid. Please pay it to continue.", seen.suspensionNote());
        assertEquals(JobState.DONE, servers.awaitEnd(actions.power(a.customer(), id, PowerAction.SOFT_OFF).id()).getState(),
                "switching it off stays allowed");

        resellerServers.unsuspend(a.admin(), id);
        assertEquals(JobState.DONE, servers.awaitEnd(actions.power(a.customer(), id, PowerAction.ON).id()).getState());

        inventory.suspend(provider, id, "spam run");
        InvalidInputException lift = assertThrows(InvalidInputException.class, () -> resellerServers.unsuspend(a.admin(), id));
        assertEquals("server.error.providerSuspension", lift.problems().get(""));
        assertNull(actions.view(a.customer(), id).suspensionNote(), "the provider's reason never reaches the customer");
        resellerServers.explain(a.admin(), id, "Your server is paused while we look into a complaint.");
        assertEquals("Your server is paused while we look into a complaint.",
                actions.view(a.customer(), id).suspensionNote());
    }

    @Test
    void anUnresolvedAbuseReportSuspendsTheServerAtItsDeadline() {
        long id = servers.assigned(provider, a, "abuse");
        long resolvedInTime = servers.assigned(provider, a, "abuse-ok");
        Instant now = Instant.now();
        long report = abuse.report(fixtures.providerAgent(), id, "Port scans from 203.0.113.9 at 03:12 UTC", 24, now);
        long other = abuse.report(fixtures.providerAgent(), resolvedInTime, "Spam", 24, now);

        assertTrue(fixtures.outboxRecipients(providerTenant()).contains(a.adminEmail()),
                "the reseller's admin is told (no primary contact set)");
        assertThrows(ForbiddenException.class, () -> abuse.list(a.customer()), "customers never see reports");
        notFound(() -> abuse.get(b.admin(), report));
        notFound(() -> abuse.respond(b.admin(), report, "not ours"));
        assertEquals(List.of(other, report), abuse.list(a.agent()).stream().map(r -> r.id()).toList());

        abuse.respond(a.agent(), report, "Looking into it.");
        abuse.resolve(a.admin(), other, "Customer removed the mailer.");
        assertEquals(0, abuse.enforce(now.plus(Duration.ofHours(23))), "before the deadline nothing happens");
        assertEquals(ServerStatus.ACTIVE, actions.view(a.customer(), id).status());

        assertEquals(1, abuse.enforce(now.plus(Duration.ofHours(25))));
        assertEquals(AbuseState.SUSPENDED, abuse.get(provider, report).state());
        assertEquals(AbuseState.RESOLVED, abuse.get(provider, other).state());
        assertEquals(ServerStatus.ACTIVE, actions.view(a.customer(), resolvedInTime).status());
        assertEquals(ServerStatus.SUSPENDED, actions.view(a.customer(), id).status());
        assertThrows(InvalidInputException.class, () -> actions.power(a.customer(), id, PowerAction.ON));
        assertEquals(0, abuse.enforce(now.plus(Duration.ofHours(26))), "enforced once");

        abuse.terminate(provider, report);
        assertEquals(AbuseState.TERMINATED, abuse.get(provider, report).state());
        assertTrue(customerServers.list(a.customer(), 0, 100).stream().noneMatch(s -> s.id() == id));
        notFound(() -> actions.view(a.customer(), id));
        assertEquals(ServerStatus.TERMINATED, inventory.get(provider, id).status());
    }

    @Test
    void refusedInventoryInputChangesNothing() {
        int before = inventory.list(provider, "refused-", null, 0).size();
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> inventory.add(provider,
                new NewServer("refused-<script>.example", "x", -1, "d", List.of("999.1.1.1"), List.of(), "Frankfurt",
                        "Debian", "ipmi", null, null, 623, null, null, null, new BigDecimal("-1"), "EUR")));
        assertTrue(bad.problems().size() >= 3, bad.problems().toString());
        byte[] csv = ("hostname,cpu,ram_gb,disks,ipv4,location,os\n"
                + "refused-ok.example,x,8,d,198.51.100.250,Frankfurt,Debian\n"
                + "refused-bad.example,x,eight,d,198.51.100.251,Frankfurt,Debian\n").getBytes();
        assertThrows(ServerInventory.ImportException.class, () -> inventory.importCsv(provider, csv));
        assertEquals(before, inventory.list(provider, "refused-", null, 0).size(), "no line of a bad file is kept");
        assertThrows(ForbiddenException.class, () -> inventory.add(fixtures.providerAgent(), servers.spec("agent")),
                "agents do not change the inventory");
    }

    private long providerTenant() {
        return provider.tenantId();
    }

    private static void notFound(Executable call) {
        assertThrows(NotFoundException.class, () -> call.execute());
    }

    @FunctionalInterface
    interface Executable {
        void execute() throws Exception;
    }
}
