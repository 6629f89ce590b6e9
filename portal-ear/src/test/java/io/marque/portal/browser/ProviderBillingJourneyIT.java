package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.demo.DemoData;
import io.marque.portal.it.Deployments;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The provider admin runs the billing side of the reseller program: adds a product and gives it a
 * monthly EUR list price, which the catalogue then lists; records a transfer received from Acme, which
 * Acme's balance shows; runs the monthly consolidation; and reads the invoices to Acme, where no
 * customer of Acme is named (law 3).
 *
 * <p>Reruns against the same database do not collide: the product's code comes from the current time,
 * the balance is compared with what it was before, and a month consolidated before is not billed again.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ProviderBillingJourneyIT {

    private static final String PROVIDER = "provider.localhost";
    private static final String ACME = "Acme Cloud";
    /** Acme's customers in the demo data: the provider's pages never name them. */
    private static final List<String> ACME_CUSTOMERS = List.of("Alice Martin", "Martin Web Studio", "Bob Stone",
            "alice@example.com", "bob@example.com", "Demo Customer");

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theProviderAddsAProductRecordsFundsAndConsolidates() {
        long now = System.currentTimeMillis() / 1000;
        String code = "it-" + now;
        String name = "Journey VPS " + now;

        Browser admin = browsers.open("provider-admin");
        assertEquals("/admin/", admin.signIn(PROVIDER, "admin@northwind.example", DemoData.PASSWORD));

        // a new product with a monthly price in EUR
        admin.byId("nav-products").click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("product-table")));
        admin.assertNoErrorPage("opening the catalogue");
        admin.clickAndWait("add-product");
        admin.assertNoErrorPage("opening the new product form");
        admin.fillIn("product:code", code);
        admin.fillIn("product:name", name);
        admin.fillIn("product:description", "2 vCPU, 2 GB RAM");
        new Select(admin.byId("product:kind")).selectByVisibleText("Plan");
        new Select(admin.byId("product:category")).selectByVisibleText("VPS");
        admin.fillIn("product:minRam", "2");
        admin.clickAndWait("product:save");
        admin.assertNoErrorPage("creating a product");
        assertEquals("", admin.errors());
        assertEquals("/admin/product", admin.path());
        assertTrue(URI.create(admin.driver().getCurrentUrl()).getQuery().startsWith("id="), admin.driver().getCurrentUrl());
        assertTrue(admin.byId("product-code").getText().contains(code), admin.byId("product-code").getText());
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("no-prices")));

        new Select(admin.byId("price:cycle")).selectByVisibleText("Monthly");
        admin.fillIn("price:currency", "EUR");
        admin.fillIn("price:amount", "7.50");
        admin.clickAndWait("price:submit");
        admin.assertNoErrorPage("setting a list price");
        assertEquals("", admin.errors());
        WebElement price = admin.find(By.cssSelector("#price-table tr.price-MONTHLY-EUR"));
        assertTrue(price.getText().contains("€7.50"), price.getText());

        // a price the catalogue cannot read is refused, and nothing changes
        admin.fillIn("price:currency", "EUR");
        admin.fillIn("price:amount", "7.5.0");
        admin.clickAndWait("price:submit");
        assertTrue(admin.errors().contains("Enter an amount"), admin.errors());
        assertEquals(1, admin.driver().findElements(By.cssSelector("#price-table tbody tr")).size());

        admin.byId("nav-products").click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("product-table")));
        WebElement row = admin.find(By.cssSelector("#product-table tr.product-" + code));
        assertTrue(row.getText().contains(name) && row.getText().contains("Monthly: €7.50") && row.getText().contains("Active"),
                row.getText());

        // funds Acme sent: its balance grows by the amount
        String resellerPage = acmeResellerPage(admin);
        BigDecimal before = amount(admin.byId("reseller-balance").getText());
        admin.byId("nav-billing").click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("funds:submit")));
        admin.assertNoErrorPage("opening billing");
        new Select(admin.byId("funds:reseller")).selectByVisibleText(ACME);
        admin.fillIn("funds:amount", "25.00");
        admin.fillIn("funds:note", "Transfer " + now);
        admin.clickAndWait("funds:submit");
        admin.assertNoErrorPage("recording funds");
        assertEquals("", admin.errors());
        assertTrue(admin.byId("messages").getText().contains("The funds are recorded"), admin.byId("messages").getText());
        admin.driver().get(resellerPage);
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reseller-balance")));
        assertEquals(0, before.add(new BigDecimal("25.00")).compareTo(amount(admin.byId("reseller-balance").getText())),
                "Acme's balance grew by 25.00 from " + before + ": " + admin.byId("reseller-balance").getText());

        // the monthly consolidation, for the month the form offers
        admin.byId("nav-billing").click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("consolidate:submit")));
        String month = admin.byId("consolidate:month").getAttribute("value");
        assertTrue(month.matches("\\d{4}-\\d{2}"), "the form offers this month: " + month);
        admin.clickAndWait("consolidate:submit");
        admin.assertNoErrorPage("running the consolidation");
        assertEquals("", admin.errors());
        String done = admin.byId("messages").getText();
        assertTrue(done.matches("(?s).*(No invoices were issued|1 invoice was issued|\\d+ invoices were issued) for " + month + "\\..*"),
                done);

        // Acme's invoices: the list, narrowed to Acme from its page, names Acme and none of its customers
        admin.driver().get(resellerPage);
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reseller-invoices")));
        admin.clickAndWait("reseller-invoices");
        admin.assertNoErrorPage("opening Acme's invoices");
        assertEquals("/admin/billing", admin.path());
        assertEquals(ACME, new Select(admin.byId("f-reseller")).getFirstSelectedOption().getText());
        List<WebElement> invoices = admin.driver().findElements(By.cssSelector("#invoice-table tbody tr"));
        if (invoices.isEmpty()) {
            assertTrue(admin.byId("no-invoices").isDisplayed());
        }
        for (WebElement invoice : invoices) {
            assertEquals(ACME, invoice.findElements(By.tagName("td")).get(1).getText(), invoice.getText());
        }
        String page = admin.driver().getPageSource();
        for (String customer : ACME_CUSTOMERS) {
            assertFalse(page.contains(customer), "the provider's billing page names Acme's customer " + customer);
        }
        if (!invoices.isEmpty()) {
            invoices.get(0).findElement(By.cssSelector("a.invoice-link")).click();
            admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("invoice-total")));
            admin.assertNoErrorPage("opening an invoice");
            assertEquals(ACME, admin.byId("invoice-reseller").getText());
            assertTrue(admin.byId("invoice-pdf").getAttribute("href").contains("/admin/invoice-pdf?id="));
            String invoicePage = admin.driver().getPageSource();
            for (String customer : ACME_CUSTOMERS) {
                assertFalse(invoicePage.contains(customer), "the provider's invoice names Acme's customer " + customer);
            }
        }
    }

    /** Opens Acme's page in the reseller list and answers its address. */
    private static String acmeResellerPage(Browser admin) {
        admin.open(PROVIDER, "/admin/resellers");
        admin.find(By.linkText(ACME)).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reseller-balance")));
        admin.assertNoErrorPage("opening Acme's page");
        return admin.driver().getCurrentUrl();
    }

    /** An amount as the English page shows it, e.g. {@code €1,025.00} or {@code -€3.00}. */
    private static BigDecimal amount(String shown) {
        String digits = shown.replaceAll("[^0-9.]", "");
        BigDecimal value = new BigDecimal(digits);
        return shown.strip().startsWith("-") || shown.contains("(") ? value.negate() : value;
    }
}
