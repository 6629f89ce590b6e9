package io.marque.portal.it.sweep;

import java.util.Map;
import java.util.TreeMap;

/**
 * The id-taking service methods no registered page, servlet or API method calls, with how their isolation
 * is tested: one or more IT test methods ("it.TenantIsolationIT#method", checked to exist by
 * {@link SurfaceCoverageTest}), or {@link #INTERNAL} with the reason no caller's id reaches them (a timer,
 * a job, a mail intake: the ids come from the server's own rows, never from a request), or {@link #UNCALLED}
 * when nothing calls it (checked: a caller added later makes the coverage test fail here).
 * A method a registered entry calls needs no line here: the isolation sweep requests that entry.
 */
final class ServiceCoverage {

    static final String INTERNAL = "internal:";

    /** No source calls the method at all (checked by {@link SurfaceCoverageTest}): nothing reaches it to sweep. */
    static final String UNCALLED = "uncalled:";

    static final Map<String, String> COVERED = new TreeMap<>();

    private ServiceCoverage() {
    }

    private static void it(String method, String tests) {
        COVERED.put(method, tests);
    }

    private static void uncalled(String method, String note) {
        COVERED.put(method, UNCALLED + " " + note);
    }

    private static void internal(String method, String reason) {
        COVERED.put(method, INTERNAL + " " + reason);
    }

    static {
        // called with the host's tenant, never a tenant the caller names: isolation is the host's
        it("AuthenticationService#signIn", "it.AuthenticationIT#theSameCredentialsWorkOnlyOnTheirOwnTenant,"
                + " it.HttpSurfaceIT#acmeCredentialsFailOnBluebird");
        it("AuthenticationService#completeSecondFactor", "it.AuthenticationIT#theSecondFactorIsRequiredAndItsCodeCannotBeReplayed");
        it("ApiKeys#authenticate", "it.ApiIT#aKeyIsRefusedOnAnotherTenantsDomainWithoutItsScopeAndAfterRevocation");
        // the one door every server action goes through (ServerActions, ResellerServers, the API)
        it("ServerAccess#reach", "it.ServersIT#aServerIsReachedOnlyByItsCustomerItsResellerAndTheProvider");

        // no page offers renaming a department (ticket settings add and deactivate them); the service checks the
        // reseller admin and the department's tenant (TicketAdministration#department) should a page call it
        uncalled("TicketAdministration#renameDepartment", "no caller: a page that adds one must be registered");

        // audit: the affected tenant is the one the calling service has just read and checked
        internal("AuditRecorder#recordOn", "called by services with the tenant of the row they acted on");
        internal("AuditRecorder#recordAnonymous", "called by sign-in and intake with the host's tenant");
        internal("AuditRecorder#forget", "called by CustomerPrivacy.erase with the tenant and customer it has just checked");
        internal("AuditRecorder#forgetDetails", "called by CustomerPrivacy.erase with the tickets of the customer it has just checked");

        // reads and writes services make for one another, with ids they read themselves
        internal("Accounts#account", "billing's own lookup by the tenant and customer of an invoice or order it holds");
        internal("Catalogue#find", "the provider's catalogue is shared by every reseller; callers check what is offered");
        internal("Discounts#mayOrder", "the reseller program's rules for the ordering reseller, from the actor's tenant");
        internal("Discounts#policyOf", "as Discounts#mayOrder");
        internal("Invoices#issue", "orders, renewals and the wholesale run issue invoices for the tenant they bill");
        internal("Invoices#settingsOf", "the settings of the tenant an invoice is issued for, by billing itself");
        internal("OsTemplates#offered", "the templates of the server's own reseller, after ServerAccess#reach");
        internal("Pricing#quote", "Orders quotes for the actor's own tenant");
        internal("Pricing#terms", "as Pricing#quote");
        internal("ResellerContacts#abuseRecipients", "abuse mail to the reseller of the server a report names");
        internal("ResellerContacts#primaryRecipients", "notices to the reseller a billing or program event concerns");
        internal("ResellerTerms#mayOrder", "the ordering reseller's standing, from the actor's tenant");
        internal("ResellerTerms#policyOf", "as ResellerTerms#mayOrder");
        internal("Standings#activeServers", "the program's standing of a reseller, read for that reseller or the provider");
        internal("Standings#of", "as Standings#activeServers");
        internal("Standings#turnover", "as Standings#activeServers");
        internal("ServerAllocation#allocate", "provisioning after a paid order, for the order's reseller and customer");
        internal("ServerBilling#returnToPool", "dunning and cancellation act on the server of the service they hold");
        internal("ServerBilling#suspend", "as ServerBilling#returnToPool");
        internal("ServerBilling#takeBackFromCustomer", "as ServerBilling#returnToPool");
        internal("ServerBilling#unsuspend", "as ServerBilling#returnToPool");
        internal("ServerJobs#find", "the job runner's own lookup of a queued job");
        internal("ServerJobs#powerRead", "the state read from the device of a server already reached");
        internal("ServerJobs#recent", "the jobs of a server its page has already reached");
        internal("TicketQueries#attachment", "the desks' lookup with the actor's tenant, after their own check");
        internal("TicketQueries#byId", "as TicketQueries#attachment");
        internal("TicketQueries#byNumber", "as TicketQueries#attachment");
        internal("TicketQueries#visibilityOf", "as TicketQueries#attachment");
        internal("TicketWriter#open", "the desks and mail intake open tickets for the tenant they resolved");
        internal("Users#byEmail", "sign-in and reset look up a user of the host's tenant");
        internal("Users#byId", "the session's own user, in the session's tenant");
        internal("WebhookPublisher#publish", "events of the tenant whose row changed");

        // timers and workers: the ids are of rows they found due
        internal("ApplicationNotifier#received", "mail after an application, for the application just stored");
        internal("ApplicationNotifier#reviewed", "mail after a review, for the application just reviewed");
        internal("ApplicationReview#approveAutomatically", "the program's automatic approval of an application it holds");
        internal("Certificates#begin", "the certificate timer's own due rows");
        internal("Certificates#failed", "as Certificates#begin");
        internal("Certificates#issued", "as Certificates#begin");
        internal("DomainChecks#checkById", "the domain-check timer's own due rows");
        internal("Dunning#advance", "the dunning timer's own overdue invoices");
        internal("Dunning#restore", "dunning, when an invoice it holds is paid");
        internal("JobExecution#claim", "the job runner's own queued jobs");
        internal("JobExecution#done", "as JobExecution#claim");
        internal("JobExecution#failed", "as JobExecution#claim");
        internal("JobExecution#progress", "as JobExecution#claim");
        internal("Mailboxes#imapAccount", "the mailbox poller's own tenants");
        internal("Mailboxes#recordPoll", "as Mailboxes#imapAccount");
        internal("OutboxWorker#deliver", "the outbox timer's own due mails");
        internal("Renewals#renewCustomer", "the renewal timer's own due services");
        internal("Traffic#sample", "the traffic sampler's own servers");
        internal("WebhookOutbox#record", "the webhook worker's own due deliveries");
    }
}
