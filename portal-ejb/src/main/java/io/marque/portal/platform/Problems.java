package io.marque.portal.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects what is wrong with a whole form before anything is stored, so the user hears of every
 * bad field at once and a refused form changes nothing.
 */
public final class Problems {

    private final Map<String, String> found = new LinkedHashMap<>();

    /** Runs a check that may refuse one field; its value, or {@code ""} when it was refused. */
    public String check(Supplier<String> field) {
        try {
            return field.get();
        } catch (InvalidInputException e) {
            found.putAll(e.problems());
            return "";
        }
    }

    public void add(String field, String messageKey) {
        found.put(field, messageKey);
    }

    /** @throws InvalidInputException with every problem found, if there was any */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
