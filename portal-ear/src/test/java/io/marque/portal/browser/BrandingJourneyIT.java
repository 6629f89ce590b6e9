package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Acme's administrator rebrands the portal in a browser, and Acme's customers see it: a new main colour
 * reaches the customer's stylesheet and the rendered page, an uploaded PNG becomes the logo they are
 * served byte for byte. A file that only claims to be a PNG is refused with a message and changes
 * nothing. Every test puts Acme's brand back as it found it, since the demo tenants are shared.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class BrandingJourneyIT {

    private static final String ACME = "acme.localhost";
    private static final String ADMIN = "admin@acme.example";
    private static final String CUSTOMER = "bob@example.com";
    private static final String DEMO_PASSWORD = "demo-password";
    private static final String NEW_PRIMARY = "#c0392b";
    private static final String NEW_PRIMARY_RGB = "rgb(192, 57, 43)";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @TempDir
    Path files;

    /** Acme's main colour before a test changed the brand; null when there is nothing to put back. */
    private String originalPrimary;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aNewColourAndLogoReachTheCustomers() throws Exception {
        Browser customer = browsers.open("customer");
        customer.signIn(ACME, CUSTOMER, DEMO_PASSWORD);
        String logoBefore = logoSrc(customer);
        String brandCssBefore = brandCssHref(customer);

        Browser admin = browsers.open("admin");
        admin.signIn(ACME, ADMIN, DEMO_PASSWORD);
        admin.open(ACME, "/reseller/branding");
        String original = admin.byId("brand:colorPrimary").getAttribute("value");
        assertNotEquals(NEW_PRIMARY, original, "the test needs a colour Acme does not have yet");
        assertTrue(admin.driver().findElements(By.id("logo:remove")).isEmpty(), "Acme starts with its theme's logo");
        originalPrimary = original;

        admin.setValue("brand:colorPrimary", NEW_PRIMARY);
        assertEquals(NEW_PRIMARY, admin.script(
                "return document.getElementById('preview').style.getPropertyValue('--m-primary').trim();"),
                "the live preview follows the picker before saving");
        admin.clickAndWait("brand:save");
        admin.assertNoErrorPage("saving the branding");
        assertTrue(admin.find(By.cssSelector(".m-messages .m-info")).getText().contains("The branding is saved"),
                "confirmation: " + admin.find(By.id("messages")).getText());
        assertEquals(NEW_PRIMARY, admin.byId("brand:colorPrimary").getAttribute("value"));
        assertEquals("Acme Cloud", admin.byId("brand:displayName").getAttribute("value"), "the rest is kept");

        byte[] png = logoPng();
        Path pngFile = Files.write(files.resolve("acme-logo.png"), png);
        admin.byId("logo:file").sendKeys(pngFile.toAbsolutePath().toString());
        admin.clickAndWait("logo:upload");
        admin.assertNoErrorPage("uploading the PNG logo");
        assertEquals("", admin.errors(), "the PNG is accepted");
        assertTrue(admin.find(By.cssSelector(".m-messages .m-info")).getText().contains("The new logo is in place"),
                "confirmation: " + admin.find(By.id("messages")).getText());

        // the customer's next page
        customer.open(ACME, "/customer/");
        String logoAfter = logoSrc(customer);
        String brandCssAfter = brandCssHref(customer);
        assertNotEquals(logoBefore, logoAfter, "the logo URL changes with the brand, so no cache keeps the old one");
        assertNotEquals(brandCssBefore, brandCssAfter, "so does the brand stylesheet's");

        HttpResponse<String> css = new Http().get(ACME, URI.create(brandCssAfter).getPath());
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains("--m-primary:" + NEW_PRIMARY + ";"), "brand.css: " + css.body());
        assertEquals(NEW_PRIMARY, CustomerJourneyIT.cssVariable(customer, "--m-primary"),
                "the customer's page uses the new colour");
        assertEquals(NEW_PRIMARY_RGB, customer.script("return getComputedStyle(arguments[0]).backgroundColor;",
                customer.find(By.cssSelector(".m-nav a.active"))), "the active tab is painted in it");

        HttpResponse<byte[]> served = bytes(ACME, URI.create(logoAfter).getPath());
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(png, served.body(), "the customer is served exactly the uploaded PNG");
        WebElement logo = customer.find(By.cssSelector("a.m-brand img"));
        assertEquals(64L, customer.script("return arguments[0].complete ? arguments[0].naturalWidth : -1;", logo),
                "the browser shows the uploaded 64×64 image");

        putAcmesBrandBack();
        customer.open(ACME, "/customer/");
        assertEquals(original, CustomerJourneyIT.cssVariable(customer, "--m-primary"), "Acme's colour is back");
        assertEquals("image/svg+xml", bytes(ACME, URI.create(logoSrc(customer)).getPath()).headers()
                .firstValue("Content-Type").orElse(""), "Acme's theme logo is back");
    }

    @Test
    void aFileThatOnlyClaimsToBeAPngIsRefusedAndChangesNothing() throws Exception {
        Browser admin = browsers.open("admin");
        admin.signIn(ACME, ADMIN, DEMO_PASSWORD);
        admin.open(ACME, "/reseller/branding");
        assertTrue(admin.driver().findElements(By.id("logo:remove")).isEmpty(), "Acme starts with its theme's logo");
        String logoBefore = logoSrc(admin);
        String brandCssBefore = brandCssHref(admin);
        byte[] logoBytesBefore = bytes(ACME, URI.create(logoBefore).getPath()).body();

        Path fake = Files.writeString(files.resolve("logo.png"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" onload=\"alert(document.cookie)\">"
                        + "<script>alert(1)</script><rect width=\"64\" height=\"64\" fill=\"red\"/></svg>\n",
                StandardCharsets.UTF_8);
        originalPrimary = admin.byId("brand:colorPrimary").getAttribute("value"); // in case the upload is taken
        admin.byId("logo:file").sendKeys(fake.toAbsolutePath().toString());
        admin.clickAndWait("logo:upload");
        admin.assertNoErrorPage("uploading an SVG named logo.png");
        assertTrue(admin.errors().contains("PNG, JPEG, GIF or WebP"),
                "the upload is refused with a reason, got: \"" + admin.errors() + "\"");
        assertTrue(admin.driver().findElements(By.cssSelector(".m-messages .m-info")).isEmpty(), "no confirmation");
        assertEquals("/reseller/branding", admin.path());

        admin.open(ACME, "/reseller/branding");
        assertTrue(admin.driver().findElements(By.id("logo:remove")).isEmpty(), "still the theme's logo");
        assertEquals(logoBefore, logoSrc(admin), "the logo URL is unchanged");
        assertEquals(brandCssBefore, brandCssHref(admin), "the brand is unchanged");
        Browser customer = browsers.open("customer");
        customer.signIn(ACME, CUSTOMER, DEMO_PASSWORD);
        assertEquals(URI.create(logoBefore).getPath(), URI.create(logoSrc(customer)).getPath(), "customers see no change");
        assertArrayEquals(logoBytesBefore, bytes(ACME, URI.create(logoSrc(customer)).getPath()).body(),
                "the same logo is served");
        originalPrimary = null;
    }

    /**
     * Puts back Acme's colour and theme logo if a test changed them, in a session of its own and checked
     * by reloading the page, so it works whatever state the test left its browser in.
     */
    @AfterEach
    void putAcmesBrandBack() {
        if (originalPrimary == null) {
            return;
        }
        try (Browser admin = new Browser("brand-repair")) {
            admin.signIn(ACME, ADMIN, DEMO_PASSWORD);
            admin.open(ACME, "/reseller/branding");
            if (!originalPrimary.equals(admin.byId("brand:colorPrimary").getAttribute("value"))) {
                admin.setValue("brand:colorPrimary", originalPrimary);
                admin.clickAndWait("brand:save");
                admin.open(ACME, "/reseller/branding");
                assertEquals(originalPrimary, admin.byId("brand:colorPrimary").getAttribute("value"), "colour put back");
            }
            if (!admin.driver().findElements(By.id("logo:remove")).isEmpty()) {
                admin.clickAndWait("logo:remove");
                admin.open(ACME, "/reseller/branding");
                assertTrue(admin.driver().findElements(By.id("logo:remove")).isEmpty(), "theme logo put back");
            }
        } finally {
            originalPrimary = null;
        }
    }

    private static String logoSrc(Browser browser) {
        return browser.find(By.cssSelector("a.m-brand img")).getAttribute("src");
    }

    private static String brandCssHref(Browser browser) {
        return browser.find(By.cssSelector("link[rel='stylesheet'][href$='/brand.css']")).getAttribute("href");
    }

    /** A real 64×64 PNG, different on every run. */
    private static byte[] logoPng() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xc0392b));
        g.fillOval(4, 4, 56, 56);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6));
        g.drawLine(20, 44, 44, 20);
        g.dispose();
        image.setRGB(0, 0, ThreadLocalRandom.current().nextInt() | 0xff000000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> bytes(String host, String path) throws IOException, InterruptedException {
        return new Http().client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Http.PORT + path))
                .header("Host", host + ":" + Http.PORT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
