package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.it.Forbidden.Scope;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Law 2 by crawling, inside the server so the forbidden words come from the data ({@link ProviderBrand}):
 * on every demo reseller host, a visitor signed out and the demo customer signed in follow every link,
 * asset and GET form from their start pages (up to {@link SiteCrawl#MAX_URLS} each), and every answer is
 * read whole — headers, cookies, markup, stylesheets, images, scripts, and PDFs with their text and
 * metadata. The error pages a customer can provoke (unknown addresses, wrong methods, malformed
 * parameters, the templates' own error views) are read the same way. Then the provider is renamed at run
 * time and everything is read again under the new forbidden names.
 */
@ExtendWith(ArquillianExtension.class)
class BrandCrawlIT {

    /** A reseller host of the demo and its demo customer. */
    record Site(String host, String customerEmail, String customerPassword) {
    }

    static final List<Site> SITES = List.of(
            new Site("acme.localhost", "alice@example.com", "demo-password"),
            new Site("support.acme.localhost", "alice@example.com", "demo-password"),
            new Site("bluebird.localhost", "alice@example.com", "bluebird-password"));

    static final String[] SIGNED_OUT_STARTS = {"/", "/login", "/forgot", "/signup", "/reset?token=invalid",
            "/no-such-page", "/.well-known/acme-challenge/no-such-token", "/language?lang=ru&back=/login"};

    /**
     * Requests for error answers, as method and path: unknown addresses, methods a page does not take,
     * malformed and out-of-range parameters, the error views and protected files asked for directly.
     */
    static final List<String[]> PROVOKED = List.of(
            new String[] {"GET", "/no-such-page"}, new String[] {"GET", "/customer/no-such-page"},
            new String[] {"GET", "/no-such-page.xhtml"}, new String[] {"GET", "/customer/server?id=abc"},
            new String[] {"GET", "/customer/server?id=99999999999999999999999"},
            new String[] {"GET", "/customer/ticket?n=abc"}, new String[] {"GET", "/customer/invoice?id=-1"},
            new String[] {"GET", "/customer/invoice-pdf?id=abc"}, new String[] {"GET", "/customer/ticket.pdf?n=abc"},
            new String[] {"GET", "/customer/ticket.pdf?n=999999999"}, new String[] {"GET", "/customer/attachment/abc"},
            new String[] {"GET", "/customer/attachment/999999999"}, new String[] {"GET", "/assets/no-such-hash/logo"},
            new String[] {"GET", "/assets/../WEB-INF/web.xml"}, new String[] {"GET", "/WEB-INF/web.xml"},
            new String[] {"GET", "/META-INF/MANIFEST.MF"}, new String[] {"GET", "/WEB-INF/templates/page.xhtml"},
            new String[] {"GET", "/jakarta.faces.resource/no-such.js?ln=no-such"},
            new String[] {"GET", "/jakarta.faces.resource/../../WEB-INF/web.xml"},
            new String[] {"GET", "/error/404.xhtml"}, new String[] {"GET", "/error/500.xhtml"},
            new String[] {"GET", "/error/expired.xhtml"}, new String[] {"GET", "/error/403.xhtml"},
            new String[] {"GET", "/language?lang=xx&back=//elsewhere.example/"},
            new String[] {"DELETE", "/login"}, new String[] {"PUT", "/customer/invoice-pdf?id=1"},
            new String[] {"PATCH", "/customer/"}, new String[] {"OPTIONS", "/login"}, new String[] {"TRACE", "/login"},
            new String[] {"POST", "/customer/profile"}, new String[] {"POST", "/login"},
            new String[] {"POST", "/customer/invoice-pdf?id=1"}, new String[] {"POST", "/assets/x/logo"});

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(BrandCrawlIT.class, BrandCrawlIT.Site.class, Http.class, Forbidden.class,
                Forbidden.Builder.class, Forbidden.Scope.class, BrandCheck.class, BrandCheck.Sender.class,
                SiteCrawl.class, ProviderBrand.class, ProviderBrand.Renamed.class, BrandSweeps.class, BrandSweeps.Sweep.class);
    }

    @Inject
    ProviderBrand provider;

    @Inject
    DomainDirectory directory;

    @Test
    void theCrawlSeesTheProviderOnTheProvidersOwnHost() throws Exception {
        BrandCheck check = new BrandCheck(provider.forbidden(List.of()));
        new SiteCrawl(new Http(), "provider.localhost", provider.displayName(), "provider visitor", check)
                .crawl("/login");
        assertTrue(check.findings().stream().anyMatch(f -> f.contains(provider.displayName())),
                "the crawl finds the provider's name on the provider's own sign-in page: " + check.report());
    }

    @Test
    void nothingACustomerCanReachNamesTheProvider() throws Exception {
        BrandSweeps.findNothing(provider, resellerIds(), this::sweep);
    }

    @Test
    void nothingNamesTheProviderUnderANameGivenAtRunTime() throws Exception {
        BrandSweeps.findNothingRenamed(provider, resellerIds(), this::sweep);
    }

    /** Every site, signed out and signed in, crawled; and the error answers provoked on it. */
    private void sweep(BrandCheck check) throws Exception {
        Map<String, String> reached = new TreeMap<>();
        for (Site site : SITES) {
            TenantSnapshot tenant = directory.lookup(site.host()).orElseThrow();
            String brand = tenant.displayName();
            Http visitor = new Http();
            List<String> out = new SiteCrawl(visitor, site.host(), brand, "signed out", check).crawl(SIGNED_OUT_STARTS);

            Http customer = new Http();
            HttpResponse<String> signedIn = customer.signIn(site.host(), site.customerEmail(), site.customerPassword());
            assertEquals(302, signedIn.statusCode(), site.host() + ": " + site.customerEmail() + " signs in");
            check.headers(site.customerEmail() + " " + site.host() + " sign-in", signedIn.headers());
            int pdfsBefore = check.count("PDF");
            List<String> in = new SiteCrawl(customer, site.host(), brand, site.customerEmail(), check)
                    .crawl("/", "/customer/");
            int pdfs = check.count("PDF") - pdfsBefore;

            provoke(check, site.host(), brand, "signed out", visitor);
            provoke(check, site.host(), brand, site.customerEmail(), customer);
            check.cookies("signed out " + site.host(), (CookieManager) visitor.client().cookieHandler().orElseThrow());
            check.cookies(site.customerEmail() + " " + site.host(),
                    (CookieManager) customer.client().cookieHandler().orElseThrow());

            reached.put(site.host(), out.size() + " addresses signed out, " + in.size() + " signed in, " + pdfs
                    + " PDFs");
            assertTrue(out.size() >= 5, site.host() + ": the signed-out crawl went beyond its start pages: " + out);
            assertTrue(in.size() >= 15 && in.stream().anyMatch(p -> p.startsWith("/customer/billing"))
                    && in.stream().anyMatch(p -> p.startsWith("/customer/ticket?")),
                    site.host() + ": the customer's crawl reached her billing and tickets: " + in);
            assertTrue(pdfs >= 1 && in.stream().anyMatch(p -> p.startsWith("/customer/invoice-pdf")),
                    site.host() + ": the customer's crawl read her invoices' PDFs: " + in);
        }
        // for the lead's report: what the sweep read
        System.out.println("Brand crawl: " + reached + ", read " + check.counts());
    }

    /** The error answers a visitor can provoke, read as documents (headers) and markup (HTML bodies). */
    private static void provoke(BrandCheck check, String host, String brand, String who, Http http) throws Exception {
        for (String[] request : PROVOKED) {
            String where = who + " " + request[0] + " " + host + request[1];
            byte[] body = request[0].equals("POST") ? "jakarta.faces.ViewState=-1%3A-1&x=1".getBytes(StandardCharsets.UTF_8)
                    : null;
            HttpResponse<byte[]> response = http.send(host, request[0], request[1], body,
                    "Content-Type", "application/x-www-form-urlencoded");
            check.counted("provoked error");
            check.headers(where, response.headers());
            if (response.statusCode() >= 500) {
                check.counted("provoked " + response.statusCode()); // law 8's business, not law 2's: reported
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            // a page of the tenant's (in its template, which loads the UI library) or the server's own
            check.text(where + " body", text, type.startsWith("text/html") && text.contains(brand) ? Scope.MARKUP
                    : Scope.DOCUMENT);
        }
    }

    private Set<Long> resellerIds() {
        return SITES.stream().map(s -> directory.lookup(s.host()).orElseThrow().id()).collect(Collectors.toSet());
    }
}
