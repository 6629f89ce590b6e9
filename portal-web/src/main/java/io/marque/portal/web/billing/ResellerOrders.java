package io.marque.portal.web.billing;

import io.marque.portal.billing.order.OrderView;
import io.marque.portal.billing.order.Orders;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The reseller's orders ({@code /reseller/orders}), newest first; a pending one can be cancelled. */
@Named
@RequestScoped
public class ResellerOrders {

    @Inject
    Orders orders;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private List<OrderView> list;

    public List<OrderView> getOrders() {
        if (list == null) {
            list = orders.ofReseller(me.actor());
        }
        return list;
    }

    public String cancel(long orderId) {
        return feedback.act(() -> orders.cancel(me.actor(), orderId), "orders.cancelled");
    }
}
