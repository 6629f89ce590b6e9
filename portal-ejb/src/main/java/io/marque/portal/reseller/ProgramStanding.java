package io.marque.portal.reseller;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.discount.Category;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A reseller's place in the program as the reseller itself may read it: its company details, its
 * tier, its discount now and how far the next step is. It holds nothing that is for provider staff
 * only (admin notes), so handing it to a reseller's page cannot leak them.
 *
 * @param percent          the discount now: FIXED its percentage on everything, VOLUME on server prices;
 *                         {@code null} for TURNOVER, whose percentages are per category
 * @param programDefault   FIXED and following the program's default percentage
 * @param categoryPercents TURNOVER: the percentage now per category; empty otherwise
 * @param turnover         payments in the month-long window ending today, in the reseller's currency
 * @param nextTier         the tier above the one the turnover reaches now; {@code null} at Diamond or when
 *                         the thresholds are in another currency than the turnover
 * @param toNextTier       the turnover still missing for {@code nextTier}
 * @param tierCurrency     the thresholds' currency
 * @param nextVolume       VOLUME: the servers still missing for the next step; {@code null} otherwise or at the top
 * @param nextTurnover     TURNOVER: per category, the turnover still missing for a higher percentage
 */
public record ProgramStanding(long tenantId, String companyName, String registrationNumber, String taxId,
        String address, Tier tier, LocalDate tierCheckedOn, PolicyKind policy, BigDecimal percent,
        boolean programDefault, List<CategoryPercent> categoryPercents, int activeServers, Money turnover,
        Tier nextTier, Money toNextTier, String tierCurrency, VolumeStep nextVolume, List<TurnoverStep> nextTurnover) {

    /** A percentage on one product category. */
    public record CategoryPercent(Category category, BigDecimal percent) {
    }

    /** "3 more servers to 10 %". */
    public record VolumeStep(int servers, BigDecimal percent) {
    }

    /** "RUB 1,240 more turnover to 9 % on VPS". */
    public record TurnoverStep(Category category, Money amount, BigDecimal percent) {
    }
}
