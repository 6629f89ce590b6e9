package io.marque.portal.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The provider's dashboard on a day. It holds the provider's own money and the wholesale money between
 * the provider and each reseller, and of a reseller's business only the number of its customers and
 * services: no customer invoice, amount or name of a reseller's customers (law 3).
 *
 * @param today         the day it was measured on, in the provider's calendar
 * @param months        the window, oldest first; the last is the current month
 * @param resellers     every reseller, by name
 * @param payments      per reseller and currency, its wholesale invoices paid (in the window), due and overdue;
 *                      only resellers with any
 * @param paymentTotals the same per currency over all resellers
 * @param channels      per currency, direct against reseller revenue over the window
 * @param direct        per currency, per month: paid customer invoices of the provider's tenant less its
 *                      credit notes
 * @param wholesale     per currency, per month: paid wholesale invoices of all resellers
 */
public record ProviderOverview(LocalDate today, List<YearMonth> months, List<ResellerFigures> resellers,
        List<ResellerPayments> payments, List<PaymentStatus> paymentTotals, List<ChannelRevenue> channels,
        List<MonthlySeries> direct, List<MonthlySeries> wholesale) {

    public ProviderOverview {
        months = List.copyOf(months);
        resellers = List.copyOf(resellers);
        payments = List.copyOf(payments);
        paymentTotals = List.copyOf(paymentTotals);
        channels = List.copyOf(channels);
        direct = List.copyOf(direct);
        wholesale = List.copyOf(wholesale);
    }

    /** Every currency of the direct or the wholesale revenue, in code order. */
    public List<String> currencies() {
        java.util.TreeSet<String> currencies = new java.util.TreeSet<>();
        direct.forEach(s -> currencies.add(s.currency()));
        wholesale.forEach(s -> currencies.add(s.currency()));
        return List.copyOf(currencies);
    }

    /** The direct revenue of one currency per month; zeros when there was none. */
    public MonthlySeries directIn(String currency) {
        MonthlySeries series = of(direct, currency);
        return series != null ? series : zeros(currency);
    }

    /** The resellers' wholesale payments of one currency per month; zeros when there were none. */
    public MonthlySeries wholesaleIn(String currency) {
        MonthlySeries series = of(wholesale, currency);
        return series != null ? series : zeros(currency);
    }

    private MonthlySeries zeros(String currency) {
        return new MonthlySeries(currency, java.util.Collections.nCopies(months.size(),
                io.marque.portal.billing.Money.zero(currency)));
    }

    /** The monthly series of one currency from {@code direct} or {@code wholesale}, or null. */
    static MonthlySeries of(List<MonthlySeries> series, String currency) {
        return series.stream().filter(s -> s.currency().equals(currency)).findFirst().orElse(null);
    }
}
