package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.demo.DemoData;
import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer's servers in Chromium on the demo reseller Acme: Alice opens her server web-01, resets it
 * and sees the job end while the page refreshes itself, then reinstalls it with another system through
 * the confirm step and watches the progress until the new system is shown. Bob, another customer of
 * Acme, gets the site's 404 for web-01; and Acme's admin sees web-01 with Alice as its customer.
 *
 * <p>The demo servers use the simulated driver; with {@code MARQUE_SIMULATED_DELAY_MS=300} a reset takes
 * about 0.3 s and a reinstall about 4 s. The waits allow for the driver's slower default.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ServerJourneyIT {

    static final String ACME = "acme.localhost";
    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";
    static final String ACME_ADMIN = "admin@acme.example";
    static final String PASSWORD = DemoData.PASSWORD;
    static final String WEB_01 = "web-01.martin-web.example";
    /** Long enough for a reinstall with the simulated driver's default delay (12 × 1.5 s) and the refreshes. */
    static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    /** What the provider knows of the demo servers and a customer must never see (see DemoServers). */
    static final List<String> INTERNAL = List.of("FRA1-R12-U", "10.20.0.", "NW-FRA1-", "northwind-ops", "Northwind");

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aCustomerResetsHerServerThenReinstallsItAndWatchesTheProgress() {
        Browser alice = browsers.open("alice");
        alice.signIn(ACME, ALICE, PASSWORD);
        alice.clickAndWait("nav-servers");
        assertEquals("/customer/servers", alice.path());
        assertTrue(alice.byId("server-table").getText().contains("db-01.martin-web.example"), "both of Alice's servers");
        alice.find(By.linkText(WEB_01)).click();
        alice.waiting().until(d -> alice.path().equals("/customer/server"));
        alice.assertNoErrorPage("opening web-01");
        assertEquals(WEB_01, alice.byId("server-hostname").getText());
        assertEquals("Frankfurt", alice.byId("server-location").getText());
        assertNothingInternal("web-01's page", alice.driver().getPageSource());
        awaitNoActiveJob(alice);
        if (alice.byId("power-state").getText().equals("Off")) {
            // a reset needs a running server; an earlier run may have left it off
            runJob(alice, "power-on");
        }

        // reset: the job is queued, the page reloads itself until the job is done
        WebElement reset = runJob(alice, "power-reset");
        assertTrue(reset.getAttribute("class").contains("job-DONE"),
                "the reset ended done: " + reset.getText() + " " + alice.errors());
        assertTrue(reset.getText().contains("Reset") && reset.getText().contains("You"), reset.getText());
        assertEquals("On", alice.byId("power-state").getText());

        // reinstall with another system, through the confirm step
        String before = alice.byId("server-os").getText();
        Select systems = new Select(alice.byId("template"));
        WebElement other = systems.getOptions().stream().filter(o -> !o.getText().equals(before)).findFirst()
                .orElseThrow(() -> new AssertionError("no other system offered than " + before));
        String target = other.getText();
        systems.selectByVisibleText(target);
        alice.clickAndWait("reinstall-next");
        assertTrue(URI.create(alice.driver().getCurrentUrl()).getQuery().contains("confirm="), "the confirm step");
        String warning = alice.byId("reinstall-warning").getText();
        assertTrue(warning.contains(WEB_01) && warning.contains(target), "the step names server and system: " + warning);
        assertTrue(warning.contains("erased"), "and says that all data is erased: " + warning);
        assertEquals(before, alice.byId("server-os").getText(), "nothing happens before the confirmation");

        String newestBefore = newestJobId(alice);
        alice.clickAndWait("reinstall-confirm");
        alice.assertNoErrorPage("confirming the reinstall");
        assertEquals("", alice.errors());
        List<Double> progress = new ArrayList<>();
        Set<String> stages = new LinkedHashSet<>();
        WebElement reinstall = alice.waiting().withTimeout(JOB_TIMEOUT)
                .withMessage(() -> "the reinstall ends; seen progress " + progress + ", stages " + stages)
                .until(d -> {
                    List<WebElement> bars = d.findElements(By.id("job-progress"));
                    if (!bars.isEmpty()) {
                        progress.add(Double.parseDouble(bars.get(0).getAttribute("value")));
                        stages.add(d.findElement(By.id("job-stage")).getText());
                        return null;
                    }
                    return endedJob(d, newestBefore);
                });
        assertTrue(progress.stream().anyMatch(p -> p < 100) || stages.size() > 1,
                "the progress was shown while the job ran: " + progress + " " + stages);
        assertTrue(reinstall.getAttribute("class").contains("job-DONE"), "the reinstall ended done: " + reinstall.getText());
        assertTrue(reinstall.getText().contains(target), "the job names the system: " + reinstall.getText());
        assertEquals(target, alice.byId("server-os").getText(), "the new system is shown");
        assertTrue(alice.driver().findElements(By.cssSelector("meta[http-equiv='refresh']")).isEmpty(),
                "the page stops refreshing itself once the job has ended");
        assertNothingInternal("web-01's page after the reinstall", alice.driver().getPageSource());
    }

    @Test
    void anotherCustomerGetsTheSitesNotFoundPageForWeb01() throws Exception {
        long web01 = serverIdOf(ALICE, WEB_01);
        Browser bob = browsers.open("bob");
        bob.signIn(ACME, BOB, PASSWORD);
        bob.open(ACME, "/customer/server?id=" + web01);
        assertEquals(1, bob.driver().findElements(By.id("error-404")).size(), "the site's 404 page: " + bob.heading());
        assertFalse(bob.driver().getPageSource().contains(WEB_01), "nothing of web-01 is shown");
        assertTrue(bob.driver().getPageSource().contains("Acme Cloud"), "the 404 is in Acme's brand");

        Http http = new Http();
        assertEquals(302, http.signIn(ACME, BOB, PASSWORD).statusCode());
        HttpResponse<String> page = http.get(ACME, "/customer/server?id=" + web01);
        assertEquals(404, page.statusCode());
        assertEquals(404, http.get(ACME, "/customer/server?id=" + web01 + "&confirm=debian-12").statusCode());
    }

    @Test
    void resellerStaffSeeWeb01WithAliceAsItsCustomer() {
        Browser admin = browsers.open("admin");
        assertEquals("/reseller/", admin.signIn(ACME, ACME_ADMIN, PASSWORD));
        admin.clickAndWait("nav-servers");
        assertEquals("/reseller/servers", admin.path());
        WebElement row = admin.driver().findElements(By.cssSelector("#server-table tbody tr")).stream()
                .filter(r -> r.getText().contains(WEB_01)).findFirst()
                .orElseThrow(() -> new AssertionError("web-01 is not listed: " + admin.byId("server-table").getText()));
        assertTrue(row.findElement(By.className("server-customer")).getText().contains("Alice Martin"), row.getText());
        row.findElement(By.className("m-server-link")).click();
        admin.waiting().until(d -> admin.path().equals("/reseller/server"));
        admin.assertNoErrorPage("opening web-01 as Acme's admin");
        assertTrue(admin.byId("server-customer").getText().contains("Alice Martin"));
        assertNothingInternal("web-01's page for Acme", admin.driver().getPageSource());
    }

    /**
     * Clicks a power button and waits (the page refreshes itself) until the job it queued has ended.
     *
     * @return the job's row in the recent actions
     */
    private static WebElement runJob(Browser browser, String button) {
        String newestBefore = newestJobId(browser);
        browser.clickAndWait(button);
        browser.assertNoErrorPage("clicking " + button);
        assertEquals("", browser.errors(), "clicking " + button);
        return browser.waiting().withTimeout(JOB_TIMEOUT).withMessage(() -> "the job of " + button + " ends")
                .until(d -> endedJob(d, newestBefore));
    }

    /** The newest row of the recent actions if it is a job after {@code newestBefore} that has ended; else null. */
    private static WebElement endedJob(WebDriver driver, String newestBefore) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#recent-jobs tbody tr"));
        if (rows.isEmpty()) {
            return null;
        }
        WebElement newest = rows.get(0);
        String state = newest.getAttribute("class");
        boolean ended = state.contains("job-DONE") || state.contains("job-FAILED");
        return !newest.getAttribute("id").equals(newestBefore) && ended ? newest : null;
    }

    /** The id of the newest job's row, or "" when the server has none yet. */
    private static String newestJobId(Browser browser) {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#recent-jobs tbody tr"));
        return rows.isEmpty() ? "" : rows.get(0).getAttribute("id");
    }

    /** Waits until no job of an earlier test is running on the server shown. */
    private static void awaitNoActiveJob(Browser browser) {
        browser.waiting().withTimeout(JOB_TIMEOUT).withMessage(() -> "an earlier job ends")
                .until(d -> d.findElements(By.id("active-job")).isEmpty() && !d.findElements(By.id("jobs")).isEmpty());
        assertNotEquals("", browser.byId("server-os").getText());
    }

    /** The id of a customer's server, from the links of her server list. */
    static long serverIdOf(String customer, String hostname) throws Exception {
        Http http = new Http();
        assertEquals(302, http.signIn(ACME, customer, PASSWORD).statusCode(), customer + " signs in");
        String list = http.get(ACME, "/customer/servers").body();
        Matcher link = Pattern.compile("href=\"/customer/server\\?id=(\\d+)\"[^>]*>" + Pattern.quote(hostname) + "<")
                .matcher(list);
        assertTrue(link.find(), hostname + " is in " + customer + "'s list");
        return Long.parseLong(link.group(1));
    }

    private static void assertNothingInternal(String where, String page) {
        for (String internal : INTERNAL) {
            assertFalse(page.contains(internal), where + " shows the provider's " + internal);
        }
    }
}
