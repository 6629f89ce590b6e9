package io.marque.portal.reseller;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.MarqueConfig;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.tenant.Domain;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.Tenant;
import io.marque.portal.tenant.TenantKind;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The applicant's side of the program, on the provider's public host and without an account: send an
 * application, follow it through the private link mailed for it, and, when a reviewer asked for more,
 * change and resubmit it. Every method names the tenant of the request's host and refuses any but the
 * provider's, as if the pages did not exist there.
 *
 * <p>An anonymous form that mails whoever it names could be used to send mail in the provider's name:
 * an address may have one open application, and a client address at most {@link #DAILY_LIMIT} a day.
 */
@Stateless
public class Applications {

    /** Applications one client address may send in a day. */
    public static final int DAILY_LIMIT = 5;

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    AuditRecorder audit;

    @Inject
    ApplicationNotifier notifier;

    @Inject
    ApplicationReview review;

    @Inject
    MarqueConfig config;

    @Inject
    DomainDirectory directory;

    /** Whether the program takes applications and which extra questions the form asks. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ApplicationFormSpec form(long tenantId) {
        requireProvider(tenantId);
        ProgramSettings program = program();
        return new ApplicationFormSpec(program.isEnabled(), program.extraLabels());
    }

    /**
     * Accepts an application, mails the applicant its private link and, when the program approves
     * without review, approves it at once.
     *
     * @return the application's id
     * @throws InvalidInputException the whole form ({@code ""}) when the program takes no applications or
     *                               this client sent too many today; otherwise each wrong field, including a
     *                               short name that is taken or wanted by another open application, and an
     *                               address that has an open application already
     */
    public long submit(long tenantId, ApplicationForm form, Locale locale, String clientAddress) {
        requireProvider(tenantId);
        ProgramSettings program = program();
        if (!program.isEnabled()) {
            throw new InvalidInputException("", "application.error.closed");
        }
        Instant now = Instant.now();
        if (clientAddress != null && em.createQuery("select count(a) from ResellerApplication a"
                + " where a.clientAddress = :address and a.createdAt > :since", Long.class)
                .setParameter("address", clientAddress).setParameter("since", now.minus(Duration.ofDays(1)))
                .getSingleResult() >= DAILY_LIMIT) {
            throw new InvalidInputException("", "application.error.tooMany");
        }
        ApplicationForm.Details details = form.validate(program.extraLabels());
        requireFreeSlug(details.desiredSlug(), null);
        if (!em.createQuery("select a.id from ResellerApplication a where a.contactEmail = :email"
                + " and a.status in :open", Long.class).setParameter("email", details.contactEmail())
                .setParameter("open", List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_INFO))
                .getResultList().isEmpty()) {
            throw new InvalidInputException("applicantEmail", "application.error.open");
        }
        String token = ApplicationToken.newToken();
        String language = locale == null ? "en" : locale.getLanguage();
        ResellerApplication application = new ResellerApplication(details, ApplicationToken.digest(token),
                language.isEmpty() ? "en" : language, clip(clientAddress), now);
        em.persist(application);
        em.flush();
        audit.recordAnonymous(tenantId, details.contactEmail(), "application.submitted", details.businessName(),
                "application " + application.getId() + ", short name " + details.desiredSlug(), clientAddress);
        notifier.received(tenantId, application, token);
        if (program.isAutoApprove()) {
            review.approveAutomatically(tenantId, application.getId(), clientAddress);
        }
        return application.getId();
    }

    /** The application a private link leads to; empty when the link is unknown or has been replaced. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ApplicationView> byToken(long tenantId, String token) {
        requireProvider(tenantId);
        return find(token).map(this::view);
    }

    /**
     * Takes the changed form of an application a reviewer asked more of, and puts it back in the queue
     * (or approves it, when the program approves without review).
     *
     * @throws NotFoundException     when the link is unknown or has been replaced
     * @throws InvalidInputException the whole form when nobody asked for more; otherwise each wrong field
     */
    public void resubmit(long tenantId, String token, ApplicationForm form, String clientAddress) {
        requireProvider(tenantId);
        ResellerApplication application = find(token)
                .map(a -> em.find(ResellerApplication.class, a.getId(), LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("Application"));
        if (application.getStatus() != ApplicationStatus.MORE_INFO) {
            throw new InvalidInputException("", "application.error.notEditable");
        }
        ProgramSettings program = program();
        ApplicationForm.Details details = form.validate(program.extraLabels());
        requireFreeSlug(details.desiredSlug(), application.getId());
        if (!details.contactEmail().equals(application.getContactEmail())
                && !em.createQuery("select a.id from ResellerApplication a where a.contactEmail = :email"
                        + " and a.status in :open and a.id <> :self", Long.class)
                        .setParameter("email", details.contactEmail()).setParameter("self", application.getId())
                        .setParameter("open", List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_INFO))
                        .getResultList().isEmpty()) {
            throw new InvalidInputException("applicantEmail", "application.error.open");
        }
        application.fill(details, Instant.now());
        em.flush();
        audit.recordAnonymous(tenantId, details.contactEmail(), "application.resubmitted", details.businessName(),
                "application " + application.getId() + ", short name " + details.desiredSlug(), clientAddress);
        notifier.received(tenantId, application, token);
        if (program.isAutoApprove()) {
            review.approveAutomatically(tenantId, application.getId(), clientAddress);
        }
    }

    /**
     * Refuses a short name a reseller has, whose host name under the base domain is someone's, or that
     * another open application wants.
     */
    private void requireFreeSlug(String slug, Long self) {
        var wanted = em.createQuery("select a.id from ResellerApplication a where a.desiredSlug = :slug"
                + " and a.status in :open and a.id <> :self", Long.class).setParameter("slug", slug)
                .setParameter("open", List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_INFO))
                .setParameter("self", self == null ? -1L : self);
        boolean taken = !em.createNamedQuery("Tenant.bySlug", Tenant.class).setParameter("slug", slug)
                .getResultList().isEmpty()
                || !em.createNamedQuery("Domain.byHost", Domain.class).setParameter("host", ApplicationForm.host(slug, config.resellerBaseDomain()))
                        .getResultList().isEmpty()
                || !wanted.getResultList().isEmpty();
        if (taken) {
            throw new InvalidInputException("desiredSlug", "error.slug.taken");
        }
    }

    private ApplicationView view(ResellerApplication a) {
        String portalHost = a.getTenantId() == null ? null
                : directory.byId(a.getTenantId()).map(TenantSnapshot::primaryHost).orElse(null);
        return new ApplicationView(a.getStatus(), a.getBusinessName(), a.getRegistrationNumber(), a.getTaxId(),
                a.getDescription(), a.getContactName(), a.getContactEmail(), a.getDesiredSlug(), a.extraAnswers(),
                a.getReviewNote(), a.getSubmittedAt(), program().extraLabels(), portalHost);
    }

    private Optional<ResellerApplication> find(String token) {
        String hash = ApplicationToken.digest(token);
        if (hash == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("ResellerApplication.byToken", ResellerApplication.class).setParameter("hash", hash)
                .getResultStream().findFirst();
    }

    private void requireProvider(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || tenant.getKind() != TenantKind.PROVIDER) {
            throw new NotFoundException("Application form");
        }
    }

    private ProgramSettings program() {
        return em.find(ProgramSettings.class, ProgramSettings.ID);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 64 ? text : text.substring(0, 64);
    }
}
