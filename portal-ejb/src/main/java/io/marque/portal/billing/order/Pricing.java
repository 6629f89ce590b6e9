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

    /**
     * A reseller's discount terms as measured once: its policy and its standing today. A plan counts as one
     * more active server; an add-on does not.
     */
    public record Terms(DiscountPolicy policy, Standing standing) {

        public BigDecimal percent(io.marque.portal.billing.discount.Category category, boolean addOn) {
            Standing counted = addOn ? standing : new Standing(standing.activeServers() + 1, standing.turnover());
            return policy.percent(new PriceLine(category, addOn), counted);
        }

        /** The list price less {@code percent}, through {@link Wholesale}: the one place it is computed. */
        public static Money wholesale(Money list, BigDecimal percent) {
            return new Money(Wholesale.price(list.amount(), percent, Currency.getInstance(list.currency())), list.currency());
        }
    }

    /** The reseller's terms today: read once, then applied to as many products or lines as needed. */
    public Terms terms(long tenantId, LocalDate today) {
        return new Terms(discounts.policyOf(tenantId), standings.of(tenantId, today));
    }

    /** @throws InvalidInputException when a price is missing: the provider's in this currency, or the reseller's own */
    public List<QuoteLine> quote(long tenantId, List<Product> products, Cycle cycle, String currency, LocalDate today) {
        Terms terms = terms(tenantId, today);
        List<QuoteLine> lines = new ArrayList<>();
        for (Product product : products) {
            boolean addOn = product.getKind() == ProductKind.ADDON;
            Money list = listPrice(product, cycle, currency);
            Money retail = ownPrice(tenantId, product, cycle, currency);
            BigDecimal percent = terms.percent(product.getCategory(), addOn);
            lines.add(new QuoteLine(product.getId(), product.getName(), product.getCategory(), addOn, retail, list,
                    percent, Terms.wholesale(list, percent)));
        }
        return lines;
    }

    /**
     * The wholesale price of one order line again, under the reseller's terms now (a provider admin re-applying
     * discounts). The line is already counted among the reseller's servers, so it is priced as an add-on is.
     */
    public QuoteLine reprice(Terms terms, OrderLine line, String currency) {
        BigDecimal percent = terms.policy().percent(new PriceLine(line.getCategory(), line.isAddOn()), terms.standing());
        Money list = new Money(line.getListAmount(), currency);
        return new QuoteLine(line.getProductId(), line.getDescription(), line.getCategory(), line.isAddOn(),
                new Money(line.getRetailAmount(), currency), list, percent, Terms.wholesale(list, percent));
    }

    /** The wholesale price of one product per cycle, from its list prices in one currency, under the reseller's terms. */
    public Map<Cycle, Money> wholesale(Terms terms, Product product, Map<String, Money> listPrices, String currency) {
        BigDecimal percent = terms.percent(product.getCategory(), product.getKind() == ProductKind.ADDON);
        Map<Cycle, Money> result = new EnumMap<>(Cycle.class);
        for (Cycle cycle : Cycle.values()) {
            Money list = listPrices.get(io.marque.portal.billing.catalogue.ProductView.key(cycle, currency));
            if (list != null) {
                result.put(cycle, Terms.wholesale(list, percent));
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
