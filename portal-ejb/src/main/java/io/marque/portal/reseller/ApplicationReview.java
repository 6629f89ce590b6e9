package io.marque.portal.reseller;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.NewReseller;
import io.marque.portal.tenant.ResellerAdministration;
import io.marque.portal.tenant.ResellerView;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The provider admin's review queue: read an application, then approve it, reject it or ask the
 * applicant for more — each with a note the applicant reads, each recorded and mailed. Approval creates
 * the reseller as the provider's own form does ({@link ResellerAdministration#create}): the desired short
 * name, the host name {@code <short name>.<MARQUE_RESELLER_BASE_DOMAIN>}, the contact invited as its
 * first admin; then fills its profile with the company details. If creating it is refused (the short name
 * was taken meanwhile), nothing is stored and the reviewer hears why.
 *
 * <p>A decided application stays decided. Each review issues the applicant a new private link in its mail.
 */
@Stateless
public class ApplicationReview {

    /** Who approves when the program approves without review, in the activity log. */
    public static final String AUTOMATIC = "auto-approval";

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @Inject
    ApplicationNotifier notifier;

    @Inject
    ResellerAdministration resellers;

    @Inject
    DomainDirectory directory;

    @Inject
    MarqueConfig config;

    /** Open applications oldest first, or every application newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ApplicationSummary> queue(Actor actor, boolean openOnly) {
        actor.require(Role.PROVIDER_ADMIN);
        var query = openOnly
                ? em.createNamedQuery("ResellerApplication.withStatus", ResellerApplication.class)
                        .setParameter("statuses", List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_INFO))
                : em.createNamedQuery("ResellerApplication.all", ResellerApplication.class);
        return query.setMaxResults(500).getResultStream().map(ApplicationSummary::of).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ApplicationDetail get(Actor actor, long applicationId) {
        actor.require(Role.PROVIDER_ADMIN);
        ResellerApplication application = em.find(ResellerApplication.class, applicationId);
        if (application == null) {
            throw new NotFoundException("Application");
        }
        return detail(application);
    }

    /**
     * Approves an open application: creates the reseller and its profile and invites the contact.
     *
     * @param note optional; the applicant reads it
     * @throws InvalidInputException when it is decided already, or creating the reseller was refused
     */
    public ApplicationDetail approve(Actor actor, long applicationId, String note) {
        actor.require(Role.PROVIDER_ADMIN);
        ResellerApplication application = lockOpen(applicationId);
        String text = Fields.optionalMultiline("reviewNote", note, 4000);
        approve(actor, application, text);
        return detail(application);
    }

    /** Rejects an open application for good; the note, which the applicant reads, is required. */
    public ApplicationDetail reject(Actor actor, long applicationId, String note) {
        actor.require(Role.PROVIDER_ADMIN);
        ResellerApplication application = lockOpen(applicationId);
        decide(actor, application, ApplicationStatus.REJECTED, requiredNote(note), "application.rejected");
        return detail(application);
    }

    /**
     * Asks the applicant of a waiting application for more: the note says what. The applicant changes and
     * resubmits it through its link.
     */
    public ApplicationDetail askForMore(Actor actor, long applicationId, String note) {
        actor.require(Role.PROVIDER_ADMIN);
        ResellerApplication application = lockOpen(applicationId);
        if (application.getStatus() != ApplicationStatus.SUBMITTED) {
            throw new InvalidInputException("", "application.error.waitingForApplicant");
        }
        decide(actor, application, ApplicationStatus.MORE_INFO, requiredNote(note), "application.more-info");
        return detail(application);
    }

    /**
     * Approves a just (re)submitted application when the program approves without review; runs in the
     * submitting transaction, so a refusal refuses the submission too. Does nothing when the program
     * reviews applications or the application is not waiting.
     */
    public void approveAutomatically(long providerId, long applicationId, String clientAddress) {
        ProgramSettings program = em.find(ProgramSettings.class, ProgramSettings.ID);
        // the submitting caller made or locked the row in this transaction; a locking find would re-read it
        ResellerApplication application = em.find(ResellerApplication.class, applicationId);
        if (!program.isAutoApprove() || application == null || application.getStatus() != ApplicationStatus.SUBMITTED) {
            return;
        }
        Actor system = new Actor(providerId, 0L, AUTOMATIC, EnumSet.of(Role.PROVIDER_ADMIN), clientAddress);
        approve(system, application, null);
    }

    private void approve(Actor actor, ResellerApplication application, String note) {
        String host = ApplicationForm.host(application.getDesiredSlug(), config.resellerBaseDomain());
        Locale locale = Locale.forLanguageTag(application.getLocale());
        ResellerView created = resellers.create(actor, new NewReseller(application.getBusinessName(),
                application.getDesiredSlug(), host, "base", application.getContactEmail(),
                application.getContactName(), application.getContactEmail()), locale);
        ResellerProfile profile = em.find(ResellerProfile.class, created.id());
        if (profile == null) {
            profile = new ResellerProfile(created.id(), application.getBusinessName());
            em.persist(profile);
        }
        profile.setCompanyName(application.getBusinessName());
        profile.setRegistrationNumber(application.getRegistrationNumber());
        profile.setTaxId(application.getTaxId());
        // the fixed discount stays unset: the reseller follows the program's default
        application.setTenantId(created.id());
        decide(actor, application, ApplicationStatus.APPROVED, note, "application.approved");
    }

    private void decide(Actor actor, ResellerApplication application, ApplicationStatus outcome, String note,
            String action) {
        application.review(outcome, note, actor.email(), Instant.now());
        String token = ApplicationToken.newToken();
        application.setTokenHash(ApplicationToken.digest(token));
        audit.record(actor, action, application.getBusinessName(), "application " + application.getId()
                + (application.getTenantId() == null ? "" : ", reseller " + application.getDesiredSlug()));
        notifier.reviewed(actor.tenantId(), application, token, application.getTenantId());
    }

    private ResellerApplication lockOpen(long applicationId) {
        ResellerApplication application = em.find(ResellerApplication.class, applicationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new NotFoundException("Application");
        }
        if (!application.getStatus().isOpen()) {
            throw new InvalidInputException("", "application.error.decided");
        }
        return application;
    }

    private static String requiredNote(String note) {
        String text = Fields.optionalMultiline("reviewNote", note, 4000);
        if (text == null) {
            throw new InvalidInputException("reviewNote", "error.required");
        }
        return text;
    }

    private ApplicationDetail detail(ResellerApplication application) {
        String host = application.getTenantId() != null
                ? directory.byIdFresh(application.getTenantId()).map(TenantSnapshot::primaryHost).orElse(null)
                : ApplicationForm.host(application.getDesiredSlug(), config.resellerBaseDomain());
        return ApplicationDetail.of(application, host);
    }
}
