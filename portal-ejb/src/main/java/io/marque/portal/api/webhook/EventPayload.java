package io.marque.portal.api.webhook;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The body of a delivery: {@code {"id", "type", "created_at", "data": {…}}}. The data carries ids and
 * states only (what a reseller's software needs to look the thing up through the API), never names, texts
 * or amounts, and nothing of the provider's (law 2, law 3).
 */
final class EventPayload {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private EventPayload() {
    }

    /** A new event id: {@code evt_} and 128 random bits in hex, the same for every endpoint and every retry. */
    static String newId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * @param data values that are numbers, texts, booleans, enum constants (written by name) or null
     */
    static String of(String id, WebhookEvent type, Instant createdAt, Map<String, ?> data) {
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        data.forEach((name, value) -> {
            if (value == null) {
                fields.addNull(name);
            } else if (value instanceof Integer || value instanceof Long) {
                fields.add(name, ((Number) value).longValue());
            } else if (value instanceof Boolean b) {
                fields.add(name, b);
            } else if (value instanceof Enum<?> e) {
                fields.add(name, e.name());
            } else if (value instanceof String s) {
                fields.add(name, s);
            } else {
                throw new IllegalArgumentException(name + " is a " + value.getClass().getName());
            }
        });
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("type", type.wireName())
                .add("created_at", createdAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("data", fields)
                .build().toString();
    }
}
