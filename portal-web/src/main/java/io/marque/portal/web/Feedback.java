package io.marque.portal.web;

import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.web.theme.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Puts messages on the page in the reader's language: a service's refusal field by field, or a
 * confirmation. Kept across a redirect with the flash scope, so a form can post-redirect-get.
 */
@RequestScoped
public class Feedback {

    @Inject
    Messages messages;

    /** The outcome that reloads the current page with a GET after a successful post. */
    public static final String RELOAD = "?faces-redirect=true";

    /**
     * Runs a form's action: on success shows {@code doneKey} and answers {@code outcome} (a
     * post-redirect-get); a refusal or a missing target shows why and stays on the page ({@code null}).
     */
    public String act(Runnable action, String doneKey, String outcome) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            refused(e);
            return null;
        } catch (NotFoundException e) {
            error("error.notFound");
            return null;
        } catch (ForbiddenException e) {
            error("error.notAllowed");
            return null;
        }
        // the change may move a counter in the navigation: count again on the next page
        io.marque.portal.web.ticket.TicketCounters.forget();
        info(doneKey);
        return reloadOf(outcome);
    }

    /** Faces navigates nowhere on a bare query: "?…" means the current view with that query. */
    public static String reloadOf(String outcome) {
        return outcome != null && outcome.startsWith("?")
                ? FacesContext.getCurrentInstance().getViewRoot().getViewId() + outcome : outcome;
    }

    public String act(Runnable action, String doneKey) {
        return act(action, doneKey, RELOAD);
    }

    public void refused(InvalidInputException e) {
        for (Map.Entry<String, String> problem : e.problems().entrySet()) {
            String field = problem.getKey();
            // a field may carry several message keys, separated by spaces (e.g. every rule custom CSS broke)
            String value = problem.getValue();
            String text = value.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]+( [A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]+)+")
                    ? java.util.Arrays.stream(value.split(" ")).map(messages::text).collect(java.util.stream.Collectors.joining(" "))
                    : messages.text(value);
            String label = field.isEmpty() ? null : messages.text("field." + field);
            add(FacesMessage.SEVERITY_ERROR, label == null || label.equals("field." + field) ? text : label + ": " + text);
        }
    }

    public void error(String key) {
        add(FacesMessage.SEVERITY_ERROR, messages.text(key));
    }

    public void info(String key) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        add(FacesMessage.SEVERITY_INFO, messages.text(key));
    }

    /** A confirmation with {0}-style arguments, e.g. how many servers an import added. */
    public void info(String key, Object... args) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        add(FacesMessage.SEVERITY_INFO, messages.format(key, args));
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
