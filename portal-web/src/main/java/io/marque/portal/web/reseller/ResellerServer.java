package io.marque.portal.web.reseller;

import io.marque.portal.identity.Customer;
import io.marque.portal.server.ResellerServers;
import io.marque.portal.web.server.ServerPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * One of the reseller's servers for its staff ({@code /reseller/server?id=N}): everything the customer's
 * page has ({@link ServerPage}), and the reseller's own label and notes; its admins also hand the server
 * to a customer (or take it back) and suspend it with words the customer reads, lift their own
 * suspension, or explain the provider's to the customer.
 *
 * <p>The form fields start with the stored values and keep what the reader typed when a form is refused.
 */
@Named
@RequestScoped
public class ResellerServer extends ServerPage {

    @Inject
    ResellerServers servers;

    private String label;
    private boolean labelGiven;
    private String notes;
    private boolean notesGiven;
    private Long customerId;
    private boolean customerGiven;
    private String suspendNote;
    private String explainNote;
    private boolean explainGiven;
    private List<Customer> customers;

    @Override
    public String getPath() {
        return "/reseller/server";
    }

    public String describe() {
        return feedback.act(() -> servers.describe(me.actor(), requiredId(), label, notes), "server.done.described",
                getReloadOutcome());
    }

    public String assign() {
        Long chosen = customerId;
        return feedback.act(() -> servers.assign(me.actor(), requiredId(), chosen),
                chosen == null ? "server.done.unassigned" : "server.done.assigned", getReloadOutcome());
    }

    public String suspend() {
        return feedback.act(() -> servers.suspend(me.actor(), requiredId(), suspendNote), "server.done.suspended",
                getReloadOutcome());
    }

    public String unsuspend() {
        return feedback.act(() -> servers.unsuspend(me.actor(), requiredId()), "server.done.unsuspended",
                getReloadOutcome());
    }

    public String explain() {
        return feedback.act(() -> servers.explain(me.actor(), requiredId(), explainNote), "server.done.explained",
                getReloadOutcome());
    }

    /** The reseller's customers to choose from; only admins hand servers out. */
    public List<Customer> getCustomers() {
        if (customers == null) {
            customers = me.isResellerAdmin() ? servers.customers(me.actor()) : List.of();
        }
        return customers;
    }

    public String getLabel() {
        return labelGiven || getServer() == null ? label : getServer().label();
    }

    public void setLabel(String label) {
        this.label = label;
        labelGiven = true;
    }

    public String getNotes() {
        return notesGiven || getServer() == null ? notes : getServer().notes();
    }

    public void setNotes(String notes) {
        this.notes = notes;
        notesGiven = true;
    }

    public Long getCustomerId() {
        return customerGiven || getServer() == null ? customerId : getServer().customerId();
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
        customerGiven = true;
    }

    public String getSuspendNote() { return suspendNote; }
    public void setSuspendNote(String suspendNote) { this.suspendNote = suspendNote; }

    public String getExplainNote() {
        return explainGiven || getServer() == null ? explainNote : getServer().suspensionNote();
    }

    public void setExplainNote(String explainNote) {
        this.explainNote = explainNote;
        explainGiven = true;
    }
}
