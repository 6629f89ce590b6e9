package io.marque.portal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The provider or one reseller: the unit of isolation for customers, users, brand and data. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = "Tenant.resellers", query = "select t from Tenant t where t.kind = io.marque.portal.tenant.TenantKind.RESELLER order by t.name, t.id")
@NamedQuery(name = "Tenant.provider", query = "select t from Tenant t where t.kind = io.marque.portal.tenant.TenantKind.PROVIDER")
@NamedQuery(name = "Tenant.bySlug", query = "select t from Tenant t where t.slug = :slug")
public class Tenant {

    @Id
    @SequenceGenerator(name = "marque_seq", sequenceName = "marque_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marque_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantKind kind;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status = TenantStatus.ACTIVE;

    @Column(nullable = false)
    private String theme;

    @Column(name = "default_locale", nullable = false)
    private String defaultLocale = "en";

    @Column(name = "time_zone", nullable = false)
    private String timeZone = "UTC";

    @Column(nullable = false)
    private String currency = "USD";

    @Column(name = "signup_enabled", nullable = false)
    private boolean signupEnabled;

    @Column(name = "customer_totp", nullable = false)
    private boolean customerTotp;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Where the provider writes to the reseller; its admins when unset. */
    @Column(name = "contact_email")
    private String contactEmail;

    /** Where the provider sends abuse reports, besides the primary contact. */
    @Column(name = "abuse_email")
    private String abuseEmail;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(TenantKind kind, String slug, String name, String theme, Instant createdAt) {
        this.kind = kind;
        this.slug = slug;
        this.name = name;
        this.theme = theme;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getAbuseEmail() { return abuseEmail; }
    public void setAbuseEmail(String abuseEmail) { this.abuseEmail = abuseEmail; }
    public TenantKind getKind() { return kind; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public TenantStatus getStatus() { return status; }
    public void setStatus(TenantStatus status) { this.status = status; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getDefaultLocale() { return defaultLocale; }
    public void setDefaultLocale(String defaultLocale) { this.defaultLocale = defaultLocale; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public boolean isSignupEnabled() { return signupEnabled; }
    public void setSignupEnabled(boolean signupEnabled) { this.signupEnabled = signupEnabled; }
    public boolean isCustomerTotp() { return customerTotp; }
    public void setCustomerTotp(boolean customerTotp) { this.customerTotp = customerTotp; }
    public Instant getCreatedAt() { return createdAt; }
}
