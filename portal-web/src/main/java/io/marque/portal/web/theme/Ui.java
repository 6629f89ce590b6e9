package io.marque.portal.web.theme;

import io.marque.portal.identity.SignedInUser;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import io.marque.portal.tenant.theme.Theme;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.apache.shiro.SecurityUtils;

/**
 * What the page templates need to dress a page in the tenant's brand: name, logo, stylesheets,
 * layout, footer and the reader's language. The language is the signed-in user's choice, else the
 * {@code lang} cookie a signed-out reader set with the switcher, else the tenant's default.
 */
@Named("ui")
@RequestScoped
public class Ui {

    public static final Set<String> LANGUAGES = Set.of("en", "ru");
    public static final String LANG_COOKIE = "lang";

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Themes themes;

    private Locale locale;

    public TenantSnapshot getTenant() {
        return currentTenant.get();
    }

    public Theme getTheme() {
        return themes.of(getTenant());
    }

    public String getBrandName() {
        return getTenant().displayName();
    }

    public String getFooter() {
        return getTenant().footerText();
    }

    public String getSupportEmail() {
        return getTenant().supportEmail();
    }

    public String getThemeCss() {
        return "/assets/" + getTheme().contentHash() + "/theme.css";
    }

    public String getBrandCss() {
        return "/assets/" + getTenant().brandHash() + "/brand.css";
    }

    public String getLogoUrl() {
        return "/assets/" + getTenant().brandHash() + "/logo";
    }

    public String getLayoutClass() {
        String layout = getTheme().property("layout");
        return "layout-" + (layout == null ? "topbar" : layout) + " theme-" + getTheme().name();
    }

    /** A moment as the reader reads it: the tenant's time zone, the reader's language. */
    public String time(java.time.Instant instant) {
        if (instant == null) {
            return "";
        }
        java.time.ZoneId zone = java.time.ZoneId.of(getTenant().timeZone());
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                java.time.format.FormatStyle.SHORT).withLocale(getLocale()).withZone(zone).format(instant);
    }

    /** An amount in the tenant's currency, formatted for the reader's language. */
    public String money(java.math.BigDecimal amount) {
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(getLocale());
        format.setCurrency(java.util.Currency.getInstance(getTenant().currency()));
        return amount == null ? "" : format.format(amount);
    }

    /**
     * An amount in the given currency exactly as stored, formatted for the reader's language: never
     * rounded (at least the currency's usual decimals, more if the amount has them) and never through
     * a {@code double}.
     */
    public String moneyIn(java.math.BigDecimal amount, String currency) {
        return amount == null ? "" : exactMoney(amount, currency, getLocale());
    }

    /** An exact amount with its own currency (billing), formatted for the reader's language. */
    public String amount(io.marque.portal.billing.Money money) {
        return money == null ? "" : exactMoney(money.amount(), money.currency(), getLocale());
    }

    /** A calendar day (due dates, billing periods) for the reader's language. */
    public String date(java.time.LocalDate day) {
        return day == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(getLocale()).format(day);
    }

    /** The formatting of {@link #moneyIn(java.math.BigDecimal, String)}, without a request. */
    public static String exactMoney(java.math.BigDecimal amount, String currency, Locale locale) {
        java.util.Currency unit = java.util.Currency.getInstance(currency);
        java.text.DecimalFormat format = (java.text.DecimalFormat) java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        int digits = Math.max(Math.max(unit.getDefaultFractionDigits(), 0), amount.scale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(java.math.RoundingMode.UNNECESSARY);
        return format.format(amount);
    }

    public Locale getLocale() {
        if (locale == null) {
            locale = resolveLocale();
        }
        return locale;
    }

    /** Works the language out again, after the signed-in user changed it during this request. */
    public void languageChanged() {
        locale = null;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    private Locale resolveLocale() {
        Object principal = SecurityUtils.getSubject().getPrincipal();
        if (principal instanceof SignedInUser user && user.locale() != null && LANGUAGES.contains(user.locale())) {
            return Locale.forLanguageTag(user.locale());
        }
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LANG_COOKIE.equals(cookie.getName()) && LANGUAGES.contains(cookie.getValue())) {
                    return Locale.forLanguageTag(cookie.getValue());
                }
            }
        }
        String tenantDefault = getTenant().defaultLocale();
        return Locale.forLanguageTag(LANGUAGES.contains(tenantDefault) ? tenantDefault : "en");
    }
}
