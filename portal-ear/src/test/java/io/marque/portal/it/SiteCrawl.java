package io.marque.portal.it;

import io.marque.portal.it.Forbidden.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crawls one reseller host as one visitor (one cookie jar) would: from a few start pages it follows every
 * link, stylesheet, script, image and GET form on the same host, and every {@code url()} inside the
 * stylesheets, breadth first, up to {@link #MAX_URLS} addresses; so a page added later is read without
 * being listed. Signing out is never followed (the visitor must stay who it is). Each answer is read whole
 * by a {@link BrandCheck}: headers, cookies, and the body as markup, stylesheet, asset or PDF.
 */
public final class SiteCrawl {

    /** At most this many addresses per visitor and host. */
    public static final int MAX_URLS = 400;

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(href|src|action|method)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    /** Addresses that change who the visitor is. */
    private static final Pattern SIGN_OUT = Pattern.compile("(?i)^/(?:logout|signout|sign-out)\\b.*");
    /** Tags whose reference a page loads by itself: it must be on the reseller's own host. */
    private static final Set<String> LOADED = Set.of("link", "script", "img", "source", "iframe", "video", "audio",
            "embed", "object");

    private final Http http;
    private final String host;
    private final String brandName;
    private final String who;
    private final BrandCheck check;
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> keys = new java.util.HashSet<>();
    private final Deque<String> queue = new ArrayDeque<>();

    /**
     * @param who a label for the findings, e.g. {@code "signed-out"} or {@code "alice@example.com"}
     */
    public SiteCrawl(Http http, String host, String brandName, String who, BrandCheck check) {
        this.http = http;
        this.host = host;
        this.brandName = brandName;
        this.who = who;
        this.check = check;
    }

    /** Crawls from the given paths; answers every address read, in the order read. */
    public List<String> crawl(String... starts) throws IOException, InterruptedException {
        for (String start : starts) {
            enqueue(start);
        }
        while (!queue.isEmpty()) {
            read(queue.removeFirst());
        }
        return List.copyOf(seen);
    }

    private void enqueue(String path) {
        if (SIGN_OUT.matcher(path).matches() || seen.size() >= MAX_URLS) {
            return;
        }
        // every page links the language switch back to itself: one visit per language is enough
        String key = path.startsWith("/language") ? path.replaceAll("&back=[^&]*", "") : path;
        if (keys.add(key) && seen.add(path)) {
            queue.addLast(path);
        }
    }

    private void read(String path) throws IOException, InterruptedException {
        String where = who + " " + host + path;
        HttpResponse<byte[]> response = http.getBytes(host, path);
        check.headers(where, response.headers());
        int status = response.statusCode();
        if (status >= 500) {
            check.finding(where + ": answers " + status);
        }
        if (status / 100 == 3) {
            check.counted("redirect");
            response.headers().firstValue("Location").ifPresent(location -> follow(where, path, location, true));
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (type.startsWith("application/pdf")) {
            check.pdf(where, body, brandName);
        } else if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            check.counted(status < 400 ? "page" : "error page");
            String html = new String(body, StandardCharsets.UTF_8);
            check.text(where + " body", html, Scope.MARKUP);
            if (html.contains("<html") && !html.contains(brandName)) {
                check.finding(where + ": the page does not show the brand " + brandName);
            }
            links(where, path, html);
        } else if (type.startsWith("text/css")) {
            check.counted("asset");
            check.bytes(where + " content", body, Scope.ASSET);
            Matcher url = CSS_URL.matcher(new String(body, StandardCharsets.UTF_8));
            while (url.find()) {
                follow(where, path, url.group(1), true);
            }
        } else {
            check.counted("asset");
            check.bytes(where + " content", body, Scope.ASSET);
        }
    }

    /** The references of a page: what it loads must be on this host; its links and GET forms are followed here. */
    private void links(String where, String path, String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String href = null;
            String action = null;
            String method = "get";
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String value = attribute.group(2).replace("&amp;", "&");
                switch (attribute.group(1).toLowerCase(Locale.ROOT)) {
                    case "href", "src" -> href = href == null ? value : href;
                    case "action" -> action = value;
                    default -> method = value.toLowerCase(Locale.ROOT);
                }
            }
            if (href != null) {
                check.text(where + " <" + name + "> reference", href, Scope.MARKUP);
                follow(where, path, href, LOADED.contains(name));
            }
            if (name.equals("form") && action != null && method.equals("get")) {
                follow(where, path, action, false);
            }
        }
    }

    private void follow(String where, String from, String reference, boolean loaded) {
        String ref = reference.strip();
        if (ref.isEmpty() || ref.startsWith("#") || ref.startsWith("data:") || ref.startsWith("mailto:")
                || ref.startsWith("tel:") || ref.startsWith("javascript:")) {
            return;
        }
        URI url;
        try {
            url = URI.create("http://" + host + from).resolve(ref);
        } catch (IllegalArgumentException e) {
            check.finding(where + ": refers to an address that is not one: " + ref);
            return;
        }
        if (url.getHost() == null || !url.getHost().equalsIgnoreCase(host)) {
            if (loaded) {
                check.finding(where + ": loads or redirects to " + ref + ", on another host");
            }
            return;
        }
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        enqueue(path);
    }
}
