package io.marque.portal.api.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.order.OrderStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventPayloadTest {

    @Test
    void theBodyHasIdTypeTimeAndTheDataAsGiven() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", 42L);
        data.put("status", OrderStatus.PAID);
        data.put("invoiceId", null);
        data.put("count", 3);
        data.put("author", "customer");
        data.put("flag", true);

        JsonObject body = parse(EventPayload.of("evt_1", WebhookEvent.ORDER_STATUS_CHANGED,
                Instant.parse("2025-05-03T10:15:30.123456Z"), data));

        assertEquals(Set.of("id", "type", "created_at", "data"), body.keySet());
        assertEquals("evt_1", body.getString("id"));
        assertEquals("order.status_changed", body.getString("type"));
        assertEquals("2025-05-03T10:15:30.123Z", body.getString("created_at"));
        JsonObject fields = body.getJsonObject("data");
        assertEquals(42L, fields.getJsonNumber("orderId").longValue());
        assertEquals("PAID", fields.getString("status"));
        assertEquals(JsonValue.NULL, fields.get("invoiceId"));
        assertEquals(3, fields.getInt("count"));
        assertEquals("customer", fields.getString("author"));
        assertEquals(true, fields.getBoolean("flag"));
    }

    @Test
    void textIsEscaped() {
        JsonObject body = parse(EventPayload.of("evt_2", WebhookEvent.INVOICE_PAID, Instant.EPOCH, Map.of("x", "a\"b\\c\n")));
        assertEquals("a\"b\\c\n", body.getJsonObject("data").getString("x"));
    }

    @Test
    void onlyPlainValuesAreAccepted() {
        assertThrows(IllegalArgumentException.class,
                () -> EventPayload.of("evt_3", WebhookEvent.INVOICE_PAID, Instant.EPOCH, Map.of("amount", new java.math.BigDecimal("1.00"))));
    }

    @Test
    void eventIdsAreUniqueAndFitTheColumn() {
        String id = EventPayload.newId();
        assertTrue(id.matches("evt_[0-9a-f]{32}") && id.length() <= 64, id);
        assertNotEquals(id, EventPayload.newId());
    }

    @Test
    void eventNamesRoundTripAndUnknownOnesAreRefused() {
        Set<WebhookEvent> all = EnumSet.allOf(WebhookEvent.class);
        assertEquals("ticket.replied order.status_changed invoice.paid server.job_finished", WebhookEvent.format(all));
        assertEquals(all, WebhookEvent.parse(WebhookEvent.format(all)));
        assertEquals(EnumSet.of(WebhookEvent.INVOICE_PAID), WebhookEvent.parse(" invoice.paid, invoice.paid "));
        assertEquals(Set.of(), WebhookEvent.parse(""));
        assertThrows(IllegalArgumentException.class, () -> WebhookEvent.parse("invoice.paid invoice.unpaid"));
    }

    @Test
    void aJobFailureIsNamedByTheStablePartOfItsKeyOnly() {
        assertEquals("unreachable", WebhookPublisher.errorCode("server.error.unreachable"));
        assertEquals("interrupted", WebhookPublisher.errorCode("server.error.interrupted"));
        assertEquals("failed", WebhookPublisher.errorCode("something.else"));
        assertEquals(null, WebhookPublisher.errorCode(null));
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
