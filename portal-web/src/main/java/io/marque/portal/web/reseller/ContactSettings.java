package io.marque.portal.web.reseller;

import io.marque.portal.tenant.ResellerContacts;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A reseller admin's contacts for the provider ({@code /reseller/contacts}): the primary address (its
 * admins' addresses while empty) and the abuse contact; abuse reports go to both.
 */
@Named
@RequestScoped
public class ContactSettings {

    @Inject
    ResellerContacts contacts;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private String contactEmail;
    private String abuseEmail;

    /** The stored addresses; a posted form then replaces them with what was typed. */
    @PostConstruct
    void load() {
        String[] stored = contacts.get(me.actor());
        contactEmail = stored[0];
        abuseEmail = stored[1];
    }

    public String save() {
        return feedback.act(() -> contacts.update(me.actor(), contactEmail, abuseEmail), "contacts.saved");
    }

    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getAbuseEmail() { return abuseEmail; }
    public void setAbuseEmail(String abuseEmail) { this.abuseEmail = abuseEmail; }
}
