package io.marque.portal.api.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a reseller can hear of, each with the name its deliveries carry in {@code type}. */
public enum WebhookEvent {
    /** A public reply on a ticket: the customer's, or staff's the customer sees. */
    TICKET_REPLIED("ticket.replied"),
    /** An order was placed, paid, provisioned or cancelled. */
    ORDER_STATUS_CHANGED("order.status_changed"),
    /** An invoice was paid: a customer's, or the reseller's own to the provider. */
    INVOICE_PAID("invoice.paid"),
    /** A power action or reinstall on one of the reseller's servers ended, done or failed. */
    SERVER_JOB_FINISHED("server.job_finished");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name in a delivery's {@code type} field, e.g. {@code invoice.paid}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> ofWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    /**
     * @param text wire names separated by spaces or commas
     * @throws IllegalArgumentException naming the first unknown name
     */
    public static Set<WebhookEvent> parse(String text) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (text == null || text.isBlank()) {
            return events;
        }
        for (String name : text.strip().split("[\\s,]+")) {
            events.add(ofWireName(name).orElseThrow(() -> new IllegalArgumentException(name)));
        }
        return events;
    }

    /** Wire names in declaration order, separated by single spaces, as the endpoint row keeps them. */
    public static String format(Set<WebhookEvent> events) {
        return events.stream().sorted().map(WebhookEvent::wireName).collect(Collectors.joining(" "));
    }
}
