package io.marque.portal.identity;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.platform.NotFoundException;
import io.marque.portal.platform.SecretKeys;
import io.marque.portal.tenant.DomainDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;

/**
 * A signed-in user's own account: name, language, password and authenticator (TOTP) second factor.
 * Staff may always use a second factor; customers where their reseller allows it.
 */
@Stateless
public class ProfileService {

    /** The languages the portal ships complete. */
    public static final Set<String> LANGUAGES = Set.of("en", "ru");

    /** A started enrolment: the secret to show and the URI for an authenticator app's QR code. */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    @Inject
    Users users;

    @Inject
    DomainDirectory directory;

    @Inject
    AuditRecorder audit;

    @Inject
    SecretKeys secrets;

    private final PasswordHasher hasher = new PasswordHasher();

    public UserView me(Actor actor) {
        return UserView.of(self(actor));
    }

    public String locale(Actor actor) {
        return self(actor).getLocale();
    }

    public void update(Actor actor, String displayName, String locale) {
        User user = self(actor);
        user.setDisplayName(Fields.text("name", displayName, 160));
        if (locale != null && !locale.isBlank() && !LANGUAGES.contains(locale)) {
            throw new InvalidInputException("locale", "error.locale.invalid");
        }
        user.setLocale(locale == null || locale.isBlank() ? null : locale);
        audit.record(actor, "profile.updated", actor.email(), null);
    }

    public void changePassword(Actor actor, char[] current, char[] replacement) {
        User user = self(actor);
        if (current == null || user.getPasswordHash() == null || !hasher.verify(current, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "error.password.wrong");
        }
        PasswordPolicy.check("newPassword", replacement, user.getEmail());
        user.setPasswordHash(hasher.hash(replacement));
        audit.record(actor, "password.changed", actor.email(), null);
    }

    public boolean totpAllowed(Actor actor) {
        return actor.roles().stream().anyMatch(Role::isStaff)
                || directory.byId(actor.tenantId()).map(t -> t.customerTotp()).orElse(false);
    }

    public TotpEnrolment startTotp(Actor actor) {
        requireTotpAllowed(actor);
        User user = self(actor);
        if (user.isTotpEnabled()) {
            throw new InvalidInputException("", "error.totp.alreadyOn");
        }
        String secret = Totp.newSecret();
        user.setTotpSecret(TotpSecrets.seal(secrets.box(), secret));
        String issuer = directory.byId(actor.tenantId()).orElseThrow().displayName();
        return new TotpEnrolment(secret, Totp.otpauthUri(issuer, user.getEmail(), secret));
    }

    public void confirmTotp(Actor actor, String code) {
        requireTotpAllowed(actor);
        User user = self(actor);
        String secret = TotpSecrets.open(secrets.box(), user.getTotpSecret());
        var step = secret == null ? java.util.OptionalLong.empty()
                : Totp.matchingStep(secret, code, Instant.now().getEpochSecond());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", "error.totp.wrong");
        }
        user.setTotpEnabled(true);
        user.setTotpLastStep(step.getAsLong());
        audit.record(actor, "totp.enabled", actor.email(), null);
    }

    public void disableTotp(Actor actor, char[] password) {
        User user = self(actor);
        if (password == null || user.getPasswordHash() == null || !hasher.verify(password, user.getPasswordHash())) {
            throw new InvalidInputException("password", "error.password.wrong");
        }
        user.setTotpEnabled(false);
        user.setTotpSecret(null);
        user.setTotpLastStep(null);
        audit.record(actor, "totp.disabled", actor.email(), null);
    }

    private void requireTotpAllowed(Actor actor) {
        if (!totpAllowed(actor)) {
            throw new InvalidInputException("", "error.totp.notAllowed");
        }
    }

    private User self(Actor actor) {
        return users.byId(actor.tenantId(), actor.userId()).orElseThrow(() -> new NotFoundException("User"));
    }
}
