package io.marque.portal.reseller;

import java.math.BigDecimal;
import java.util.List;

/** The program's settings as the provider admin's settings page shows them. */
public record ProgramView(boolean enabled, boolean autoApprove, BigDecimal defaultDiscount, BigDecimal silverFrom,
        BigDecimal goldFrom, BigDecimal platinumFrom, BigDecimal diamondFrom, String tierCurrency,
        String applicationFields, List<String> extraLabels) implements java.io.Serializable {

    static ProgramView of(ProgramSettings settings) {
        Tiers tiers = settings.tiers();
        return new ProgramView(settings.isEnabled(), settings.isAutoApprove(), settings.getDefaultDiscount(),
                tiers.silver().amount(), tiers.gold().amount(), tiers.platinum().amount(), tiers.diamond().amount(),
                tiers.currency(), String.join("\n", settings.extraLabels()), settings.extraLabels());
    }
}
