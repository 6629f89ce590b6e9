package io.marque.portal.web.program;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.reseller.ApplicationForm;
import io.marque.portal.reseller.ApplicationView;
import io.marque.portal.reseller.Applications;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The applicant's private page ({@code /application?token=…}): where its application is and the
 * reviewer's note; when the reviewer asked for more, the form again, filled in, to change and resubmit.
 * An unknown or replaced link says so and nothing more.
 */
@Named("applicationPage")
@RequestScoped
public class ApplicationPage {

    @Inject
    CurrentTenant tenant;

    @Inject
    Applications applications;

    @Inject
    Feedback feedback;

    @Inject
    Messages messages;

    private String token;
    private ApplicationView application;
    private boolean loaded;
    private boolean resubmitted;
    private List<String> labels;
    private String businessName;
    private String registrationNumber;
    private String taxId;
    private String description;
    private String contactName;
    private String contactEmail;
    private String desiredSlug;
    private List<String> answers;

    /** On the first visit, the form starts as the application was sent. */
    public void load() {
        ApplicationView found = getApplication();
        if (found != null && found.editable()) {
            businessName = found.businessName();
            registrationNumber = found.registrationNumber();
            taxId = found.taxId();
            description = found.description();
            contactName = found.contactName();
            contactEmail = found.contactEmail();
            desiredSlug = found.desiredSlug();
            answers = new ArrayList<>(getLabels().stream().map(found::answerTo).toList());
        }
    }

    /** The application behind the link; null when the link is unknown or was replaced by a newer mail's. */
    public ApplicationView getApplication() {
        if (!loaded) {
            // on a postback, "rendered" is asked before the hidden token reaches this bean: read it from the request
            if (token == null) {
                token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
            }
            application = applications.byToken(tenant.id(), token).orElse(null);
            loaded = true;
        }
        return application;
    }

    /** The questions the form asks now; they do not depend on the link, so a postback finds the same fields. */
    public List<String> getLabels() {
        if (labels == null) {
            labels = applications.form(tenant.id()).extraLabels();
        }
        return labels;
    }

    public List<String> getAnswers() {
        if (answers == null) {
            answers = new ArrayList<>();
            getLabels().forEach(label -> answers.add(null));
        }
        return answers;
    }

    public String resubmit() {
        try {
            applications.resubmit(tenant.id(), token, new ApplicationForm(businessName, registrationNumber, taxId,
                    description, contactName, contactEmail, desiredSlug, getAnswers()), CurrentUser.clientAddress());
            resubmitted = true;
            loaded = false;
        } catch (InvalidInputException e) {
            ApplicationProblems.show(feedback, messages, e, getLabels());
        } catch (NotFoundException e) {
            loaded = false;
        }
        return null;
    }

    public boolean isResubmitted() { return resubmitted; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getBusinessName() { return businessName; }
    public void setBusinessName(String businessName) { this.businessName = businessName; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getDesiredSlug() { return desiredSlug; }
    public void setDesiredSlug(String desiredSlug) { this.desiredSlug = desiredSlug; }
}
