package io.marque.portal.identity;

import io.marque.portal.audit.AuditRecorder;
import io.marque.portal.platform.SecretKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs users in on one tenant: password (Argon2id), optional authenticator code, and lockout with
 * growing back-off per account and per client address. Every attempt is audited, and failures are
 * committed (they are outcomes, not exceptions), so a locked account stays locked.
 */
@Stateless
public class AuthenticationService {

    /** How long the second step of a sign-in may take. */
    static final Duration SECOND_FACTOR_WINDOW = Duration.ofMinutes(5);
    /** Failure counters are forgotten after this quiet period. */
    static final Duration FAILURE_MEMORY = Duration.ofMinutes(30);

    private static final LoginBackoff ACCOUNT = LoginBackoff.standard();
    /** An address may fail more often than one account: offices share addresses. */
    private static final LoginBackoff ADDRESS = new LoginBackoff(20, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @PersistenceContext(unitName = "marque")
    private EntityManager em;

    @Inject
    Users users;

    @Inject
    AuditRecorder audit;

    @Inject
    SecretKeys secrets;

    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock = Clock.systemUTC();

    public SignInOutcome signIn(long tenantId, String email, char[] password, String clientAddress) {
        Instant now = Instant.now(clock);
        String who = email == null ? "" : Fields.normaliseEmail(email);
        LoginThrottle throttle = throttle(tenantId, clientAddress, now);
        if (throttle.getLockedUntil() != null && throttle.getLockedUntil().isAfter(now)) {
            audit.recordAnonymous(tenantId, who, "login.locked", who, "client address locked", clientAddress);
            return new SignInOutcome.Refused(throttle.getLockedUntil());
        }
        Optional<User> found = users.byEmail(tenantId, who);
        if (found.isEmpty()) {
            hasher.burn(password == null ? new char[0] : password);
            return fail(tenantId, who, null, throttle, clientAddress, now, "unknown account");
        }
        User user = em.find(User.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        forgetOldFailures(user, now);
        if (user.getLockedUntil() != null && user.getLockedUntil().isAfter(now)) {
            audit.recordAnonymous(tenantId, who, "login.locked", who, "account locked", clientAddress);
            return new SignInOutcome.Refused(user.getLockedUntil());
        }
        boolean passwordOk = user.getPasswordHash() != null && password != null
                && hasher.verify(password, user.getPasswordHash());
        if (!passwordOk || user.getStatus() != UserStatus.ACTIVE) {
            return fail(tenantId, who, user, throttle, clientAddress, now,
                    passwordOk ? "account " + user.getStatus().name().toLowerCase() : "wrong password");
        }
        if (hasher.needsRehash(user.getPasswordHash())) {
            user.setPasswordHash(hasher.hash(password));
        }
        if (user.isTotpEnabled()) {
            String challenge = Secrets.newToken();
            em.persist(new OneTimeToken(tenantId, user.getId(), Secrets.digest(challenge),
                    OneTimeToken.Purpose.SECOND_FACTOR, now.plus(SECOND_FACTOR_WINDOW), now));
            audit.recordAnonymous(tenantId, who, "login.password-ok", who, "second factor required", clientAddress);
            return new SignInOutcome.SecondFactorNeeded(challenge);
        }
        return succeed(user, clientAddress, now);
    }

    public SignInOutcome completeSecondFactor(long tenantId, String challenge, String code, String clientAddress) {
        Instant now = Instant.now(clock);
        LoginThrottle throttle = throttle(tenantId, clientAddress, now);
        if (throttle.getLockedUntil() != null && throttle.getLockedUntil().isAfter(now)) {
            return new SignInOutcome.Refused(throttle.getLockedUntil());
        }
        Optional<OneTimeToken> token = challenge == null ? Optional.empty()
                : em.createNamedQuery("OneTimeToken.byHash", OneTimeToken.class).setParameter("tenant", tenantId)
                        .setParameter("hash", Secrets.digest(challenge)).getResultStream().findFirst();
        if (token.isEmpty() || !token.get().isUsable(OneTimeToken.Purpose.SECOND_FACTOR, now)) {
            return fail(tenantId, "", null, throttle, clientAddress, now, "second factor challenge invalid");
        }
        User user = em.find(User.class, token.get().getUserId(), LockModeType.PESSIMISTIC_WRITE);
        if (user.getLockedUntil() != null && user.getLockedUntil().isAfter(now)) {
            token.get().setUsedAt(now);
            return new SignInOutcome.Refused(user.getLockedUntil());
        }
        var step = Totp.matchingStep(TotpSecrets.open(secrets.box(), user.getTotpSecret()), code, now.getEpochSecond());
        boolean fresh = step.isPresent() && (user.getTotpLastStep() == null || step.getAsLong() > user.getTotpLastStep());
        if (!fresh || user.getStatus() != UserStatus.ACTIVE) {
            return fail(tenantId, user.getEmail(), user, throttle, clientAddress, now,
                    step.isPresent() ? "authenticator code reused" : "wrong authenticator code");
        }
        token.get().setUsedAt(now);
        user.setTotpLastStep(step.getAsLong());
        if (!TotpSecrets.isSealed(user.getTotpSecret())) {
            user.setTotpSecret(TotpSecrets.seal(secrets.box(), user.getTotpSecret()));
        }
        return succeed(user, clientAddress, now);
    }

    private SignInOutcome succeed(User user, String clientAddress, Instant now) {
        user.setFailedLogins(0);
        user.setLockedUntil(null);
        user.setLastLoginAt(now);
        audit.recordAnonymous(user.getTenantId(), user.getEmail(), "login.success", user.getEmail(), null, clientAddress);
        return new SignInOutcome.SignedIn(new SignedInUser(user.getTenantId(), user.getId(), user.getEmail(),
                user.getDisplayName(), user.roleSet(), user.getCustomerId(), user.getLocale()));
    }

    private SignInOutcome fail(long tenantId, String who, User user, LoginThrottle throttle, String clientAddress,
            Instant now, String reason) {
        Instant lockedUntil = null;
        if (user != null) {
            user.setFailedLogins(user.getFailedLogins() + 1);
            user.setLastFailureAt(now);
            user.setLockedUntil(ACCOUNT.lockedUntil(user.getFailedLogins(), now).orElse(null));
            lockedUntil = user.getLockedUntil();
        }
        throttle.setFailures(throttle.getFailures() + 1);
        throttle.setLastFailureAt(now);
        throttle.setLockedUntil(ADDRESS.lockedUntil(throttle.getFailures(), now).orElse(null));
        if (throttle.getLockedUntil() != null && (lockedUntil == null || throttle.getLockedUntil().isAfter(lockedUntil))) {
            lockedUntil = throttle.getLockedUntil();
        }
        audit.recordAnonymous(tenantId, who, "login.failed", who, reason, clientAddress);
        return new SignInOutcome.Refused(lockedUntil);
    }

    private static void forgetOldFailures(User user, Instant now) {
        if (user.getLastFailureAt() != null && user.getLastFailureAt().plus(FAILURE_MEMORY).isBefore(now)
                && (user.getLockedUntil() == null || user.getLockedUntil().isBefore(now))) {
            user.setFailedLogins(0);
        }
    }

    /**
     * The address's throttle row, locked. The first sign-ins from an address may come at once (an office
     * behind one address, a crowd after a restart): the row is made with an insert that does nothing when
     * another transaction made it meanwhile (it waits for that one), so neither fails on the row's unique
     * key and refuses a correct password.
     */
    private LoginThrottle throttle(long tenantId, String clientAddress, Instant now) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        LoginThrottle throttle = lockedThrottle(tenantId, address);
        if (throttle == null) {
            em.createNativeQuery("insert into login_throttle (id, tenant_id, client_address, failures, last_failure_at)"
                    + " values (nextval('marque_seq'), ?, ?, 0, ?) on conflict do nothing")
                    .setParameter(1, tenantId).setParameter(2, address).setParameter(3, Timestamp.from(now))
                    .executeUpdate();
            throttle = lockedThrottle(tenantId, address);
        } else if (throttle.getLastFailureAt().plus(FAILURE_MEMORY).isBefore(now)
                && (throttle.getLockedUntil() == null || throttle.getLockedUntil().isBefore(now))) {
            throttle.setFailures(0);
        }
        return throttle;
    }

    private LoginThrottle lockedThrottle(long tenantId, String address) {
        return em.createQuery(
                "select t from LoginThrottle t where t.tenantId = :tenant and t.clientAddress = :address", LoginThrottle.class)
                .setParameter("tenant", tenantId).setParameter("address", address)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
    }
}
