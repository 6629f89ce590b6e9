package io.marque.portal.web.api;

import io.marque.portal.billing.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** The records several resources answer with: an exact amount of money and one page of a list. */
public final class ApiRecords {

    private ApiRecords() {
    }

    /**
     * Money as the API writes it: the amount as a string with exactly the currency's decimals
     * ({@code "12.50"}, {@code "1500"} for yen), never a binary number a client would round, and the ISO
     * currency ({@code {"amount":"12.50","currency":"EUR"}}).
     */
    public record Amount(String amount, String currency) {

        /** The amount of {@code money}, or null for none. */
        public static Amount of(Money money) {
            return money == null ? null : new Amount(money.amount().toPlainString(), money.currency());
        }
    }

    /** One page; {@code next} is the cursor of the following page, null on the last. */
    public record Page<T>(List<T> items, String next) {

        /**
         * A page of a keyset list that returns at most {@code size} items: a full page names the cursor
         * of its last item (the next page may be empty), a shorter one is the last.
         */
        public static <T> Page<T> of(List<T> items, int size, Function<T, String> cursorOf) {
            return new Page<>(items, items.isEmpty() || items.size() < size ? null : cursorOf.apply(items.get(items.size() - 1)));
        }
    }

    /** A percentage as exact text without trailing zeros ({@code "10"}, {@code "7.5"}), or null for none. */
    public static String percent(BigDecimal percent) {
        return percent == null ? null : percent.stripTrailingZeros().toPlainString();
    }
}
