package io.marque.portal.reseller;

/**
 * The program settings as the provider admin typed them: amounts and the percentage as text (checked
 * by the service), the extra questions one label per line.
 */
public record ProgramChange(boolean enabled, boolean autoApprove, String defaultDiscount, String silverFrom,
        String goldFrom, String platinumFrom, String diamondFrom, String tierCurrency, String applicationFields) {
}
