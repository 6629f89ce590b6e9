package io.marque.portal.web.api;

import io.marque.portal.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a resource checks in a request before it calls a service: that a field is there and that an enum
 * field names one of its values. Every refusal is collected, so one 422 lists every such field. And the
 * services' field names in the API's words: a service refuses {@code plan} where the API's body says
 * {@code planId}, and the client must read the name it sent.
 *
 * <pre>{@code
 * ApiInput input = new ApiInput();
 * Long customerId = input.required("customerId", body.customerId());
 * Cycle cycle = input.choice("cycle", Cycle.class, body.cycle(), "billing.error.cycle");
 * input.throwIfAny();
 * long id = ApiInput.inApiTerms(Map.of("plan", "planId"), () -> orders.place(actor, form));
 * }</pre>
 */
final class ApiInput {

    /** The message key of a missing field. */
    static final String REQUIRED = "error.required";

    /** The message key of an enum field that names none of its values, where the service has none of its own. */
    static final String CHOICE = "api.error.choice";

    private final Map<String, String> refused = new LinkedHashMap<>();

    /** The value; a null one is refused as missing. */
    <T> T required(String field, T value) {
        if (value == null) {
            refused.putIfAbsent(field, REQUIRED);
        }
        return value;
    }

    /**
     * The enum value {@code name} names exactly, or null when it is null or blank (the caller decides
     * whether that is allowed); any other text is refused with {@code messageKey}.
     */
    <E extends Enum<E>> E choice(String field, Class<E> type, String name, String messageKey) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name.strip())) {
                return value;
            }
        }
        refused.putIfAbsent(field, messageKey);
        return null;
    }

    /** As {@link #choice}, and missing is refused too. */
    <E extends Enum<E>> E requiredChoice(String field, Class<E> type, String name, String messageKey) {
        E value = choice(field, type, name, messageKey);
        if (value == null) {
            refused.putIfAbsent(field, name == null || name.isBlank() ? REQUIRED : messageKey);
        }
        return value;
    }

    /** Refuses a field for a reason of the caller's. */
    void refuse(String field, String messageKey) {
        refused.putIfAbsent(field, messageKey);
    }

    /** @throws InvalidInputException with every field refused so far, if there was any */
    void throwIfAny() {
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
    }

    /** Runs a service call; a refusal it throws names its fields as the API does ({@code apiNames}: service's → API's). */
    static <T> T inApiTerms(Map<String, String> apiNames, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw renamed(e, apiNames);
        }
    }

    /** As {@link #inApiTerms(Map, Supplier)}, for a call that answers nothing. */
    static void inApiTerms(Map<String, String> apiNames, Runnable call) {
        inApiTerms(apiNames, () -> {
            call.run();
            return null;
        });
    }

    /** The refusal with its fields renamed, in the same order; the same exception when no name changes. */
    static InvalidInputException renamed(InvalidInputException refusal, Map<String, String> apiNames) {
        if (refusal.problems().keySet().stream().noneMatch(apiNames::containsKey)) {
            return refusal;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        refusal.problems().forEach((field, key) -> problems.putIfAbsent(apiNames.getOrDefault(field, field), key));
        return new InvalidInputException(problems);
    }
}
