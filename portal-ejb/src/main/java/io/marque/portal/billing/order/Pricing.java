package io.marque.portal.billing.order;

import io.marque.portal.billing.Discounts;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.Standings;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.Product;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.discount.DiscountPolicy;
import io.marque.portal.billing.discount.PriceLine;
import io.marque.portal.billing.discount.Standing;
import io.marque.portal.billing.discount.Wholesale;
import io.marque.portal.platform.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prices an order for a reseller: its own price to the customer per product, the provider's list price,
 * the reseller's discount under its policy today, and the wholesale price (list − discount, through
 * {@link Wholesale}). A plan counts as one more active server for the volume table: the sixth server a
 * reseller orders is priced at the 6–10 step.
 */
@Stateless
public class Pricing {

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Standings standings;

    @Inject
    Discounts discounts;

    /** @throws InvalidInputException when a price is missing: the provider's in this currency, or the reseller's own */
    public List<QuoteLine> quote(long tenantId, List<Product> products, Cycle cycle, String currency, LocalDate today) {
        DiscountPolicy policy = discounts.policyOf(tenantId);
        Standing now = standings.of(tenantId, today);
        List<QuoteLine> lines = new ArrayList<>();
        for (Product product : products) {
            boolean addOn = product.getKind() == ProductKind.ADDON;
            Standing standing = addOn ? now : new Standing(now.activeServers() + 1, now.turnover());
            Money list = listPrice(product, cycle, currency);
            Money retail = ownPrice(tenantId, product, cycle, currency);
            BigDecimal percent = policy.percent(new PriceLine(product.getCategory(), addOn), standing);
            Money wholesale = new Money(Wholesale.price(list.amount(), percent, Currency.getInstance(currency)), currency);
            lines.add(new QuoteLine(product.getId(), product.getName(), product.getCategory(), addOn, retail, list,
                    percent, wholesale));
        }
        return lines;
    }

    /** The wholesale price of one line again, under the reseller's policy today (a provider admin re-applying discounts). */
    public QuoteLine reprice(long tenantId, OrderLine line, String currency, LocalDate today) {
        DiscountPolicy policy = discounts.policyOf(tenantId);
        Standing standing = standings.of(tenantId, today);
        BigDecimal percent = policy.percent(new PriceLine(line.getCategory(), line.isAddOn()), standing);
        Money list = new Money(line.getListAmount(), currency);
        Money wholesale = new Money(Wholesale.price(list.amount(), percent, Currency.getInstance(currency)), currency);
        return new QuoteLine(line.getProductId(), line.getDescription(), line.getCategory(), line.isAddOn(),
                new Money(line.getRetailAmount(), currency), list, percent, wholesale);
    }

    /** The wholesale price of one product per cycle, from its list prices in one currency, under the reseller's policy today. */
    public Map<Cycle, Money> wholesale(long tenantId, Product product, Map<String, Money> listPrices, String currency,
            LocalDate today) {
        DiscountPolicy policy = discounts.policyOf(tenantId);
        Standing now = standings.of(tenantId, today);
        boolean addOn = product.getKind() == ProductKind.ADDON;
        Standing standing = addOn ? now : new Standing(now.activeServers() + 1, now.turnover());
        BigDecimal percent = policy.percent(new PriceLine(product.getCategory(), addOn), standing);
        Map<Cycle, Money> result = new EnumMap<>(Cycle.class);
        for (Cycle cycle : Cycle.values()) {
            Money list = listPrices.get(io.marque.portal.billing.catalogue.ProductView.key(cycle, currency));
            if (list != null) {
                result.put(cycle, new Money(Wholesale.price(list.amount(), percent, Currency.getInstance(currency)), currency));
            }
        }
        return result;
    }

    private Money listPrice(Product product, Cycle cycle, String currency) {
        return em.createNamedQuery("ProductPrice.of", io.marque.portal.billing.catalogue.ProductPrice.class)
                .setParameter("product", product.getId()).setParameter("cycle", cycle).setParameter("currency", currency)
                .getResultStream().findFirst()
                .map(p -> new Money(p.getAmount(), currency))
                .orElseThrow(() -> new InvalidInputException("product", "billing.error.noListPrice"));
    }

    private Money ownPrice(long tenantId, Product product, Cycle cycle, String currency) {
        return em.createNamedQuery("ResellerPrice.of", io.marque.portal.billing.catalogue.ResellerPrice.class)
                .setParameter("tenant", tenantId).setParameter("product", product.getId()).setParameter("cycle", cycle)
                .setParameter("currency", currency)
                .getResultStream().findFirst()
                .map(p -> new Money(p.getAmount(), currency))
                .orElseThrow(() -> new InvalidInputException("product", "billing.error.noOwnPrice"));
    }
}
