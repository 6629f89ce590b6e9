package io.marque.portal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.reseller.PolicyKind;
import io.marque.portal.reseller.ProgramStanding;
import io.marque.portal.reseller.Tier;
import io.marque.portal.web.api.AccountResource.Account;
import io.marque.portal.web.api.AccountResource.CategoryPercent;
import io.marque.portal.web.api.AccountResource.TurnoverStep;
import io.marque.portal.web.api.AccountResource.VolumeStep;
import io.marque.portal.web.api.ApiRecords.Amount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountResourceTest {

    private static Money rub(String amount) {
        return new Money(new BigDecimal(amount), "RUB");
    }

    @Test
    void aTurnoverPolicyShowsItsPercentagesPerCategoryAndTheNextSteps() {
        ProgramStanding standing = new ProgramStanding(4, "Acme Ltd", "HRB 1", "DE1", "Main St 1", Tier.SILVER,
                LocalDate.of(2026, 3, 1), PolicyKind.TURNOVER, null, false,
                List.of(new ProgramStanding.CategoryPercent(Category.VPS, new BigDecimal("7.50"))), 12, rub("1240.00"),
                Tier.GOLD, rub("760.00"), "RUB", null,
                List.of(new ProgramStanding.TurnoverStep(Category.VPS, rub("760.00"), new BigDecimal("9.00"))));

        Account account = Account.of(List.of(rub("15.00"), new Money(new BigDecimal("2"), "USD")), standing);

        assertEquals(List.of(new Amount("15.00", "RUB"), new Amount("2.00", "USD")), account.balances());
        assertNull(account.percent(), "per category under TURNOVER");
        assertEquals(List.of(new CategoryPercent(Category.VPS, "7.5")), account.categoryPercents());
        assertEquals(new Amount("1240.00", "RUB"), account.turnover());
        assertEquals(Tier.GOLD, account.nextTier());
        assertEquals(new Amount("760.00", "RUB"), account.toNextTier());
        assertEquals(List.of(new TurnoverStep(Category.VPS, new Amount("760.00", "RUB"), "9")), account.nextTurnover());
        assertNull(account.nextVolume());
        assertEquals("Acme Ltd", account.companyName());
    }

    @Test
    void aVolumePolicyShowsItsPercentageAndTheServersToTheNextStep() {
        ProgramStanding standing = new ProgramStanding(4, "Acme Ltd", null, null, null, Tier.DIAMOND, null, PolicyKind.VOLUME,
                new BigDecimal("10.0000"), false, List.of(), 7, rub("0.00"), null, null, "RUB",
                new ProgramStanding.VolumeStep(3, new BigDecimal("12.00")), List.of());

        Account account = Account.of(List.of(rub("0.00")), standing);

        assertEquals("10", account.percent());
        assertEquals(new VolumeStep(3, "12"), account.nextVolume());
        assertNull(account.nextTier(), "at the top");
        assertNull(account.toNextTier());
        assertEquals(7, account.activeServers());
    }
}
