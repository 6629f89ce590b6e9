package io.marque.portal.it;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What no reseller's customer may see (law 2), as words matched ignoring case, each with where it comes
 * from. The provider's words are read from the data ({@link ProviderBrand#forbidden()}: its name, brand,
 * domains, addresses, staff, and the servers' internal inventory), so a renamed provider is caught under
 * its new name; {@link #FIXED} keeps the demo's own words forbidden whatever the data says.
 *
 * <p>How much is forbidden depends on what is read ({@link Scope}): the UI library's resources are served
 * under its own name ({@code ln=primefaces}) and Mojarra's script functions are called {@code mojarra.*} in
 * page markup, which names no provider and cannot be avoided; but no header, cookie, mail, PDF or API
 * error may name any framework underneath, nor carry a Java class name or a stack frame.
 */
public final class Forbidden {

    /** The demo provider and its inventory (DemoData, DemoServers), the server, the product's own name. */
    public static final List<String> FIXED_PROVIDER = List.of("Northwind", "provider.localhost", "FRA1-R12-U",
            "10.20.0.", "NW-FRA1-", "northwind-ops");
    public static final List<String> SERVER_BANNERS = List.of("WildFly", "Undertow", "JBoss", "Marque");
    /** Frameworks that never show in page markup either. */
    public static final List<String> BACKEND_BANNERS = List.of("EclipseLink", "Shiro", "RESTEasy", "Weld",
            "Hibernate", "Narayana", "Arjuna", "Flying Saucer", "xhtmlrenderer", "OpenPDF", "lowagie", "iText",
            "Yasson", "Parsson", "Jakarta EE", "JSF/", "Servlet/");
    /** Frameworks the page markup and assets name by necessity, forbidden everywhere else. */
    public static final List<String> UI_BANNERS = List.of("PrimeFaces", "Mojarra", "Jakarta Faces");

    /** A Java class name ({@code org.foo.Bar}, {@code jakarta.ws.rs.NotFoundException}). */
    static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com\\.sun|sun|io\\.marque|io\\.undertow)\\.(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
    /** A stack frame or an exception's name. */
    static final Pattern TRACE = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\b[A-Z]\\w*Exception\\b");

    /** What is being read decides what is forbidden in it. */
    public enum Scope {
        /** Stylesheets, scripts, images, fonts and files served as they are: the provider and the server. */
        ASSET,
        /** A page's markup: besides, every back-end framework and any stack trace. */
        MARKUP,
        /** Headers, cookies, mails, PDFs, API answers: besides, the UI frameworks and any class name. */
        DOCUMENT
    }

    private final Map<String, String> provider;

    private Forbidden(Map<String, String> provider) {
        this.provider = provider;
    }

    /** Only the fixed words: for tests outside the server, which cannot read the data. */
    public static Forbidden fixed() {
        return new Builder().build();
    }

    /** The provider's words, word → where it was found (for the report of a finding). */
    public Map<String, String> providerWords() {
        return Map.copyOf(provider);
    }

    /** This list with more words about the provider (e.g. its new name after a rename). */
    public Forbidden with(String source, Collection<String> words) {
        Builder builder = new Builder();
        provider.forEach((word, from) -> builder.add(from, word));
        words.forEach(word -> builder.add(source, word));
        return builder.build();
    }

    /** Each forbidden thing {@code text} contains, described with the text around it. */
    public List<String> findIn(String text, Scope scope) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, String> words = new LinkedHashMap<>(provider);
        SERVER_BANNERS.forEach(w -> words.put(w, "server or product"));
        if (scope != Scope.ASSET) {
            BACKEND_BANNERS.forEach(w -> words.put(w, "framework"));
        }
        if (scope == Scope.DOCUMENT) {
            UI_BANNERS.forEach(w -> words.put(w, "framework"));
        }
        words.forEach((word, from) -> {
            int at = lower.indexOf(word.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                found.add("\"" + text.substring(at, at + word.length()) + "\" (" + from + ") in …" + around(text, at,
                        word.length()) + "…");
            }
        });
        List<Pattern> patterns = switch (scope) {
            case ASSET -> List.of();
            case MARKUP -> List.of(TRACE);
            case DOCUMENT -> List.of(TRACE, CLASS_NAME);
        };
        for (Pattern pattern : patterns) {
            var match = pattern.matcher(text);
            if (match.find()) {
                found.add("\"" + match.group() + "\" (class name or stack trace) in …"
                        + around(text, match.start(), match.end() - match.start()) + "…");
            }
        }
        return found;
    }

    private static String around(String text, int at, int length) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + length + 40)).replaceAll("\\s+", " ");
    }

    /**
     * Collects the provider's words. Words shorter than {@link #MIN_LENGTH} are left out: a three-letter
     * BMC user such as {@code ops} would be found in every page and prove nothing.
     */
    public static final class Builder {

        static final int MIN_LENGTH = 5;

        private final Map<String, String> words = new LinkedHashMap<>();

        public Builder() {
            FIXED_PROVIDER.forEach(w -> words.put(w, "the demo provider"));
        }

        public Builder add(String source, String word) {
            if (word != null && word.strip().length() >= MIN_LENGTH) {
                words.putIfAbsent(word.strip(), source);
            }
            return this;
        }

        /** A name, and its first word when it is long enough to be the distinctive part ("Northwind Hosting"). */
        public Builder name(String source, String name) {
            if (name == null) {
                return this;
            }
            add(source, name);
            add(source, name.strip().split("\\s+")[0]);
            return this;
        }

        /** An e-mail address and its domain. */
        public Builder email(String source, String address) {
            if (address == null || !address.contains("@")) {
                return this;
            }
            add(source, address);
            add(source + " (its domain)", address.substring(address.indexOf('@') + 1));
            return this;
        }

        public Forbidden build() {
            return new Forbidden(Map.copyOf(words));
        }
    }
}
