package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import java.net.URI;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer's day on the demo reseller Acme, in a real browser: she signs in on Acme's host and sees
 * Acme's brand and theme, served from Acme's host; she switches her account to Russian and back; her
 * Acme credentials do not open Bluebird; and a signed-out visitor's language switcher works and stays
 * on the tenant that set it.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class CustomerJourneyIT {

    private static final String ACME = "acme.localhost";
    private static final String BLUEBIRD = "bluebird.localhost";
    private static final String ALICE = "alice@example.com";
    private static final String DEMO_PASSWORD = "demo-password";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    /** Alice's language before a test changed it; null when there is nothing to put back. */
    private String aliceLanguage;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aCustomerSeesAcmesBrandAndReadsHerAccountInRussian() {
        Browser alice = browsers.open("alice");
        assertEquals("/customer/", alice.signIn(ACME, ALICE, DEMO_PASSWORD), "a customer lands on her dashboard");
        assertEquals(ACME, alice.host(), "the portal keeps her on Acme's host");
        assertTrue(alice.byId("welcome").getText().contains("Alice Martin"), "the dashboard greets her by name");
        assertDressedIn(alice, "Acme Cloud", "aurora", "14px");

        alice.find(By.cssSelector(".m-nav a[href='/customer/profile']")).click();
        alice.waiting().until(ExpectedConditions.textToBe(By.id("profile-email"), ALICE));
        assertEquals("Your profile", alice.heading());
        String original = selectedLanguage(alice);
        assertNotEquals("ru", original, "Alice starts in the site's language");
        aliceLanguage = original;

        saveLanguage(alice, "ru");
        alice.assertNoErrorPage("saving Russian as her language");
        assertEquals("Ваш профиль", alice.heading(), "the profile page is in Russian right after saving");
        // the confirmation is worded before the new language applies; either wording is fine
        String confirmation = alice.find(By.id("messages")).getText();
        assertTrue(confirmation.contains("Профиль сохранён") || confirmation.contains("Your profile is saved"),
                "a confirmation is shown: " + confirmation);
        assertEquals("ru", selectedLanguage(alice), "Russian is shown as her choice");
        assertEquals("ru", alice.find(By.tagName("html")).getAttribute("lang"));
        assertEquals("Профиль", alice.find(By.cssSelector(".m-nav a.active")).getText());

        alice.find(By.cssSelector(".m-nav a[href='/customer/']")).click();
        alice.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Главная"));
        assertEquals("Добро пожаловать, Alice Martin.", alice.byId("welcome").getText());

        // the language belongs to the account, not to this browser
        Browser elsewhere = browsers.open("alice-elsewhere");
        elsewhere.signIn(ACME, ALICE, DEMO_PASSWORD);
        assertEquals("Главная", elsewhere.heading(), "a new session of the same account starts in Russian");

        alice.open(ACME, "/customer/profile");
        saveLanguage(alice, original);
        alice.assertNoErrorPage("switching back to the site's language");
        assertEquals("Your profile", alice.heading(), "back to the site's language");
        assertFalse(alice.driver().findElements(By.cssSelector(".m-messages .m-info")).isEmpty(), "a confirmation is shown");
        assertEquals(original, selectedLanguage(alice));
        aliceLanguage = null;
        alice.open(ACME, "/customer/");
        assertEquals("Dashboard", alice.heading());
        assertEquals("Welcome, Alice Martin.", alice.byId("welcome").getText());
    }

    /** Other tests read Alice's pages and mails in the site's language: if a test failed half-way, put it back. */
    @AfterEach
    void putAlicesLanguageBack() {
        if (aliceLanguage == null) {
            return;
        }
        try (Browser check = new Browser("language-repair")) {
            check.signIn(ACME, ALICE, DEMO_PASSWORD);
            check.open(ACME, "/customer/profile");
            if (!selectedLanguage(check).equals(aliceLanguage)) {
                saveLanguage(check, aliceLanguage);
                check.open(ACME, "/customer/profile");
                assertEquals(aliceLanguage, selectedLanguage(check), "Alice's language is put back");
            }
        } finally {
            aliceLanguage = null;
        }
    }

    @Test
    void acmeCredentialsDoNotOpenBluebird() {
        // alice@example.com has an account on both resellers, each with its own password
        Browser browser = browsers.open("visitor");
        browser.open(BLUEBIRD, "/login");
        browser.fillIn("email", ALICE);
        browser.fillIn("password", DEMO_PASSWORD);
        browser.byId("submit").click();
        browser.waiting().withMessage("an error message on the sign-in page")
                .until(d -> !browser.errors().isEmpty());

        assertTrue(browser.errors().contains("not correct"), "the refusal says why: " + browser.errors());
        assertEquals("/login", browser.path(), "still on the sign-in page");
        assertEquals(BLUEBIRD, browser.host());
        assertTrue(browser.byId("password").isDisplayed(), "the sign-in form is shown again");
        assertDressedIn(browser, "Bluebird Hosting", "harbor", "0px");

        browser.open(BLUEBIRD, "/customer/");
        browser.waiting().until(d -> browser.path().equals("/login"));
        assertFalse(browser.driver().getPageSource().contains("Alice Martin"), "nothing of Alice's account is shown");
    }

    @Test
    void aSignedOutVisitorSwitchesTheLanguage() {
        Browser visitor = browsers.open("visitor");
        visitor.open(ACME, "/login");
        assertEquals("Welcome back to your cloud", visitor.heading(), "Aurora's English title for the sign-in page");
        assertEquals("en", visitor.find(By.tagName("html")).getAttribute("lang"));
        assertNull(visitor.driver().manage().getCookieNamed("lang"), "no language chosen yet");

        visitor.find(By.cssSelector(".m-lang a[hreflang='ru']")).click();
        // Aurora words the title in Russian too; the rest of the page comes from base's Russian bundle
        visitor.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "С возвращением в ваше облако"));
        assertEquals("/login", visitor.path(), "the switcher returns to the page it was used on");
        assertEquals(ACME, visitor.host());
        assertEquals("ru", visitor.find(By.tagName("html")).getAttribute("lang"));
        assertEquals("Войти", visitor.byId("submit").getAttribute("value"));
        assertTrue(visitor.find(By.cssSelector(".m-lang a[hreflang='ru']")).getAttribute("class").contains("active"));
        Cookie lang = visitor.driver().manage().getCookieNamed("lang");
        assertNotNull(lang, "the choice is remembered in the cookie \"lang\"");
        assertEquals("ru", lang.getValue());
        assertEquals("/", lang.getPath());
        assertTrue(lang.isHttpOnly());
        assertEquals(ACME, lang.getDomain(), "a host-only cookie of Acme's host");

        visitor.open(ACME, "/forgot");
        assertEquals("Восстановление пароля", visitor.heading(), "other pages follow the choice");
        assertEquals("ru", visitor.find(By.tagName("html")).getAttribute("lang"));

        visitor.open(BLUEBIRD, "/login");
        assertEquals("Welcome aboard", visitor.heading(), "Acme's language cookie does not reach Bluebird");

        visitor.open(ACME, "/login");
        visitor.find(By.cssSelector(".m-lang a[hreflang='en']")).click();
        visitor.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Welcome back to your cloud"));
        assertEquals("en", visitor.driver().manage().getCookieNamed("lang").getValue());
    }

    /** The page wears the tenant's brand and theme, all of it served from the page's own host. */
    private static void assertDressedIn(Browser browser, String brandName, String theme, String themeRadius) {
        String host = browser.host();
        assertEquals(brandName, browser.find(By.cssSelector("a.m-brand span")).getText(), "the brand name in the header");
        assertTrue(browser.driver().getTitle().endsWith("· " + brandName), "the title: " + browser.driver().getTitle());
        List<String> bodyClasses = List.of(browser.find(By.tagName("body")).getAttribute("class").split("\\s+"));
        assertTrue(bodyClasses.contains("theme-" + theme), "body classes " + bodyClasses);

        WebElement logo = browser.find(By.cssSelector("a.m-brand img"));
        assertOnHost(host, logo.getAttribute("src"), "^/assets/[0-9a-f]{12}/logo$");
        assertEquals(Boolean.TRUE, browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", logo),
                "the logo loads");

        List<String> sheets = browser.driver().findElements(By.cssSelector("link[rel='stylesheet']")).stream()
                .map(link -> link.getAttribute("href")).toList();
        for (String sheet : sheets) {
            assertEquals(host, URI.create(sheet).getHost(), "every stylesheet comes from the page's host: " + sheets);
        }
        assertOnHost(host, sheet(sheets, "/theme.css"), "^/assets/[0-9a-f]{12}/theme\\.css$");
        assertOnHost(host, sheet(sheets, "/brand.css"), "^/assets/[0-9a-f]{12}/brand\\.css$");
        assertTrue(sheets.indexOf(sheet(sheets, "/theme.css")) < sheets.indexOf(sheet(sheets, "/brand.css")),
                "the brand's colours come after the theme's, so they win: " + sheets);
        assertEquals(themeRadius, cssVariable(browser, "--m-radius"), "the " + theme + " stylesheet is applied");
        assertTrue(cssVariable(browser, "--m-primary").matches("#[0-9a-f]{6}"), "the brand colour is applied");
    }

    private static String sheet(List<String> sheets, String suffix) {
        return sheets.stream().filter(s -> s.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no stylesheet ending in " + suffix + ": " + sheets));
    }

    private static void assertOnHost(String host, String url, String pathPattern) {
        URI uri = URI.create(url);
        assertEquals(host, uri.getHost(), url + " is on the page's host");
        assertEquals(Browser.PORT, uri.getPort(), url);
        assertTrue(uri.getPath().matches(pathPattern), url + " matches " + pathPattern);
    }

    static String cssVariable(Browser browser, String name) {
        return String.valueOf(browser.script(
                "return getComputedStyle(document.documentElement).getPropertyValue(arguments[0]).trim();", name));
    }

    private static String selectedLanguage(Browser browser) {
        return new Select(browser.byId("details:locale")).getFirstSelectedOption().getAttribute("value");
    }

    private static void saveLanguage(Browser browser, String language) {
        new Select(browser.byId("details:locale")).selectByValue(language);
        browser.clickAndWait("details:save");
    }
}
