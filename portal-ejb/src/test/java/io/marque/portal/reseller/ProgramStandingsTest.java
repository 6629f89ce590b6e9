package io.marque.portal.reseller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.discount.FixedPercentage;
import io.marque.portal.billing.discount.PriceLine;
import io.marque.portal.billing.discount.RollingTurnover;
import io.marque.portal.billing.discount.Standing;
import io.marque.portal.billing.discount.VolumeByServers;
import io.marque.portal.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a reseller's program page says: its discount now under each policy, the next step of that policy
 * and of the tiers; and the percentages and labels the settings accept.
 */
class ProgramStandingsTest {

    private static final Tiers USD_TIERS = new Tiers(usd("1000"), usd("5000"), usd("20000"), usd("50000"));
    private static final BigDecimal DEFAULT = new BigDecimal("10");

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static ResellerProfile profile(PolicyKind policy, String percent) {
        ResellerProfile profile = new ResellerProfile(7, "Delta Hosting GmbH");
        profile.setDiscountPolicy(policy);
        profile.setDiscountPercent(percent == null ? null : new BigDecimal(percent));
        return profile;
    }

    @Test
    void fixedFollowsTheProgramDefaultUntilTheResellerHasItsOwn() {
        ProgramStanding byDefault = ProgramStandings.of(profile(PolicyKind.FIXED, null), "USD", DEFAULT, USD_TIERS,
                new Standing(3, new BigDecimal("3760")));
        assertEquals(DEFAULT, byDefault.percent());
        assertTrue(byDefault.programDefault());
        assertEquals(Tier.GOLD, byDefault.nextTier());
        assertEquals(usd("1240"), byDefault.toNextTier(), "$1,240 more turnover to Gold");
        assertNull(byDefault.nextVolume());
        assertEquals(List.of(), byDefault.nextTurnover());

        ProgramStanding own = ProgramStandings.of(profile(PolicyKind.FIXED, "12.50"), "USD", DEFAULT, USD_TIERS,
                new Standing(0, BigDecimal.ZERO));
        assertEquals(new BigDecimal("12.5"), own.percent());
        assertFalse(own.programDefault());
    }

    @Test
    void volumeShowsTheServersToTheNextStep() {
        ProgramStanding standing = ProgramStandings.of(profile(PolicyKind.VOLUME, null), "USD", DEFAULT, USD_TIERS,
                new Standing(8, BigDecimal.ZERO));
        assertEquals(new BigDecimal("5"), standing.percent());
        assertEquals(new ProgramStanding.VolumeStep(3, new BigDecimal("10")), standing.nextVolume(),
                "3 more servers to 10 %");
        assertNull(ProgramStandings.of(profile(PolicyKind.VOLUME, null), "USD", DEFAULT, USD_TIERS,
                new Standing(31, BigDecimal.ZERO)).nextVolume(), "nothing above the top step");
    }

    @Test
    void turnoverShowsEachCategorysPercentageAndNextLevel() {
        ProgramStanding standing = ProgramStandings.of(profile(PolicyKind.TURNOVER, null), "RUB", DEFAULT,
                USD_TIERS, new Standing(0, new BigDecimal("8760")));
        assertNull(standing.percent());
        assertEquals(List.of(new ProgramStanding.CategoryPercent(Category.VPS, new BigDecimal("7")),
                new ProgramStanding.CategoryPercent(Category.DEDICATED, new BigDecimal("1")),
                new ProgramStanding.CategoryPercent(Category.SSL, new BigDecimal("1"))), standing.categoryPercents());
        Money rub1240 = new Money(new BigDecimal("1240"), "RUB");
        assertEquals(List.of(new ProgramStanding.TurnoverStep(Category.VPS, rub1240, new BigDecimal("9")),
                new ProgramStanding.TurnoverStep(Category.DEDICATED, rub1240, new BigDecimal("2")),
                new ProgramStanding.TurnoverStep(Category.SSL, new Money(new BigDecimal("6240"), "RUB"), new BigDecimal("3"))),
                standing.nextTurnover());
        assertNull(standing.nextTier(), "tiers in USD say nothing about a turnover in RUB");
        assertEquals("USD", standing.tierCurrency());
    }

    @Test
    void thePolicyOfAProfileIsTheMatchingRule() {
        ProgramSettingsStub program = new ProgramSettingsStub();
        FixedPercentage byDefault = assertInstanceOf(FixedPercentage.class,
                ResellerTerms.policy(profile(PolicyKind.FIXED, null), program));
        assertEquals(0, byDefault.value().compareTo(new BigDecimal("10")));
        FixedPercentage own = assertInstanceOf(FixedPercentage.class,
                ResellerTerms.policy(profile(PolicyKind.FIXED, "15"), program));
        assertEquals(0, own.value().compareTo(new BigDecimal("15")));
        assertInstanceOf(VolumeByServers.class, ResellerTerms.policy(profile(PolicyKind.VOLUME, "15"), program));
        RollingTurnover turnover = assertInstanceOf(RollingTurnover.class,
                ResellerTerms.policy(profile(PolicyKind.TURNOVER, null), program));
        assertEquals(0, turnover.percent(new PriceLine(Category.VPS, false), new Standing(0, new BigDecimal("50000")))
                .compareTo(new BigDecimal("19")), "the example table");
    }

    @Test
    void percentagesAreZeroToHundredWithTwoDecimals() {
        assertEquals(new BigDecimal("12.5"), Percents.parse("p", "12,50"));
        assertEquals(new BigDecimal("0"), Percents.parse("p", "0"));
        assertEquals(new BigDecimal("100"), Percents.parse("p", "100.00"));
        assertEquals("10", Percents.parse("p", "10.0000").toPlainString());
        for (String bad : List.of("", "-1", "100.01", "1.005", "abc", "1e2", "1000")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Percents.parse("p", bad), bad);
            assertEquals("program.error.percent", refused.problems().get("p"));
        }
    }

    @Test
    void extraQuestionsAreTheNonBlankLines() {
        assertEquals(List.of("Website", "Servers per year"), ProgramSettings.labels("  Website \r\n\n Servers per year\n  "));
        assertEquals(List.of(), ProgramSettings.labels(""));
        assertEquals(List.of(), ProgramSettings.labels(null));
    }

    /** The settings row with the migration's defaults, as a test can make it. */
    private static final class ProgramSettingsStub extends ProgramSettings {
        ProgramSettingsStub() {
            setDefaultDiscount(new BigDecimal("10.0000"));
        }
    }
}
