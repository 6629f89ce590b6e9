package io.marque.portal.reseller;

import io.marque.portal.billing.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The provider's reseller program, one row ({@link #ID}): whether it takes applications, whether they
 * are approved without review, the default discount, the tier thresholds and the extra questions of the
 * application form. The migration creates the row; nothing else does.
 */
@Entity
@Table(name = "reseller_program")
public class ProgramSettings {

    /** The one row's id. */
    public static final long ID = 1L;

    @Id
    private long id;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "auto_approve", nullable = false)
    private boolean autoApprove;

    @Column(name = "default_discount", nullable = false)
    private BigDecimal defaultDiscount;

    @Column(name = "silver_from", nullable = false)
    private BigDecimal silverFrom;

    @Column(name = "gold_from", nullable = false)
    private BigDecimal goldFrom;

    @Column(name = "platinum_from", nullable = false)
    private BigDecimal platinumFrom;

    @Column(name = "diamond_from", nullable = false)
    private BigDecimal diamondFrom;

    @Column(name = "tier_currency", nullable = false)
    private String tierCurrency;

    /** The extra questions, one label per line. */
    @Column(name = "application_fields", nullable = false)
    private String applicationFields;

    @Version
    private long version;

    protected ProgramSettings() {
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isAutoApprove() { return autoApprove; }
    public void setAutoApprove(boolean autoApprove) { this.autoApprove = autoApprove; }
    /** 0–100, at most two decimals, trailing zeros stripped (12.5, not 12.5000). */
    public BigDecimal getDefaultDiscount() { return Percents.plain(defaultDiscount); }
    public void setDefaultDiscount(BigDecimal defaultDiscount) { this.defaultDiscount = defaultDiscount; }
    public String getTierCurrency() { return tierCurrency; }
    public String getApplicationFields() { return applicationFields; }
    public void setApplicationFields(String applicationFields) { this.applicationFields = applicationFields; }

    public Tiers tiers() {
        return new Tiers(new Money(silverFrom, tierCurrency), new Money(goldFrom, tierCurrency),
                new Money(platinumFrom, tierCurrency), new Money(diamondFrom, tierCurrency));
    }

    public void setTiers(Tiers tiers) {
        this.tierCurrency = tiers.currency();
        this.silverFrom = tiers.silver().amount();
        this.goldFrom = tiers.gold().amount();
        this.platinumFrom = tiers.platinum().amount();
        this.diamondFrom = tiers.diamond().amount();
    }

    /** The extra questions' labels, in their order. */
    public List<String> extraLabels() {
        return labels(applicationFields);
    }

    /** The non-blank lines of a text, trimmed. */
    static List<String> labels(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
