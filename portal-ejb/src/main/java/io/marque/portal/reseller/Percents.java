package io.marque.portal.reseller;

import io.marque.portal.billing.discount.FixedPercentage;
import io.marque.portal.platform.InvalidInputException;
import java.math.BigDecimal;

/** Discount percentages as people type and read them: 0 to 100 with at most two decimals. */
final class Percents {

    private Percents() {
    }

    /**
     * A percentage typed into a form ({@code "12.5"}, {@code "12,5"}).
     *
     * @throws InvalidInputException {@code field} when it is not 0–100 with at most two decimals
     */
    static BigDecimal parse(String field, String text) {
        String plain = text == null ? "" : text.strip().replace(',', '.');
        if (!plain.matches("\\d{1,3}(\\.\\d{1,4})?")) {
            throw new InvalidInputException(field, "program.error.percent");
        }
        BigDecimal value = new BigDecimal(plain);
        try {
            // the discount rules' own check, so a stored percentage is always one they accept
            new FixedPercentage(value.stripTrailingZeros());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "program.error.percent");
        }
        return plain(value);
    }

    /** Without trailing zeros and never in exponent form: 10, 12.5. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
