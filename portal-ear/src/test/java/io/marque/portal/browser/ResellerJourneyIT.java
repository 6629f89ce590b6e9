package io.marque.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Deployments;
import io.marque.portal.it.Http;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reseller agent's customer work on Acme: page through the list, search, disable a customer (who
 * can then no longer sign in) and enable it again, invite a new one; an agent cannot open the
 * admin-only pages.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("browser")
class ResellerJourneyIT {

    private static final String ACME = "acme.localhost";

    @RegisterExtension
    final Browser.Sessions browsers = new Browser.Sessions();

    private boolean bobDisabled;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void anAgentPagesSearchesDisablesAndInvitesCustomers() throws Exception {
        Browser agent = browsers.open("agent");
        assertEquals("/reseller/", agent.signIn(ACME, "agent@acme.example", "demo-password"));
        agent.open(ACME, "/reseller/customers");
        List<String> first = emails(agent);
        assertEquals(25, first.size(), "a page holds 25 customers");
        agent.byId("next-page").click();
        agent.waiting().until(d -> !emails(agent).isEmpty() && !emails(agent).get(0).equals(first.get(0)));
        List<String> second = emails(agent);
        assertTrue(second.stream().noneMatch(first::contains), "the second page continues the first");

        agent.open(ACME, "/reseller/customers?q=bob");
        assertEquals(List.of("bob@example.com"), emails(agent));
        Http bobsSession = new Http();
        assertEquals(302, bobsSession.signIn(ACME, "bob@example.com", "demo-password").statusCode());
        assertEquals(200, bobsSession.get(ACME, "/customer/").statusCode(), "Bob is signed in");
        row(agent, "bob@example.com").findElement(By.cssSelector("input[value='Disable']")).click();
        bobDisabled = true;
        agent.waiting().until(d -> rowText(agent, "bob@example.com").contains("Disabled"));
        assertEquals(List.of("bob@example.com"), emails(agent), "the search is kept after the change");
        assertEquals(200, new Http().signIn(ACME, "bob@example.com", "demo-password").statusCode(),
                "a disabled customer stays on the sign-in page");
        var ended = bobsSession.get(ACME, "/customer/");
        assertEquals(302, ended.statusCode(), "the session Bob had open ends with his account");
        assertTrue(ended.headers().firstValue("Location").orElse("").endsWith("/login"));
        row(agent, "bob@example.com").findElement(By.cssSelector("input[value='Enable']")).click();
        agent.waiting().until(d -> rowText(agent, "bob@example.com").contains("Active"));
        bobDisabled = false;
        assertEquals(302, new Http().signIn(ACME, "bob@example.com", "demo-password").statusCode());

        String invited = "new-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        agent.fillIn("invite:name", "Nina New");
        agent.fillIn("invite:email", invited);
        agent.clickAndWait("invite:send");
        agent.assertNoErrorPage("inviting a customer");
        agent.open(ACME, "/reseller/customers?q=" + invited);
        assertTrue(row(agent, invited).getText().contains("Invited"));

        agent.open(ACME, "/reseller/branding");
        assertEquals("Not allowed", agent.heading(), "branding is for the reseller's admins");
        assertFalse(agent.driver().getPageSource().contains("brand:save"));
    }

    /** Bob signs in in other tests: never leave him disabled. */
    @AfterEach
    void enableBob() {
        if (!bobDisabled) {
            return;
        }
        try (Browser repair = new Browser("bob-repair")) {
            repair.signIn(ACME, "agent@acme.example", "demo-password");
            repair.open(ACME, "/reseller/customers?q=bob");
            row(repair, "bob@example.com").findElement(By.cssSelector("input[value='Enable']")).click();
            repair.waiting().until(d -> rowText(repair, "bob@example.com").contains("Active"));
        }
    }

    private static List<String> emails(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#customer-table tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
    }

    /**
     * The row's text, or "" while the page has no such row: inside a wait, the page being replaced
     * after a click is "not yet", not a failure.
     */
    private static String rowText(Browser browser, String email) {
        return browser.driver().findElements(By.cssSelector("#customer-table tbody tr")).stream()
                .map(WebElement::getText).filter(text -> text.contains(email)).findFirst().orElse("");
    }

    private static WebElement row(Browser browser, String email) {
        return browser.driver().findElements(By.cssSelector("#customer-table tbody tr")).stream()
                .filter(r -> r.getText().contains(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + email));
    }
}
