package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.marque.portal.demo.DemoData;
import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * A reseller sells a server in Chromium: the provider puts a small server in its pool; Acme's admin
 * orders a "VPS S" for Alice from her account page (preview first: her price, Acme's wholesale price and
 * margin), pays the invoice from Alice's balance, and the order is provisioned with that server. Alice
 * then sees the server among hers and the paid invoice, whose PDF names Acme and never the provider,
 * in its text or its metadata.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class BillingJourneyIT {

    static final String ACME = "acme.localhost";
    static final String PROVIDER = "provider.localhost";
    static final String ALICE = "alice@example.com";
    static final List<String> PROVIDER_WORDS = List.of("Northwind", "northwind", "NW-", "FRA1-");

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aResellerOrdersAServerForItsCustomerPaysFromHerBalanceAndSheSeesServerAndInvoice() throws Exception {
        long now = System.currentTimeMillis() % 60_000;
        String hostname = "vps-" + now + ".sold.example";
        String address = "198.19." + (200 + (now >> 8) % 50) + "." + (now & 0xff);

        // the provider adds a 4 GB server to its pool: the smallest that fits "VPS S"
        Browser provider = browsers.open("provider-admin");
        provider.signIn(PROVIDER, "admin@northwind.example", DemoData.PASSWORD);
        Path csv = Files.createTempFile("pool-", ".csv");
        Files.writeString(csv, "hostname,cpu,ram_gb,disks,ipv4,ipv6,location,os,driver,rack,bmc_host,bmc_port,bmc_user,"
                + "bmc_password,upstream_id,monthly_cost,cost_currency\n" + String.join(",", hostname, "2 vCPU", "4", "80 GB SSD",
                address, "", "Frankfurt", "Debian 12", "simulated", "FRA1-R99-U07", "", "623", "", "", "NW-SOLD-" + now, "9.50",
                "EUR") + "\n", StandardCharsets.UTF_8);
        csv.toFile().deleteOnExit();
        provider.open(PROVIDER, "/admin/servers-import");
        provider.byId("import:file").sendKeys(csv.toAbsolutePath().toString());
        provider.clickAndWait("import:submit");
        assertEquals("", provider.errors());

        // Acme's admin opens Alice's account and orders a VPS S for her
        Browser admin = browsers.open("acme-admin");
        admin.signIn(ACME, "admin@acme.example", DemoData.PASSWORD);
        admin.open(ACME, "/reseller/customers?q=alice");
        admin.find(By.cssSelector("a.m-billing-link")).click();
        admin.waiting().until(d -> admin.path().equals("/reseller/customer-billing"));
        assertEquals("Alice Martin", admin.byId("account-customer").getText());
        String aliceAccount = "/reseller/customer-billing?" + URI.create(admin.driver().getCurrentUrl()).getRawQuery();
        admin.clickAndWait("new-order");
        assertEquals("/reseller/order-new", admin.path());
        new Select(admin.byId("plan")).selectByVisibleText("VPS S — 2 vCPU, 4 GB RAM, 80 GB SSD");
        admin.clickAndWait("preview");
        admin.assertNoErrorPage("previewing an order");
        assertEquals("", admin.errors());
        assertEquals("€14.90", admin.byId("quote-retail").getText(), "Acme's own price");
        // Acme is on the volume discount: the percentage depends on how many servers it has by now
        String percent = admin.find(By.cssSelector("#quote tbody tr td:nth-child(3)")).getText().replace("%", "");
        java.math.BigDecimal wholesale = new java.math.BigDecimal("9.00").multiply(java.math.BigDecimal.valueOf(100)
                .subtract(new java.math.BigDecimal(percent))).divide(java.math.BigDecimal.valueOf(100))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        assertTrue(List.of("0", "5", "10", "15", "20", "25", "30").contains(percent), "a step of the volume table: " + percent);
        assertEquals("€" + wholesale.toPlainString(), admin.byId("quote-wholesale").getText(),
                "the list price (€9.00) less Acme's volume discount of " + percent + "%");
        assertEquals("€" + new java.math.BigDecimal("14.90").subtract(wholesale).toPlainString(), admin.byId("quote-margin").getText());
        admin.clickAndWait("place");
        assertEquals("", admin.errors());
        assertEquals("/reseller/orders", admin.path());
        String firstRow = admin.find(By.cssSelector("#order-table tbody tr")).getText();
        assertTrue(firstRow.contains("Alice Martin") && firstRow.contains("VPS S") && firstRow.contains("Awaiting payment"), firstRow);

        // a quote with an add-on: Faces hands the checked add-ons over as numbers (once a 500, found by wapiti)
        admin.open(ACME, aliceAccount.replace("customer-billing?id=", "order-new?customer="));
        new Select(admin.byId("plan")).selectByVisibleText("VPS S — 2 vCPU, 4 GB RAM, 80 GB SSD");
        WebElement addOn = admin.find(By.cssSelector("#addOns input[type=checkbox]"));
        addOn.click();
        admin.clickAndWait("preview");
        admin.assertNoErrorPage("previewing an order with an add-on");
        assertEquals("", admin.errors());
        assertEquals(2, admin.driver().findElements(By.cssSelector("#quote tbody tr")).size(), "the plan and its add-on");
        admin.open(ACME, "/reseller/orders");

        // the invoice, with Acme's 19% VAT, paid from Alice's balance
        admin.find(By.cssSelector("#order-table tbody tr a.m-invoice-link")).click();
        admin.waiting().until(d -> admin.path().equals("/reseller/invoice"));
        String invoiceNumber = admin.byId("invoice-number").getText();
        assertTrue(invoiceNumber.contains("ACME-"), invoiceNumber);
        assertEquals("€17.73", admin.byId("invoice-total").getText(), "14.90 + 19% VAT (2.83)");
        admin.clickAndWait("pay-button");
        assertEquals("", admin.errors());
        admin.waiting().until(ExpectedConditions.textToBe(By.id("invoice-status"), "Paid"));
        admin.open(ACME, "/reseller/orders");
        String provisioned = admin.find(By.cssSelector("#order-table tbody tr")).getText();
        assertTrue(provisioned.contains("Provisioned"), provisioned);

        // Alice sees the server and the paid invoice
        Browser alice = browsers.open("alice");
        alice.signIn(ACME, ALICE, DemoData.PASSWORD);
        alice.clickAndWait("nav-servers");
        assertTrue(alice.byId("server-table").getText().contains(hostname), "the sold server is Alice's now");
        alice.clickAndWait("nav-billing");
        assertTrue(alice.byId("invoice-table").getText().contains(invoiceNumber.replaceAll("^\\D+", "").isEmpty()
                ? invoiceNumber : invoiceNumber.substring(invoiceNumber.indexOf("ACME-"))), alice.byId("invoice-table").getText());
        alice.find(By.linkText(invoiceNumber.substring(invoiceNumber.indexOf("ACME-")))).click();
        alice.waiting().until(d -> alice.path().equals("/customer/invoice"));
        assertEquals("Paid", alice.byId("invoice-status").getText());
        String page = alice.driver().getPageSource();
        PROVIDER_WORDS.forEach(word -> assertFalse(page.contains(word), "the invoice page names no provider: " + word));
        String pdfPath = URI.create(alice.byId("invoice-pdf").getAttribute("href")).getRawPath() + "?"
                + URI.create(alice.byId("invoice-pdf").getAttribute("href")).getRawQuery();

        // the PDF, fetched as Alice: Acme's name, the number and the total; nothing of the provider
        Http http = new Http();
        assertEquals(302, http.signIn(ACME, ALICE, DemoData.PASSWORD).statusCode());
        HttpResponse<byte[]> pdf = http.getBytes(ACME, pdfPath);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        PdfReader reader = new PdfReader(pdf.body());
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        Map<String, String> info = reader.getInfo();
        reader.close();
        assertTrue(text.toString().contains("Acme Cloud"), text.toString());
        assertTrue(text.toString().contains(invoiceNumber.substring(invoiceNumber.indexOf("ACME-"))), text.toString());
        assertTrue(text.toString().contains("17.73"), text.toString());
        for (String word : PROVIDER_WORDS) {
            assertFalse(text.toString().contains(word), "the PDF names no provider: " + word);
            info.forEach((key, value) -> assertFalse(String.valueOf(value).contains(word), "PDF metadata " + key + ": " + value));
        }
        assertEquals("Acme Cloud", info.get("Author"));

        // Bluebird's admin reaches none of it on its own host, by id: the same 404 as an id that does not exist
        Http bluebird = new Http();
        assertEquals(302, bluebird.signIn("bluebird.localhost", "admin@bluebird.example", DemoData.PASSWORD).statusCode());
        String invoiceQuery = pdfPath.substring(pdfPath.indexOf('?'));
        assertEquals(404, bluebird.get("bluebird.localhost", "/reseller/invoice" + invoiceQuery).statusCode());
        assertEquals(404, bluebird.getBytes("bluebird.localhost", "/reseller/invoice-pdf" + invoiceQuery).statusCode());
        assertEquals(404, bluebird.get("bluebird.localhost", aliceAccount).statusCode());
        assertEquals(404, bluebird.get("bluebird.localhost", aliceAccount.replace("customer-billing?id=", "order-new?customer=")).statusCode());
        // and the provider, which may read only its own invoices to resellers, not a reseller's to its customer
        Http northwind = new Http();
        assertEquals(302, northwind.signIn(PROVIDER, "admin@northwind.example", DemoData.PASSWORD).statusCode());
        assertEquals(404, northwind.get(PROVIDER, "/admin/invoice" + invoiceQuery).statusCode());
        assertEquals(404, northwind.getBytes(PROVIDER, "/admin/invoice-pdf" + invoiceQuery).statusCode());

        // another customer of Acme gets a 404 for it
        Http bob = new Http();
        assertEquals(302, bob.signIn(ACME, "bob@example.com", DemoData.PASSWORD).statusCode());
        assertEquals(404, bob.getBytes(ACME, pdfPath).statusCode());
        assertEquals(404, bob.get(ACME, pdfPath.replace("invoice-pdf", "invoice")).statusCode());
    }
}
