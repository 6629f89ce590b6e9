package io.marque.portal.identity;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.mail.MailComposer;
import io.marque.portal.mail.Outbox;
import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.tenant.DomainDirectory;
import io.marque.portal.tenant.TenantSnapshot;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Password reset and invitation links: a single-use token, mailed from the tenant's support address
 * in the tenant's mail template, that lets its holder set a password. A reset link lives
 * {@link #RESET_TTL}, an invitation {@link #INVITE_TTL}. Asking for a reset never tells whether the
 * address has an account.
 */
@Stateless
public class PasswordResetService {

    public static final Duration RESET_TTL = Duration.ofMinutes(30);
    public static final Duration INVITE_TTL = Duration.ofDays(7);
    /** A second reset mail within this time is not sent: the first one is still on its way. */
    static final Duration RESEND_GAP = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Event<SessionsRevoked> revoked;

    @Inject
    Users users;

    @Inject
    DomainDirectory directory;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    AuditRecorder audit;

    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock = Clock.systemUTC();

    public void requestReset(long tenantId, String email, Locale locale, String clientAddress) {
        Instant now = Instant.now(clock);
        String who = email == null ? "" : Fields.normaliseEmail(email);
        audit.recordAnonymous(tenantId, who, "password.reset-requested", who, null, clientAddress);
        Optional<User> user = users.byEmail(tenantId, who)
                .filter(u -> u.getStatus() == UserStatus.ACTIVE || u.getStatus() == UserStatus.INVITED);
        if (user.isEmpty() || recentlySent(user.get(), now)) {
            return;
        }
        sendLink(user.get(), OneTimeToken.Purpose.RESET, RESET_TTL, "password-reset", locale, now);
    }

    /** Creates an invitation link for a new user and mails it; called by the services that invite. */
    public void sendInvitation(User user, Locale locale) {
        sendLink(user, OneTimeToken.Purpose.INVITE, INVITE_TTL, "invitation", locale, Instant.now(clock));
    }

    /** Whether a link's token can still be used, so the page can say so before the user types a password. */
    public boolean isUsable(long tenantId, String token) {
        Instant now = Instant.now(clock);
        return find(tenantId, token).filter(t -> t.isUsable(OneTimeToken.Purpose.RESET, now)
                || t.isUsable(OneTimeToken.Purpose.INVITE, now)).isPresent();
    }

    /**
     * Sets a new password with a reset or invitation token, which is then used up, together with
     * every other open link of that user.
     *
     * @throws InvalidInputException {@code token} when the link is unknown, used or expired;
     *                               {@code password} when the password breaks the policy
     */
    public void resetPassword(long tenantId, String token, char[] newPassword, String clientAddress) {
        Instant now = Instant.now(clock);
        OneTimeToken link = find(tenantId, token)
                .map(t -> em.find(OneTimeToken.class, t.getId(), LockModeType.PESSIMISTIC_WRITE))
                .filter(t -> t.isUsable(OneTimeToken.Purpose.RESET, now) || t.isUsable(OneTimeToken.Purpose.INVITE, now))
                .orElseThrow(() -> new InvalidInputException("token", "error.reset.invalid"));
        User user = users.byId(tenantId, link.getUserId()).orElseThrow(
                () -> new InvalidInputException("token", "error.reset.invalid"));
        if (user.getStatus() == UserStatus.DISABLED) {
            throw new InvalidInputException("token", "error.reset.invalid");
        }
        PasswordPolicy.check("password", newPassword, user.getEmail());
        user.setPasswordHash(hasher.hash(newPassword));
        revoked.fire(new SessionsRevoked(user.getId()));
        user.setFailedLogins(0);
        user.setLockedUntil(null);
        if (user.getStatus() == UserStatus.INVITED) {
            user.setStatus(UserStatus.ACTIVE);
            if (user.getCustomerId() != null) {
                Customer customer = em.find(Customer.class, user.getCustomerId());
                if (customer.getStatus() == CustomerStatus.INVITED) {
                    customer.setStatus(CustomerStatus.ACTIVE);
                }
            }
        }
        em.createQuery("update OneTimeToken t set t.usedAt = :now where t.tenantId = :tenant and t.userId = :user and t.usedAt is null")
                .setParameter("now", now).setParameter("tenant", tenantId).setParameter("user", user.getId())
                .executeUpdate();
        audit.recordAnonymous(tenantId, user.getEmail(), link.getPurpose() == OneTimeToken.Purpose.INVITE
                ? "invitation.accepted" : "password.reset", user.getEmail(), null, clientAddress);
    }

    private Optional<OneTimeToken> find(long tenantId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery("OneTimeToken.byHash", OneTimeToken.class).setParameter("tenant", tenantId)
                .setParameter("hash", Secrets.digest(token)).getResultStream().findFirst();
    }

    private boolean recentlySent(User user, Instant now) {
        Long recent = em.createQuery("select count(t) from OneTimeToken t where t.tenantId = :tenant and t.userId = :user"
                + " and t.purpose = :purpose and t.createdAt > :since", Long.class)
                .setParameter("tenant", user.getTenantId()).setParameter("user", user.getId())
                .setParameter("purpose", OneTimeToken.Purpose.RESET).setParameter("since", now.minus(RESEND_GAP))
                .getSingleResult();
        return recent > 0;
    }

    private void sendLink(User user, OneTimeToken.Purpose purpose, Duration ttl, String template, Locale locale,
            Instant now) {
        TenantSnapshot tenant = directory.byIdFresh(user.getTenantId()).orElseThrow();
        String token = Secrets.newToken();
        em.persist(new OneTimeToken(user.getTenantId(), user.getId(), Secrets.digest(token), purpose, now.plus(ttl), now));
        Locale mailLocale = user.getLocale() != null ? Locale.forLanguageTag(user.getLocale())
                : locale != null ? locale : tenant.locale();
        String url = composer.baseUrl(tenant) + "/reset?token=" + token;
        outbox.enqueue(composer.compose(tenant, mailLocale, template, user.getEmail(), Map.of(
                "recipientName", user.getDisplayName(),
                "resetUrl", url,
                "inviteUrl", url,
                "expiresMinutes", String.valueOf(ttl.toMinutes()),
                "expiresDays", String.valueOf(ttl.toDays()))));
    }
}
