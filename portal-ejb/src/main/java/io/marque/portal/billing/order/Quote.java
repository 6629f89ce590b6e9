package io.marque.portal.billing.order;

import io.marque.portal.billing.Money;
import java.util.List;

/** An order priced before it is placed: what the customer pays the reseller, and what the reseller pays the provider. */
public record Quote(String currency, List<QuoteLine> lines) {

    public Money retailTotal() {
        return lines.stream().map(QuoteLine::retail).reduce(Money.zero(currency), Money::plus);
    }

    public Money wholesaleTotal() {
        return lines.stream().map(QuoteLine::wholesale).reduce(Money.zero(currency), Money::plus);
    }

    /** What the reseller keeps: its price less the wholesale price (negative when it sells below cost). */
    public Money margin() {
        return retailTotal().minus(wholesaleTotal());
    }
}
