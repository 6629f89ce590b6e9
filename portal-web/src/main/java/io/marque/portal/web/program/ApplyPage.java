package io.marque.portal.web.program;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.reseller.ApplicationForm;
import io.marque.portal.reseller.ApplicationFormSpec;
import io.marque.portal.reseller.Applications;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Messages;
import io.marque.portal.web.theme.Ui;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The application form on the provider's host ({@code /apply}): a prospective reseller's business, its
 * contact, the short name it wants, and the provider's extra questions. Once sent, the page says to
 * follow the link mailed to the contact.
 */
@Named("apply")
@RequestScoped
public class ApplyPage {

    @Inject
    CurrentTenant tenant;

    @Inject
    Applications applications;

    @Inject
    Feedback feedback;

    @Inject
    Messages messages;

    @Inject
    Ui ui;

    private ApplicationFormSpec spec;
    private String businessName;
    private String registrationNumber;
    private String taxId;
    private String description;
    private String contactName;
    private String contactEmail;
    private String desiredSlug;
    private List<String> answers;
    private boolean sent;

    public ApplicationFormSpec getSpec() {
        if (spec == null) {
            spec = applications.form(tenant.id());
        }
        return spec;
    }

    /** One answer per extra question, bound by index. */
    public List<String> getAnswers() {
        if (answers == null) {
            answers = new ArrayList<>();
            getSpec().extraLabels().forEach(label -> answers.add(null));
        }
        return answers;
    }

    public String submit() {
        try {
            applications.submit(tenant.id(), new ApplicationForm(businessName, registrationNumber, taxId, description,
                    contactName, contactEmail, desiredSlug, getAnswers()), ui.getLocale(), CurrentUser.clientAddress());
            sent = true;
        } catch (InvalidInputException e) {
            ApplicationProblems.show(feedback, messages, e, getSpec().extraLabels());
        }
        return null;
    }

    public boolean isSent() { return sent; }
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
