package io.marque.portal.web.reseller;

import io.marque.portal.api.ApiKeyView;
import io.marque.portal.api.ApiKeys;
import io.marque.portal.api.ApiScope;
import io.marque.portal.tenant.CurrentTenant;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A reseller admin's API keys ({@code /reseller/api-keys}): the list with each key's use, a form that
 * makes a key, and revoking or rotating one after a confirming second click. The secret of a key just
 * made or rotated is shown once: it travels to the next page in the flash and is never read again.
 */
@Named
@ViewScoped
public class ApiKeysPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Where the secret of a key just made waits for the page after the redirect, and only for it. */
    static final String SECRET = "apiKeySecret";
    static final String SECRET_NAME = "apiKeySecretName";

    @Inject
    ApiKeys keys;

    @Inject
    CurrentUser me;

    @Inject
    CurrentTenant tenant;

    @Inject
    Feedback feedback;

    private transient List<ApiKeyView> list;
    private String name;
    private List<String> scopes = new ArrayList<>();
    private String allowedAddresses;
    private LocalDate expiresOn;
    /** The key whose revoking or rotating waits for the second click, and which of the two. */
    private Long confirming;
    private boolean confirmingRotate;

    /** Status of a key for its badge. */
    public enum KeyStatus { ACTIVE, REVOKED, EXPIRED }

    /** The page may show a secret: no browser or proxy keeps a copy of it (the back button asks again). */
    public void noStore() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseHeader("Cache-Control", "no-store");
    }

    public List<ApiKeyView> getList() {
        if (list == null) {
            list = keys.list(me.actor());
        }
        return list;
    }

    public List<ApiScope> getScopeChoices() {
        return List.of(ApiScope.values());
    }

    public KeyStatus status(ApiKeyView key) {
        if (key.revokedAt() != null) {
            return KeyStatus.REVOKED;
        }
        return key.active(Instant.now()) ? KeyStatus.ACTIVE : KeyStatus.EXPIRED;
    }

    /** The scopes' codes, as the API documents them. */
    public String scopesOf(ApiKeyView key) {
        return ApiScope.format(key.scopes());
    }

    public String create() {
        ApiKeys.NewKey request = new ApiKeys.NewKey(name, String.join(" ", scopes), allowedAddresses,
                expiryOf(expiresOn, ZoneId.of(tenant.get().timeZone())));
        return withSecret(() -> keys.create(me.actor(), request), "api.keys.made");
    }

    /** A chosen last day: the key works through it, to the following midnight in the reseller's time zone. */
    static Instant expiryOf(LocalDate lastDay, ZoneId zone) {
        return lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public String askRevoke(long keyId) {
        confirming = keyId;
        confirmingRotate = false;
        return null;
    }

    public String askRotate(long keyId) {
        confirming = keyId;
        confirmingRotate = true;
        return null;
    }

    public String cancel() {
        confirming = null;
        return null;
    }

    public String revoke() {
        Long keyId = confirming;
        confirming = null;
        return keyId == null ? null : feedback.act(() -> keys.revoke(me.actor(), keyId), "api.keys.revoked");
    }

    public String rotate() {
        Long keyId = confirming;
        confirming = null;
        return keyId == null ? null : withSecret(() -> keys.rotate(me.actor(), keyId), "api.keys.rotated");
    }

    /** The secret of the key made or rotated by the previous request, once; null on any later page. */
    public String getSecret() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getFlash().get(SECRET);
    }

    public String getSecretName() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getFlash().get(SECRET_NAME);
    }

    /** The key the confirming question is about, or null. */
    public ApiKeyView getConfirmingKey() {
        return confirming == null ? null
                : getList().stream().filter(k -> k.id() == confirming).findFirst().orElse(null);
    }

    private String withSecret(Supplier<ApiKeys.Created> change, String doneKey) {
        ApiKeys.Created[] made = new ApiKeys.Created[1];
        String outcome = feedback.act(() -> made[0] = change.get(), doneKey);
        if (made[0] != null) {
            var flash = FacesContext.getCurrentInstance().getExternalContext().getFlash();
            flash.put(SECRET, made[0].secret());
            flash.put(SECRET_NAME, made[0].key().name());
        }
        return outcome;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getScopes() { return scopes; }
    public void setScopes(List<String> scopes) { this.scopes = scopes == null ? new ArrayList<>() : scopes; }
    public String getAllowedAddresses() { return allowedAddresses; }
    public void setAllowedAddresses(String allowedAddresses) { this.allowedAddresses = allowedAddresses; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
    public Long getConfirming() { return confirming; }
    public boolean isConfirmingRotate() { return confirmingRotate; }
}
