package io.marque.portal.web.reseller;

import io.marque.portal.api.webhook.DeliveryView;
import io.marque.portal.api.webhook.EndpointView;
import io.marque.portal.api.webhook.WebhookEvent;
import io.marque.portal.api.webhook.Webhooks;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A reseller admin's webhooks page: the endpoints with their events, a form to add or change one, the
 * secret of a new endpoint or a rotated secret (shown on this page once, never again), and the delivery
 * log. The page stays on the same view after a change so the secret can be shown; the rules are the
 * service's ({@link Webhooks}).
 */
@Named
@ViewScoped
public class WebhookSettings implements Serializable {

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<EndpointView> endpoints;
    private List<DeliveryView> deliveries;
    private Long editing;
    private String url;
    private List<String> events = allEvents();
    private boolean active = true;
    private String secret;
    private String secretUrl;

    public List<EndpointView> getEndpoints() {
        if (endpoints == null) {
            endpoints = webhooks.endpoints(me.actor());
        }
        return endpoints;
    }

    public List<DeliveryView> getDeliveries() {
        if (deliveries == null) {
            deliveries = webhooks.deliveries(me.actor());
        }
        return deliveries;
    }

    /** Every event, by wire name, for the checkboxes. */
    public List<String> getEventChoices() {
        return allEvents();
    }

    public String save() {
        secret = null;
        Webhooks.EndpointForm form = new Webhooks.EndpointForm(url, chosen(), active);
        String outcome;
        if (editing == null) {
            outcome = feedback.act(() -> {
                Webhooks.Created created = webhooks.create(me.actor(), form);
                secret = created.secret();
                secretUrl = created.endpoint().url();
                clearForm();
            }, "webhooks.done.created", null);
        } else {
            long id = editing;
            outcome = feedback.act(() -> {
                webhooks.update(me.actor(), id, form);
                clearForm();
            }, "webhooks.done.saved", null);
        }
        forget();
        return outcome;
    }

    public void edit(EndpointView endpoint) {
        secret = null;
        editing = endpoint.id();
        url = endpoint.url();
        events = new ArrayList<>(endpoint.events().stream().map(WebhookEvent::wireName).toList());
        active = endpoint.active();
    }

    public void cancelEdit() {
        clearForm();
    }

    public String changeActive(EndpointView endpoint, boolean nowActive) {
        secret = null;
        String outcome = feedback.act(() -> webhooks.update(me.actor(), endpoint.id(),
                new Webhooks.EndpointForm(endpoint.url(), EnumSet.copyOf(endpoint.events()), nowActive)),
                nowActive ? "webhooks.done.resumed" : "webhooks.done.paused", null);
        forget();
        return outcome;
    }

    public String rotate(long endpointId) {
        secret = null;
        String outcome = feedback.act(() -> {
            Webhooks.Created rotated = webhooks.rotateSecret(me.actor(), endpointId);
            secret = rotated.secret();
            secretUrl = rotated.endpoint().url();
        }, "webhooks.done.rotated", null);
        forget();
        return outcome;
    }

    public String remove(long endpointId) {
        secret = null;
        String outcome = feedback.act(() -> webhooks.remove(me.actor(), endpointId), "webhooks.done.removed", null);
        if (editing != null && editing == endpointId) {
            clearForm();
        }
        forget();
        return outcome;
    }

    public String retry(long deliveryId) {
        secret = null;
        String outcome = feedback.act(() -> webhooks.retry(me.actor(), deliveryId), "webhooks.done.retrying", null);
        forget();
        return outcome;
    }

    private Set<WebhookEvent> chosen() {
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        for (String name : events) {
            WebhookEvent.ofWireName(name).ifPresent(chosen::add);
        }
        return chosen;
    }

    private void clearForm() {
        editing = null;
        url = null;
        events = allEvents();
        active = true;
    }

    private void forget() {
        endpoints = null;
        deliveries = null;
    }

    private static List<String> allEvents() {
        return new ArrayList<>(Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList());
    }

    public Long getEditing() { return editing; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public List<String> getEvents() { return events; }
    public void setEvents(List<String> events) { this.events = events == null ? new ArrayList<>() : events; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getSecret() { return secret; }
    public String getSecretUrl() { return secretUrl; }
}
