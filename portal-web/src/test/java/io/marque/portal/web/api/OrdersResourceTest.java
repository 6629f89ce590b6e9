package io.marque.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.order.OrderForm;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.web.api.OrdersResource.NewOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdersResourceTest {

    @Test
    void aCompleteRequestBecomesTheOrderForm() {
        OrderForm form = OrdersResource.form(new NewOrder(3L, 5L, List.of(8L, 9L), "QUARTERLY", "rush"));
        assertEquals(new OrderForm(3, 5, List.of(8L, 9L), Cycle.QUARTERLY, "rush"), form);
        assertEquals(List.of(), OrdersResource.form(new NewOrder(3L, 5L, null, "MONTHLY", null)).addOnIds(),
                "add-ons may be left out");
    }

    @Test
    void everyFieldWithoutTheShapeOfAnOrderIsListed() {
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> OrdersResource.form(new NewOrder(null, null, null, null, null)));
        assertEquals(Map.of("customerId", "error.required", "planId", "error.required", "cycle", "error.required"),
                empty.problems());

        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> OrdersResource.form(new NewOrder(3L, 5L, Arrays.asList(8L, null), "WEEKLY", null)));
        assertEquals(Map.of("cycle", "billing.error.cycle", "addOnIds", "billing.error.addOn"), wrong.problems());
    }
}
