package io.marque.portal.demo;

import io.marque.portal.billing.Money;
import io.marque.portal.billing.account.Account;
import io.marque.portal.billing.account.LedgerEntry;
import io.marque.portal.billing.account.LedgerKind;
import io.marque.portal.billing.catalogue.Cycle;
import io.marque.portal.billing.catalogue.Product;
import io.marque.portal.billing.catalogue.ProductKind;
import io.marque.portal.billing.catalogue.ProductPrice;
import io.marque.portal.billing.catalogue.ResellerPrice;
import io.marque.portal.billing.discount.Category;
import io.marque.portal.billing.invoice.BillingSettings;
import io.marque.portal.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The demo's catalogue and money: a few plans and add-ons with list prices in EUR, USD and RUB; Acme
 * (EUR) and Bluebird (RUB) with their own prices, billing settings and opening balances, so a reseller
 * can order a server for Alice and pay for it from her balance right away.
 */
final class DemoBilling {

    private final EntityManager em;

    DemoBilling(EntityManager em) {
        this.em = em;
    }

    void seed(Tenant provider, Tenant acme, Tenant bluebird, long aliceCustomerId, long bluebirdAliceCustomerId) {
        acme.setCurrency("EUR");
        bluebird.setCurrency("RUB");
        Instant now = Instant.now();
        Product vpsS = product("vps-s", "VPS S", "2 vCPU, 4 GB RAM, 80 GB SSD", Category.VPS, ProductKind.PLAN, 4, now,
                "9.00", "10.00", "900");
        Product vpsM = product("vps-m", "VPS M", "4 vCPU, 8 GB RAM, 160 GB SSD", Category.VPS, ProductKind.PLAN, 8, now,
                "18.00", "20.00", "1800");
        Product dedicated = product("dedicated-e3", "Dedicated E3", "Xeon E-2388G, 64 GB RAM, 2 × 960 GB NVMe",
                Category.DEDICATED, ProductKind.PLAN, 64, now, "79.00", "86.00", "7900");
        Product ip = product("extra-ipv4", "Extra IPv4 address", "One more public IPv4 address", Category.OTHER,
                ProductKind.ADDON, null, now, "2.00", "2.20", "200");
        Product panel = product("control-panel", "Control panel licence", "A web hosting control panel",
                Category.OTHER, ProductKind.ADDON, null, now, "12.00", "13.00", "1200");
        own(acme, vpsS, "EUR", "14.90");
        own(acme, vpsM, "EUR", "27.90");
        own(acme, dedicated, "EUR", "119.00");
        own(acme, ip, "EUR", "3.50");
        own(acme, panel, "EUR", "19.00");
        own(bluebird, vpsS, "RUB", "1490");
        own(bluebird, dedicated, "RUB", "11900");
        own(bluebird, ip, "RUB", "350");
        BillingSettings acmeSettings = new BillingSettings(acme.getId(), "ACME");
        acmeSettings.setTaxLabel("VAT");
        acmeSettings.setTaxRate(new BigDecimal("19"));
        acmeSettings.setLateFee(new BigDecimal("5.00"));
        acmeSettings.setBankDetails("Acme Cloud GmbH · IBAN DE89 3704 0044 0532 0130 00");
        em.persist(acmeSettings);
        em.persist(new BillingSettings(bluebird.getId(), "BB"));
        BillingSettings providerSettings = new BillingSettings(provider.getId(), "NW");
        providerSettings.setBankDetails("Northwind Hosting B.V. · IBAN NL91 ABNA 0417 1643 00");
        em.persist(providerSettings);
        em.flush();
        deposit(new Account(acme.getId(), aliceCustomerId, "EUR"), "250.00", now);
        deposit(new Account(acme.getId(), null, "EUR"), "1000.00", now);
        deposit(new Account(bluebird.getId(), bluebirdAliceCustomerId, "RUB"), "5000", now);
    }

    private Product product(String code, String name, String description, Category category, ProductKind kind,
            Integer minRam, Instant now, String eur, String usd, String rub) {
        Product product = new Product(code, name, description, category, kind, minRam, now);
        em.persist(product);
        em.flush();
        price(product, "EUR", eur);
        price(product, "USD", usd);
        price(product, "RUB", rub);
        return product;
    }

    private void price(Product product, String currency, String monthly) {
        BigDecimal amount = new BigDecimal(monthly);
        em.persist(new ProductPrice(product.getId(), Cycle.MONTHLY, currency, amount));
        em.persist(new ProductPrice(product.getId(), Cycle.ANNUALLY, currency, amount.multiply(BigDecimal.TEN)));
    }

    private void own(Tenant reseller, Product product, String currency, String monthly) {
        BigDecimal amount = new BigDecimal(monthly);
        em.persist(new ResellerPrice(reseller.getId(), product.getId(), Cycle.MONTHLY, currency, amount));
        em.persist(new ResellerPrice(reseller.getId(), product.getId(), Cycle.ANNUALLY, currency, amount.multiply(BigDecimal.TEN)));
    }

    private void deposit(Account account, String amount, Instant now) {
        em.persist(account);
        em.flush();
        Money money = new Money(new BigDecimal(amount), account.getCurrency());
        em.persist(new LedgerEntry(account, LedgerKind.DEPOSIT, money, account.credit(money), null, null, "Opening balance", "demo", now));
    }
}
