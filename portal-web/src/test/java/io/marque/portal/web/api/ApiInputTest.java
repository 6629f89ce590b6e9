package io.marque.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiInputTest {

    @Test
    void everyRefusedFieldIsListedInTheOrderChecked() {
        ApiInput input = new ApiInput();
        assertNull(input.required("customerId", null));
        assertEquals(7L, input.required("planId", 7L));
        assertNull(input.requiredChoice("cycle", Cycle.class, "WEEKLY", "billing.error.cycle"));
        assertNull(input.choice("priority", io.marque.portal.ticket.Priority.class, "urgent", ApiInput.CHOICE),
                "names are matched exactly");

        InvalidInputException refused = assertThrows(InvalidInputException.class, input::throwIfAny);

        assertEquals(List.of("customerId", "cycle", "priority"), List.copyOf(refused.problems().keySet()));
        assertEquals("error.required", refused.problems().get("customerId"));
        assertEquals("billing.error.cycle", refused.problems().get("cycle"));
        assertEquals("api.error.choice", refused.problems().get("priority"));
    }

    @Test
    void anEnumIsItsExactNameAndMayBeLeftOutUnlessRequired() {
        ApiInput input = new ApiInput();
        assertEquals(Cycle.QUARTERLY, input.choice("cycle", Cycle.class, "QUARTERLY", "billing.error.cycle"));
        assertEquals(Cycle.MONTHLY, input.requiredChoice("cycle", Cycle.class, " MONTHLY ", "billing.error.cycle"));
        assertNull(input.choice("kind", Cycle.class, null, ApiInput.CHOICE));
        assertNull(input.choice("kind", Cycle.class, "  ", ApiInput.CHOICE));
        input.throwIfAny();

        ApiInput missing = new ApiInput();
        missing.requiredChoice("cycle", Cycle.class, "", "billing.error.cycle");
        assertEquals("error.required", assertThrows(InvalidInputException.class, missing::throwIfAny).problems().get("cycle"));
    }

    @Test
    void aServicesFieldNamesBecomeTheApisInTheSameOrder() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("plan", "billing.error.plan");
        problems.put("note", "error.text.invalid");
        problems.put("addOns", "billing.error.addOn");

        InvalidInputException renamed = ApiInput.renamed(new InvalidInputException(problems), OrdersResource.FIELDS);

        assertEquals(List.of("planId", "note", "addOnIds"), List.copyOf(renamed.problems().keySet()));
        assertEquals("billing.error.plan", renamed.problems().get("planId"));
        InvalidInputException untouched = new InvalidInputException("subject", "error.required");
        assertSame(untouched, ApiInput.renamed(untouched, TicketsResource.FIELDS));
    }

    @Test
    void aRefusalFromAServiceCallLeavesInTheApisWords() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ApiInput.inApiTerms(
                Map.of("ptr", "hostname"), () -> {
                    throw new InvalidInputException("ptr", "server.rdns.invalid");
                }));
        assertEquals(Map.of("hostname", "server.rdns.invalid"), refused.problems());
        assertEquals(42, ApiInput.inApiTerms(Map.of(), () -> 42));
    }
}
