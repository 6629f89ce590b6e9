package io.marque.portal.billing.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three discount policies against the tables of issue 5, and the wholesale price they give. */
class DiscountPoliciesTest {

    private static final PriceLine VPS = new PriceLine(Category.VPS, false);
    private static final PriceLine DEDICATED = new PriceLine(Category.DEDICATED, false);
    private static final PriceLine SSL = new PriceLine(Category.SSL, false);
    private static final PriceLine EXTRA_IP = new PriceLine(Category.DEDICATED, true);

    private static Standing servers(int count) {
        return new Standing(count, BigDecimal.ZERO);
    }

    private static Standing turnover(String amount) {
        return new Standing(0, new BigDecimal(amount));
    }

    @Test
    void aFixedPercentageIsTheSameOnEveryLineAndTenByDefault() {
        assertEquals(new BigDecimal("10"), FixedPercentage.DEFAULT.percent(EXTRA_IP, servers(0)));
        assertEquals(new BigDecimal("12.5"), new FixedPercentage(new BigDecimal("12.5")).percent(SSL, servers(99)));
        assertThrows(IllegalArgumentException.class, () -> new FixedPercentage(new BigDecimal("100.01")));
        assertThrows(IllegalArgumentException.class, () -> new FixedPercentage(new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> new FixedPercentage(new BigDecimal("1.005")));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,0", "5,0", "6,5", "10,5", "11,10", "15,10", "16,15", "20,15", "21,20", "25,20", "26,25",
        "30,25", "31,30", "1000,30"})
    void volumeFollowsTheTable(int servers, int percent) {
        VolumeByServers volume = new VolumeByServers();
        assertEquals(0, volume.percent(VPS, servers(servers)).compareTo(BigDecimal.valueOf(percent)), servers + " servers");
        assertEquals(0, volume.percent(DEDICATED, servers(servers)).compareTo(BigDecimal.valueOf(percent)));
    }

    @Test
    void volumeIsOnTheServerPriceOnlyNotOnAddOnsOrOtherProducts() {
        VolumeByServers volume = new VolumeByServers();
        assertEquals(BigDecimal.ZERO, volume.percent(EXTRA_IP, servers(40)));
        assertEquals(BigDecimal.ZERO, volume.percent(SSL, servers(40)));
        assertTrue(volume.promoCodesAllowed(SSL, servers(40)));
        assertFalse(volume.promoCodesAllowed(VPS, servers(40)), "no promo codes while a reseller discount applies");
    }

    @Test
    void volumeProgressNamesTheServersToTheNextStep() {
        assertEquals(new VolumeByServers.Progress(3, new BigDecimal("10")), VolumeByServers.next(8).orElseThrow());
        assertEquals(new VolumeByServers.Progress(6, new BigDecimal("5")), VolumeByServers.next(0).orElseThrow());
        assertTrue(VolumeByServers.next(31).isEmpty(), "the top step has no next");
    }

    @ParameterizedTest
    @CsvSource({"0,0,0,0", "499.99,0,0,0", "500,3,1,1", "2999.99,3,1,1", "3000,5,1,1", "5000,7,1,1", "10000,9,2,1",
        "15000,11,3,3", "20000,13,4,3", "30000,15,5,3", "40000,17,6,3", "50000,19,7,3", "99999.99,19,7,3",
        "100000,21,8,5", "150000,23,9,5", "200000,25,10,5", "300000,27,11,5", "400000,29,12,5", "500000,31,13,10",
        "700000,33,14,10", "1000000,35,15,10", "25000000,35,15,10"})
    void turnoverFollowsTheExampleTablePerCategory(String amount, int vps, int dedicated, int ssl) {
        RollingTurnover policy = RollingTurnover.example();
        assertEquals(0, policy.percent(VPS, turnover(amount)).compareTo(BigDecimal.valueOf(vps)), amount + " VPS");
        assertEquals(0, policy.percent(DEDICATED, turnover(amount)).compareTo(BigDecimal.valueOf(dedicated)),
                amount + " dedicated");
        assertEquals(0, policy.percent(SSL, turnover(amount)).compareTo(BigDecimal.valueOf(ssl)), amount + " SSL");
        assertEquals(BigDecimal.ZERO, policy.percent(new PriceLine(Category.OTHER, false), turnover(amount)));
    }

    @Test
    void theWindowIsTheMonthEndingTodayAndCarriesNothingOver() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        List<RollingTurnover.Payment> payments = List.of(new RollingTurnover.Payment(LocalDate.of(2026, 10, 25), new BigDecimal("9000")),
                new RollingTurnover.Payment(LocalDate.of(2026, 10, 26), new BigDecimal("3000")),
                new RollingTurnover.Payment(today, new BigDecimal("2000.50")),
                new RollingTurnover.Payment(today.plusDays(1), new BigDecimal("100000")));
        assertEquals(new BigDecimal("5000.50"), RollingTurnover.turnover(payments, today),
                "the day a month ago is outside, today inside, tomorrow not yet");
        RollingTurnover policy = RollingTurnover.example();
        assertEquals(0, policy.percent(VPS, new Standing(0, RollingTurnover.turnover(payments, today)))
                .compareTo(new BigDecimal("7")));
        LocalDate later = today.plusMonths(1);
        assertEquals(0, RollingTurnover.turnover(payments, later).compareTo(new BigDecimal("100000")));
        assertEquals(0, RollingTurnover.turnover(payments, later.plusDays(1)).signum(),
                "once its payments leave the window, so does the discount");
        assertEquals(BigDecimal.ZERO, policy.percent(VPS, new Standing(0, RollingTurnover.turnover(payments, later.plusDays(1)))));
    }

    @Test
    void turnoverProgressNamesTheAmountToTheNextLevelThatRaisesTheCategory() {
        RollingTurnover policy = RollingTurnover.example();
        assertEquals(new RollingTurnover.Progress(new BigDecimal("1240"), new BigDecimal("9").stripTrailingZeros()),
                normalise(policy.next(new BigDecimal("8760"), Category.VPS).orElseThrow()));
        assertEquals(new RollingTurnover.Progress(new BigDecimal("12000"), new BigDecimal("3")),
                normalise(policy.next(new BigDecimal("3000"), Category.SSL).orElseThrow()),
                "SSL stays at 1 % until 15,000");
        assertTrue(policy.next(new BigDecimal("1000000"), Category.VPS).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"100.00,10,EUR,90.00", "19.99,15,EUR,16.99", "19.99,12.5,USD,17.49", "0.05,10,EUR,0.05",
        "1000,33,JPY,670", "49.90,0,RUB,49.90", "49.90,100,RUB,0.00"})
    void wholesaleIsRetailLessTheDiscountRoundedOnceToTheMinorUnit(String retail, String percent, String currency,
            String expected) {
        assertEquals(new BigDecimal(expected),
                Wholesale.price(new BigDecimal(retail), new BigDecimal(percent), Currency.getInstance(currency)));
    }

    @Test
    void wholesaleRefusesWhatIsNotAPrice() {
        assertThrows(IllegalArgumentException.class,
                () -> Wholesale.price(new BigDecimal("-1"), BigDecimal.TEN, Currency.getInstance("EUR")));
        assertThrows(IllegalArgumentException.class,
                () -> Wholesale.price(BigDecimal.TEN, new BigDecimal("101"), Currency.getInstance("EUR")));
    }

    private static RollingTurnover.Progress normalise(RollingTurnover.Progress progress) {
        return new RollingTurnover.Progress(progress.amount().stripTrailingZeros().setScale(0),
                progress.percent().stripTrailingZeros());
    }
}
