package io.marque.portal.reseller;

import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.MailComposer.Threading;
import io.marque.portal.mail.Outbox;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mail to an applicant, in the provider's brand and the applicant's language: the private link to its
 * application when it arrives, and each review with the reviewer's note. Every mail carries the link,
 * with the token the caller gives (a review issues a new one, so the newest mail's link is the one that
 * works). Joins the caller's transaction, so a mail exists only if the change it tells of committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ApplicationNotifier {

    @Inject
    DomainDirectory directory;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    /** The application arrived (or came back with more information): here is its private link. */
    public void received(long providerId, ResellerApplication application, String token) {
        send(providerId, application, "application-received", token, null);
    }

    /**
     * A reviewer asked for more information, approved or rejected it; the mail carries the note.
     *
     * @param resellerId the reseller an approval created, whose portal address the mail gives; else {@code null}
     */
    public void reviewed(long providerId, ResellerApplication application, String token, Long resellerId) {
        String template = switch (application.getStatus()) {
            case MORE_INFO -> "application-more-info";
            case APPROVED -> "application-approved";
            case REJECTED -> "application-rejected";
            case SUBMITTED -> throw new IllegalStateException("An application waiting for review is not a review");
        };
        send(providerId, application, template, token, resellerId);
    }

    private void send(long providerId, ResellerApplication application, String template, String token,
            Long resellerId) {
        TenantSnapshot provider = directory.byIdFresh(providerId).orElseThrow();
        Map<String, String> values = new HashMap<>();
        values.put("recipientName", application.getContactName());
        values.put("businessName", application.getBusinessName());
        values.put("note", application.getReviewNote() == null ? "" : application.getReviewNote());
        values.put("applicationUrl", composer.baseUrl(provider) + "/application?token=" + token);
        values.put("newPortalUrl", resellerId == null ? ""
                : composer.baseUrl(directory.byIdFresh(resellerId).orElseThrow()) + "/login");
        outbox.enqueue(composer.compose(provider, Locale.forLanguageTag(application.getLocale()), template,
                application.getContactEmail(), values, new Threading(null, null, true)));
    }
}
