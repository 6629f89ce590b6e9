package io.marque.portal.privacy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A JSON object builder that writes {@code null} for an absent value instead of throwing, as the archive wants every field present. */
final class JsonDoc {

    private final JsonObjectBuilder builder = Json.createObjectBuilder();

    JsonDoc add(String name, String value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value);
        }
        return this;
    }

    JsonDoc add(String name, long value) {
        builder.add(name, value);
        return this;
    }

    JsonDoc add(String name, boolean value) {
        builder.add(name, value);
        return this;
    }

    JsonDoc add(String name, JsonDoc value) {
        builder.add(name, value.builder);
        return this;
    }

    JsonDoc add(String name, JsonList value) {
        builder.add(name, value.builder());
        return this;
    }

    JsonObject build() {
        return builder.build();
    }

    /** A JSON array of {@link JsonDoc}s. */
    static final class JsonList {

        private final JsonArrayBuilder builder = Json.createArrayBuilder();

        JsonList add(JsonDoc item) {
            builder.add(item.builder);
            return this;
        }

        JsonArrayBuilder builder() {
            return builder;
        }

        jakarta.json.JsonArray build() {
            return builder.build();
        }
    }
}
