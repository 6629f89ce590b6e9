package io.marque.portal.tenant.theme;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One theme as the application sees it: its own folder plus everything it inherits from its parents,
 * ending at {@code base}. Lookups walk the chain from this theme towards {@code base} and return the
 * first match, so a child theme holds only what it overrides (as Keycloak themes do).
 *
 * <p>Instances are immutable and safe to share between threads. A theme never changes once handed
 * out; {@link ThemeRegistry#reload()} builds new instances instead, which is also why
 * {@link #contentHash()} can be computed once.
 *
 * <pre>{@code
 * Theme theme = registry.theme(tenant.getThemeName());
 * String layout = theme.property("layout");                        // "sidebar"
 * Optional<byte[]> logo = theme.resource("img/logo.svg");         // the nearest theme that has one
 * String title = theme.message(Locale.GERMAN, "login.title");     // German first, then English
 * }</pre>
 */
public final class Theme {

    static final String STYLESHEET = "css/theme.css";
    static final String LOGO = "img/logo.svg";
    private static final String DISPLAY_NAME = "displayName";
    private static final String FALLBACK_LANGUAGE = "en";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,8}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}|[0-9]{3}");
    private static final int HASH_HEX_CHARS = 12;

    private final ThemeSource source;
    private final Theme parent;
    /** This theme first, {@code base} last. */
    private final List<Theme> chain;
    private final Map<String, String> properties;
    private volatile String contentHash;

    Theme(ThemeSource source, Theme parent) {
        this.source = source;
        this.parent = parent;
        List<Theme> lineage = new ArrayList<>();
        lineage.add(this);
        if (parent != null) {
            lineage.addAll(parent.chain);
        }
        this.chain = List.copyOf(lineage);
        Map<String, String> merged = new LinkedHashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            merged.putAll(chain.get(i).source.declaredProperties());
        }
        this.properties = Collections.unmodifiableMap(merged);
    }

    /** The folder name, e.g. {@code aurora}; this is what a tenant stores as its theme. */
    public String name() {
        return source.name();
    }

    /** The theme's own {@code displayName} (not inherited); its name when it declares none. */
    public String displayName() {
        String own = source.declaredProperties().get(DISPLAY_NAME);
        return own == null || own.isEmpty() ? name() : own;
    }

    /** The theme this one extends; empty only for {@code base}. */
    public Optional<Theme> parent() {
        return Optional.ofNullable(parent);
    }

    /** All {@code theme.properties} entries merged from {@code base} down to this theme; the child wins. */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * @param key a {@code theme.properties} key such as {@code color.primary}
     * @return the merged value, or null when no theme in the chain defines it
     */
    public String property(String key) {
        return key == null ? null : properties.get(key);
    }

    /**
     * The first file found at {@code relativePath}, walking from this theme towards {@code base}.
     *
     * @param relativePath a path inside a theme folder, e.g. {@code img/logo.svg}
     * @return a fresh copy of the bytes; empty when no theme in the chain has the file, or when the path
     *     is absolute, contains {@code ..}, {@code .}, empty segments or backslashes
     */
    public Optional<byte[]> resource(String relativePath) {
        return shared(relativePath).map(byte[]::clone);
    }

    /** {@link #resource(String)} decoded as UTF-8. */
    public Optional<String> text(String relativePath) {
        return shared(relativePath).map(bytes -> new String(bytes, UTF_8));
    }

    /**
     * The stylesheets a page of this theme loads, in order: {@code base}'s {@code css/theme.css} first,
     * then each descendant's own {@code css/theme.css} down to this theme, so overrides come last.
     * Themes without their own stylesheet are skipped.
     */
    public List<byte[]> stylesheets() {
        List<byte[]> sheets = new ArrayList<>();
        for (byte[] sheet : sharedStylesheets()) {
            sheets.add(sheet.clone());
        }
        return Collections.unmodifiableList(sheets);
    }

    /**
     * A message of the theme chain. The requested language is tried through the whole chain (this
     * theme, its parents, {@code base}; per theme {@code messages_<lang>_<COUNTRY>.properties} before
     * {@code messages_<lang>.properties}) before English is tried the same way. So a child that only
     * rewords an English text never puts English into a German page that {@code base} translates.
     *
     * @param locale the reader's locale; null means English
     * @param key    the message key
     * @return the text, or null when no bundle in the chain has the key
     */
    public String message(Locale locale, String key) {
        if (key == null) {
            return null;
        }
        for (List<String> level : bundleLevels(locale)) {
            for (Theme theme : chain) {
                for (String bundle : level) {
                    String value = theme.source.bundle(bundle).get(key);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /** Every key {@link #message(Locale, String)} can resolve for {@code locale}. */
    public Set<String> messageKeys(Locale locale) {
        Set<String> keys = new TreeSet<>();
        for (List<String> level : bundleLevels(locale)) {
            for (Theme theme : chain) {
                for (String bundle : level) {
                    keys.addAll(theme.source.bundle(bundle).keySet());
                }
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /**
     * A cache-busting version of the theme's look: the first 12 hex characters of a SHA-256 over its
     * effective stylesheets and logo. Equal for equal content, different once a file changed and the
     * registry was reloaded.
     */
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            hash = computeContentHash();
            contentHash = hash;
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder path = new StringBuilder("Theme[");
        for (int i = 0; i < chain.size(); i++) {
            path.append(i == 0 ? "" : " -> ").append(chain.get(i).name());
        }
        return path.append(']').toString();
    }

    private Optional<byte[]> shared(String relativePath) {
        if (!ThemeSource.isSafeRelativePath(relativePath)) {
            return Optional.empty();
        }
        for (Theme theme : chain) {
            Optional<byte[]> file = theme.source.file(relativePath);
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    private List<byte[]> sharedStylesheets() {
        List<byte[]> sheets = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).source.file(STYLESHEET).ifPresent(sheets::add);
        }
        return sheets;
    }

    private String computeContentHash() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        // length prefixes keep "ab"+"c" and "a"+"bc" apart
        for (byte[] sheet : sharedStylesheets()) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(sheet.length).array());
            digest.update(sheet);
        }
        byte[] logo = shared(LOGO).orElse(new byte[0]);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1 - logo.length).array());
        digest.update(logo);
        return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_HEX_CHARS);
    }

    /** The bundle file names to try: first the locale's language (most specific first), then English. */
    static List<List<String>> bundleLevels(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        String region = locale == null ? "" : locale.getCountry();
        if (!LANGUAGE.matcher(language).matches()) {
            language = FALLBACK_LANGUAGE;
            region = "";
        }
        List<String> requested = new ArrayList<>(2);
        if (REGION.matcher(region).matches()) {
            requested.add(bundleName(language + "_" + region));
        }
        requested.add(bundleName(language));
        if (language.equals(FALLBACK_LANGUAGE)) {
            return List.of(requested);
        }
        return List.of(requested, List.of(bundleName(FALLBACK_LANGUAGE)));
    }

    private static String bundleName(String suffix) {
        return "messages_" + suffix + ".properties";
    }
}
