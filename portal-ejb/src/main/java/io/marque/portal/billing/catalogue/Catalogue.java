package io.marque.portal.billing.catalogue;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.billing.Money;
import io.marque.portal.billing.MoneyField;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.order.Pricing;
import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Fields;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.Problems;
import io.marque.portal.tenant.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The provider's catalogue (products and list prices, provider admins) and each reseller's own prices
 * for it. A reseller reads the catalogue in its currency with the wholesale price its discount gives
 * today; it never reads another reseller's prices.
 */
@Stateless
public class Catalogue {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Pricing pricing;

    @Inject
    AuditRecorder audit;

    /** Every product with every list price: the provider's view. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProductView> products(Actor actor) {
        actor.require(Role.PROVIDER_AGENT, Role.PROVIDER_ADMIN);
        Map<Long, Map<String, Money>> prices = new LinkedHashMap<>();
        for (ProductPrice price : em.createNamedQuery("ProductPrice.all", ProductPrice.class).getResultList()) {
            prices.computeIfAbsent(price.getProductId(), id -> new LinkedHashMap<>())
                    .put(ProductView.key(price.getCycle(), price.getCurrency()), new Money(price.getAmount(), price.getCurrency()));
        }
        return em.createNamedQuery("Product.all", Product.class).getResultList().stream()
                .map(p -> view(p, prices.getOrDefault(p.getId(), Map.of()), Map.of(), Map.of())).toList();
    }

    public long save(Actor actor, Long productId, NewProduct request) {
        actor.require(Role.PROVIDER_ADMIN);
        Problems problems = new Problems();
        String name = problems.check(() -> Fields.text("name", request.name(), 120));
        String description = problems.check(() -> Fields.optionalMultiline("description", request.description(), 1000));
        Category category = enumValue(problems, "category", Category.class, request.category());
        ProductKind kind = enumValue(problems, "kind", ProductKind.class, request.kind());
        Integer minRam = request.minRamGb();
        if (minRam != null && (minRam < 1 || minRam > 65536)) {
            problems.add("minRamGb", "billing.error.minRam");
        }
        Product product;
        if (productId == null) {
            String code = request.code() == null ? "" : request.code().strip().toLowerCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                problems.add("code", "billing.error.code");
            } else if (!em.createNamedQuery("Product.byCode", Product.class).setParameter("code", code).getResultList().isEmpty()) {
                problems.add("code", "billing.error.codeTaken");
            }
            problems.throwIfAny();
            product = new Product(code, name, description == null ? "" : description, category, kind,
                    kind == ProductKind.PLAN ? minRam : null, Instant.now());
            em.persist(product);
            em.flush();
            audit.record(actor, "product.created", code, name);
        } else {
            product = find(productId);
            problems.throwIfAny();
            product.setName(name);
            product.setDescription(description == null ? "" : description);
            product.setCategory(category);
            product.setMinRamGb(product.getKind() == ProductKind.PLAN ? minRam : null);
            audit.record(actor, "product.updated", product.getCode(), name);
        }
        return product.getId();
    }

    public void setActive(Actor actor, long productId, boolean active) {
        actor.require(Role.PROVIDER_ADMIN);
        Product product = find(productId);
        product.setActive(active);
        audit.record(actor, active ? "product.activated" : "product.withdrawn", product.getCode(), null);
    }

    /** Sets (or with a blank amount removes) the provider's list price of a product for one cycle and currency. */
    public void setListPrice(Actor actor, long productId, Cycle cycle, String currency, String amount) {
        actor.require(Role.PROVIDER_ADMIN);
        Product product = find(productId);
        String code = currencyCode(currency);
        ProductPrice existing = em.createNamedQuery("ProductPrice.of", ProductPrice.class).setParameter("product", productId)
                .setParameter("cycle", cycle).setParameter("currency", code).getResultStream().findFirst().orElse(null);
        if (amount == null || amount.isBlank()) {
            if (existing != null) {
                em.remove(existing);
                audit.record(actor, "product.price.removed", product.getCode(), cycle + " " + code);
            }
            return;
        }
        Money money = MoneyField.positive("amount", amount, code);
        if (existing == null) {
            em.persist(new ProductPrice(productId, cycle, code, money.amount()));
        } else {
            existing.setAmount(money.amount());
        }
        audit.record(actor, "product.price.set", product.getCode(), cycle + " " + money);
    }

    /** The active products a reseller can sell in {@code currency}, with wholesale prices today and its own prices. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProductView> forReseller(Actor actor, String currency) {
        actor.require(Role.RESELLER_AGENT, Role.RESELLER_ADMIN);
        String code = currency == null ? tenantCurrency(actor.tenantId()) : currencyCode(currency);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<Long, Map<Cycle, Money>> own = new LinkedHashMap<>();
        for (ResellerPrice price : em.createNamedQuery("ResellerPrice.ofTenant", ResellerPrice.class)
                .setParameter("tenant", actor.tenantId()).getResultList()) {
            if (price.getCurrency().equals(code)) {
                own.computeIfAbsent(price.getProductId(), id -> new EnumMap<>(Cycle.class))
                        .put(price.getCycle(), new Money(price.getAmount(), code));
            }
        }
        Map<Long, Map<String, Money>> lists = new LinkedHashMap<>();
        for (ProductPrice price : em.createNamedQuery("ProductPrice.all", ProductPrice.class).getResultList()) {
            if (price.getCurrency().equals(code)) {
                lists.computeIfAbsent(price.getProductId(), id -> new LinkedHashMap<>())
                        .put(ProductView.key(price.getCycle(), code), new Money(price.getAmount(), code));
            }
        }
        Pricing.Terms terms = pricing.terms(actor.tenantId(), today);
        return em.createNamedQuery("Product.all", Product.class).getResultList().stream()
                .filter(Product::isActive).filter(p -> lists.containsKey(p.getId()))
                .map(p -> view(p, lists.get(p.getId()), pricing.wholesale(terms, p, lists.get(p.getId()), code),
                        own.getOrDefault(p.getId(), Map.of())))
                .toList();
    }

    /** Sets (or with a blank amount removes) the reseller's own price of a product for one cycle in {@code currency}. */
    public void setOwnPrice(Actor actor, long productId, Cycle cycle, String currency, String amount) {
        actor.require(Role.RESELLER_ADMIN);
        Product product = find(productId);
        String code = currencyCode(currency);
        ResellerPrice existing = em.createNamedQuery("ResellerPrice.of", ResellerPrice.class)
                .setParameter("tenant", actor.tenantId()).setParameter("product", productId).setParameter("cycle", cycle)
                .setParameter("currency", code).getResultStream().findFirst().orElse(null);
        if (amount == null || amount.isBlank()) {
            if (existing != null) {
                em.remove(existing);
                audit.record(actor, "price.removed", product.getName(), cycle + " " + code);
            }
            return;
        }
        if (!product.isActive()) {
            throw new NotFoundException("Product");
        }
        Money money = MoneyField.positive("amount", amount, code);
        if (existing == null) {
            em.persist(new ResellerPrice(actor.tenantId(), productId, cycle, code, money.amount()));
        } else {
            existing.setAmount(money.amount());
        }
        audit.record(actor, "price.set", product.getName(), cycle + " " + money);
    }

    public Product find(long productId) {
        Product product = em.find(Product.class, productId);
        if (product == null) {
            throw new NotFoundException("Product");
        }
        return product;
    }

    private String tenantCurrency(long tenantId) {
        return em.find(Tenant.class, tenantId).getCurrency();
    }

    static String currencyCode(String currency) {
        try {
            return Money.code(currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "billing.error.currency");
        }
    }

    private static <E extends Enum<E>> E enumValue(Problems problems, String field, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            problems.add(field, "billing.error." + field);
            return null;
        }
    }

    private static ProductView view(Product p, Map<String, Money> lists, Map<Cycle, Money> wholesale, Map<Cycle, Money> own) {
        return new ProductView(p.getId(), p.getCode(), p.getName(), p.getDescription(), p.getCategory(), p.getKind(),
                p.getMinRamGb(), p.isActive(), lists, wholesale, own);
    }
}
