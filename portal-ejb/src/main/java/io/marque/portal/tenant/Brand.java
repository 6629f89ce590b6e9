package io.marque.portal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What a tenant's customers see of it: name, logo, colours, support address, footer and custom CSS.
 * These override the tenant's theme, which overrides {@code base}.
 */
@Entity
@Table(name = "brand")
public class Brand {

    @Id
    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "support_email", nullable = false)
    private String supportEmail;

    @Column(name = "color_primary", nullable = false)
    private String colorPrimary;

    @Column(name = "color_accent", nullable = false)
    private String colorAccent;

    @Column(name = "footer_text", nullable = false)
    private String footerText = "";

    @Column(name = "custom_css", nullable = false)
    private String customCss = "";

    @Column(name = "logo_asset_id")
    private Long logoAssetId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Brand() {
    }

    public Brand(Long tenantId, String displayName, String supportEmail, String colorPrimary, String colorAccent,
            Instant updatedAt) {
        this.tenantId = tenantId;
        this.displayName = displayName;
        this.supportEmail = supportEmail;
        this.colorPrimary = colorPrimary;
        this.colorAccent = colorAccent;
        this.updatedAt = updatedAt;
    }

    public Long getTenantId() { return tenantId; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getSupportEmail() { return supportEmail; }
    public void setSupportEmail(String supportEmail) { this.supportEmail = supportEmail; }
    public String getColorPrimary() { return colorPrimary; }
    public void setColorPrimary(String colorPrimary) { this.colorPrimary = colorPrimary; }
    public String getColorAccent() { return colorAccent; }
    public void setColorAccent(String colorAccent) { this.colorAccent = colorAccent; }
    public String getFooterText() { return footerText; }
    public void setFooterText(String footerText) { this.footerText = footerText; }
    public String getCustomCss() { return customCss; }
    public void setCustomCss(String customCss) { this.customCss = customCss; }
    public Long getLogoAssetId() { return logoAssetId; }
    public void setLogoAssetId(Long logoAssetId) { this.logoAssetId = logoAssetId; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getVersion() { return version; }
}
