package io.marque.portal.reseller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.Money;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The tier thresholds at every boundary, the progress to the next tier, and what thresholds may be. */
class TiersTest {

    private static Money eur(String amount) {
        return new Money(new java.math.BigDecimal(amount), "EUR");
    }

    private static final Tiers TIERS = new Tiers(eur("1000"), eur("5000"), eur("20000"), eur("50000"));

    @ParameterizedTest
    @CsvSource({"0,BRONZE", "0.01,BRONZE", "999.99,BRONZE", "1000,SILVER", "1000.01,SILVER", "4999.99,SILVER",
        "5000,GOLD", "19999.99,GOLD", "20000,PLATINUM", "49999.99,PLATINUM", "50000,DIAMOND", "50000.01,DIAMOND",
        "9999999,DIAMOND"})
    void aTurnoverReachesTheTierWhoseThresholdItMeets(String turnover, Tier tier) {
        assertEquals(tier, TIERS.tierFor(eur(turnover)), turnover);
    }

    @Test
    void progressNamesTheNextTierAndTheTurnoverStillMissing() {
        assertEquals(Optional.of(new Tiers.Progress(Tier.SILVER, eur("1000"))), TIERS.next(eur("0")));
        assertEquals(Optional.of(new Tiers.Progress(Tier.SILVER, eur("0.01"))), TIERS.next(eur("999.99")));
        assertEquals(Optional.of(new Tiers.Progress(Tier.GOLD, eur("4000"))), TIERS.next(eur("1000")));
        assertEquals(Optional.of(new Tiers.Progress(Tier.GOLD, eur("1240"))), TIERS.next(eur("3760")),
                "€1,240 more turnover to Gold");
        assertEquals(Optional.of(new Tiers.Progress(Tier.PLATINUM, eur("15000"))), TIERS.next(eur("5000")));
        assertEquals(Optional.of(new Tiers.Progress(Tier.DIAMOND, eur("0.01"))), TIERS.next(eur("49999.99")));
        assertEquals(Optional.empty(), TIERS.next(eur("50000")), "nothing above Diamond");
    }

    @Test
    void eachTierBeginsAtItsThreshold() {
        assertEquals(eur("0"), TIERS.threshold(Tier.BRONZE));
        assertEquals(eur("1000"), TIERS.threshold(Tier.SILVER));
        assertEquals(eur("50000"), TIERS.threshold(Tier.DIAMOND));
        assertEquals("EUR", TIERS.currency());
    }

    @Test
    void aTurnoverInAnotherCurrencyIsRefusedNotConverted() {
        Money roubles = new Money(new java.math.BigDecimal("100000"), "RUB");
        assertThrows(Money.CurrencyMismatchException.class, () -> TIERS.tierFor(roubles));
        assertThrows(Money.CurrencyMismatchException.class, () -> TIERS.next(roubles));
    }

    @Test
    void thresholdsRiseStrictlyFromAboveZeroInOneCurrency() {
        assertTrue(Tiers.rising(eur("0.01"), eur("0.02"), eur("0.03"), eur("0.04")));
        assertFalse(Tiers.rising(eur("0"), eur("5000"), eur("20000"), eur("50000")), "Silver above zero");
        assertFalse(Tiers.rising(eur("1000"), eur("1000"), eur("20000"), eur("50000")), "equal thresholds");
        assertFalse(Tiers.rising(eur("1000"), eur("5000"), eur("4000"), eur("50000")), "falling");
        assertFalse(Tiers.rising(eur("1000"), eur("5000"), eur("20000"), eur("20000")));
        assertFalse(Tiers.rising(eur("1000"), new Money(new java.math.BigDecimal("5000"), "USD"), eur("20000"),
                eur("50000")), "two currencies");
        assertThrows(IllegalArgumentException.class,
                () -> new Tiers(eur("5000"), eur("1000"), eur("20000"), eur("50000")));
    }
}
