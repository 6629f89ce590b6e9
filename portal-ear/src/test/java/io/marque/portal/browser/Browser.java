package io.marque.portal.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, as a customer or a reseller's staff would use the portal, with its own
 * fresh profile (so its own cookies). Started exactly as STACK.md says: the system's Chromium and the
 * system's chromedriver, so Selenium never tries to download either, and the switches a closed network
 * needs. Chromium resolves every {@code *.localhost} name to the loopback address by itself, so pages
 * are opened on the demo host names directly.
 *
 * <p>Open browsers through {@link Sessions}, registered as a JUnit extension: when a test fails, every
 * browser it opened is photographed (PNG and page source into {@code target/screenshots}) before it is
 * closed; and a test whose browsers logged a content security policy refusal on any page fails.
 *
 * <pre>{@code
 * @RegisterExtension
 * final Browser.Sessions browsers = new Browser.Sessions();
 *
 * Browser customer = browsers.open("customer");
 * customer.signIn("acme.localhost", "alice@example.com", "demo-password");
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    /** The port the server under test serves HTTP on (8080 plus any port offset). */
    public static final int PORT = Integer.getInteger("marque.http.port", 8080);
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String label;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    /** Starts a browser; {@code label} names it in screenshots ("customer", "admin" …). */
    public Browser(String label) {
        this.label = label;
        try {
            profile = Files.createTempDirectory("marque-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        // the console's messages, to find the content security policy's refusals (cspViolations)
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** {@code http://<host>:<port><path>} on the server under test. */
    public static String url(String host, String path) {
        return "http://" + host + ":" + PORT + path;
    }

    public WebDriver driver() {
        return driver;
    }

    public String label() {
        return label;
    }

    /** Opens a page of the server under test on the given host. */
    public Browser open(String host, String path) {
        driver.get(url(host, path));
        return this;
    }

    /**
     * A wait of {@link #TIMEOUT}, for conditions that follow a click. An element the condition read may be
     * replaced by an AJAX update while it is read; that is "not yet", not a failure, so the condition is
     * asked again.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** The current page's host name, without the port. */
    public String host() {
        return URI.create(driver.getCurrentUrl()).getHost();
    }

    /** The current page's path (no query). */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The text of the page's error messages, or "" if there is none. */
    public String errors() {
        return String.join(" | ", driver.findElements(By.cssSelector(".m-messages .m-error, p.m-error")).stream()
                .map(WebElement::getText).toList());
    }

    /**
     * Signs in through the sign-in form of {@code host} and waits until the portal has either let the
     * user in (the browser has left {@code /login}) or said no.
     *
     * @return the path the portal sent the user to, e.g. {@code /customer/}
     * @throws AssertionError if the portal refused the credentials
     */
    public String signIn(String host, String email, String password) {
        open(host, "/login");
        fillIn("email", email);
        fillIn("password", password);
        byId("submit").click();
        waiting().withMessage(() -> "neither signed in nor refused: " + driver.getCurrentUrl())
                .until(d -> !path().equals("/login") || !errors().isEmpty());
        if (path().equals("/login")) {
            throw new AssertionError("signing in as " + email + " on " + host + " was refused: " + errors());
        }
        return path();
    }

    /** The page's main heading. */
    public String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    /**
     * Clicks a button or link that leads to another page (a form post, a redirect after it) and waits
     * until that page has replaced this one.
     */
    public void clickAndWait(String id) {
        WebElement element = byId(id);
        element.click();
        // gone from the page: Chromium may say so with "does not belong to the document" instead of "stale"
        waiting().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    }

    /** Fails, naming what led there, if the browser shows one of the portal's error pages (403, 404, 500 …). */
    public void assertNoErrorPage(String after) {
        List<WebElement> error = driver.findElements(By.cssSelector("main [id^='error-']"));
        if (!error.isEmpty()) {
            throw new AssertionError(after + " ended on the error page \"" + heading() + "\" (#"
                    + error.get(0).getAttribute("id") + ") at " + driver.getCurrentUrl());
        }
    }

    /** Replaces the text of an input. */
    public void fillIn(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Sets the value of an input that typing cannot change (such as {@code <input type=color>}) the way a
     * user's picker would: the value, then the {@code input} and {@code change} events.
     */
    public void setValue(String id, String value) {
        script("var e = arguments[0]; e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));"
                + " e.dispatchEvent(new Event('change', {bubbles: true}));", byId(id), value);
    }

    /**
     * The console messages in which the browser refused something by the content security policy (an
     * inline script or style without the nonce, a resource from elsewhere) since the last call. Every page
     * this browser opened counts: a refused script is a feature that silently does not work.
     */
    public List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Saves a screenshot and the page source as {@code target/screenshots/<name>-<label>.png/.html}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            String base = (name + "-" + label).replaceAll("[^A-Za-z0-9._-]", "_");
            Path png = SCREENSHOTS.resolve(base + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SCREENSHOTS.resolve(base + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }

    /**
     * The browsers of one test: opened on demand, photographed if the test failed, always closed after
     * it. Register as an instance field with {@code @RegisterExtension}.
     */
    public static final class Sessions implements AfterTestExecutionCallback, AfterEachCallback {

        private final List<Browser> open = new ArrayList<>();

        /** Starts a browser that lives until the end of the current test. */
        public Browser open(String label) {
            Browser browser = new Browser(label);
            open.add(browser);
            return browser;
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                return;
            }
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            for (Browser browser : open) {
                try {
                    Path png = browser.screenshot(name);
                    System.err.println("Screenshot of the failed test: " + png.toAbsolutePath());
                } catch (RuntimeException e) {
                    System.err.println("No screenshot of " + browser.label() + ": " + e);
                }
            }
        }

        /** Closes the test's browsers, and fails the test if any of them refused something by the CSP. */
        @Override
        public void afterEach(ExtensionContext context) {
            List<String> violations = new ArrayList<>();
            for (Browser browser : open) {
                try {
                    browser.cspViolations().forEach(v -> violations.add(browser.label() + ": " + v));
                } catch (RuntimeException e) {
                    System.err.println("No console log of " + browser.label() + ": " + e);
                }
                try {
                    browser.close();
                } catch (RuntimeException e) {
                    System.err.println("Closing " + browser.label() + ": " + e);
                }
            }
            open.clear();
            if (!violations.isEmpty()) {
                throw new AssertionError("the content security policy refused something:\n" + String.join("\n", violations));
            }
        }
    }
}
