package io.marque.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.identity.AuthenticationService;
import io.marque.portal.identity.PasswordResetService;
import io.marque.portal.identity.ProfileService;
import io.marque.portal.identity.SignInOutcome;
import io.marque.portal.identity.Totp;
import io.marque.portal.platform.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in on PostgreSQL inside the server: users belong to one tenant, lockout with back-off per
 * account and per client address, reset links are single-use and expire, the second factor is
 * required and cannot be replayed, and every attempt is audited.
 */
@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {

    private static final Pattern RESET_LINK = Pattern.compile("/reset\\?token=([A-Za-z0-9_-]{20,})");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(AuthenticationIT.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    AuthenticationService auth;

    @Inject
    PasswordResetService resets;

    @Inject
    ProfileService profiles;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "marque")
    EntityManager em;

    /**
     * The first sign-ins from an address may come at once (an office behind one address, everyone after
     * a restart): each with the right password signs in, none is refused because another made the
     * address's throttle row meanwhile (found by bench/load.sh: 28 of 68 refused).
     */
    @Test
    void firstSignInsFromOneAddressAtOnceAllSucceed() throws Exception {
        Fixtures.Reseller a = fixtures.reseller("auth-crowd");
        int crowd = 8;
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(crowd);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<SignInOutcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < crowd; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.1.9.9");
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<SignInOutcome> outcome : outcomes) {
                assertInstanceOf(SignInOutcome.SignedIn.class, outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        long rows = em.createQuery("select count(t) from LoginThrottle t where t.tenantId = :t and t.clientAddress = :a",
                Long.class).setParameter("t", a.tenantId()).setParameter("a", "10.1.9.9").getSingleResult();
        assertEquals(1, rows, "one throttle row for the address");
    }

    @Test
    void theSameCredentialsWorkOnlyOnTheirOwnTenant() {
        Fixtures.Reseller a = fixtures.reseller("auth-a");
        Fixtures.Reseller b = fixtures.reseller("auth-b");
        var signedIn = assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.1.0.1"));
        assertEquals(a.tenantId(), signedIn.user().tenantId());
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.signIn(b.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.1.0.1"),
                "a's customer does not exist on b");
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), "  CARLA@" + a.host().toUpperCase(), Fixtures.PASSWORD.toCharArray(), "10.1.0.1"),
                "addresses are compared case-insensitively");
    }

    @Test
    void anAccountLocksAfterRepeatedFailuresAndStaysLockedEvenForTheRightPassword() {
        Fixtures.Reseller a = fixtures.reseller("lock");
        for (int i = 0; i < 5; i++) {
            var refused = assertInstanceOf(SignInOutcome.Refused.class,
                    auth.signIn(a.tenantId(), a.customerEmail(), "wrong".toCharArray(), "10.2.0." + i));
            assertEquals(i == 4, refused.locked(), "locked only from the fifth failure, attempt " + (i + 1));
        }
        var locked = assertInstanceOf(SignInOutcome.Refused.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.2.0.9"));
        assertTrue(locked.locked());
        assertTrue(locked.retryAfter().isAfter(Instant.now().plusSeconds(20)));
        long failures = em.createQuery("select count(a) from Activity a where a.tenantId = :t and a.action = 'login.failed'", Long.class)
                .setParameter("t", a.tenantId()).getSingleResult();
        assertEquals(5, failures, "every failure is audited");
        long lockedEntries = em.createQuery("select count(a) from Activity a where a.tenantId = :t and a.action = 'login.locked'", Long.class)
                .setParameter("t", a.tenantId()).getSingleResult();
        assertEquals(1, lockedEntries);
    }

    @Test
    void aClientAddressLocksAfterGuessingAcrossManyAccounts() {
        Fixtures.Reseller a = fixtures.reseller("spray");
        String address = "10.3.0.7";
        for (int i = 0; i < 20; i++) {
            auth.signIn(a.tenantId(), "nobody" + i + "@" + a.host(), "guess".toCharArray(), address);
        }
        var refused = assertInstanceOf(SignInOutcome.Refused.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), address));
        assertTrue(refused.locked(), "the address is locked even for a correct password");
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.3.0.8"),
                "another address is not affected");
    }

    @Test
    void aResetLinkWorksOnceAndOnlyOnItsTenant() throws Exception {
        Fixtures.Reseller a = fixtures.reseller("reset");
        Fixtures.Reseller b = fixtures.reseller("reset-other");
        resets.requestReset(a.tenantId(), a.customerEmail(), Locale.ENGLISH, "10.4.0.1");
        MimeMessage mail = lastMailTo(a.customerEmail());
        assertEquals("support@" + a.host(), ((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getAddress());
        assertTrue(mail.getHeader("Message-ID")[0].endsWith("@" + a.host() + ">"), mail.getHeader("Message-ID")[0]);
        String token = token(mail);

        assertFalse(resets.isUsable(b.tenantId(), token), "a token is bound to its tenant");
        assertThrows(InvalidInputException.class,
                () -> resets.resetPassword(b.tenantId(), token, "another-password-9".toCharArray(), "10.4.0.1"));
        var tooShort = assertThrows(InvalidInputException.class,
                () -> resets.resetPassword(a.tenantId(), token, "short".toCharArray(), "10.4.0.1"));
        assertEquals("error.password.tooShort", tooShort.problems().get("password"));
        assertTrue(resets.isUsable(a.tenantId(), token), "a refused attempt does not use the token up");

        resets.resetPassword(a.tenantId(), token, "brand-new-password".toCharArray(), "10.4.0.1");
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), a.customerEmail(), "brand-new-password".toCharArray(), "10.4.0.1"));
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.4.0.1"));
        var reused = assertThrows(InvalidInputException.class,
                () -> resets.resetPassword(a.tenantId(), token, "third-password-00".toCharArray(), "10.4.0.1"));
        assertEquals("error.reset.invalid", reused.problems().get("token"));
    }

    @Test
    void anExpiredResetLinkIsRefused() throws Exception {
        Fixtures.Reseller a = fixtures.reseller("expiry");
        resets.requestReset(a.tenantId(), a.customerEmail(), Locale.ENGLISH, "10.5.0.1");
        String token = token(lastMailTo(a.customerEmail()));
        tx.begin();
        em.createQuery("update OneTimeToken t set t.expiresAt = :past where t.tenantId = :t")
                .setParameter("past", Instant.now().minusSeconds(1)).setParameter("t", a.tenantId()).executeUpdate();
        tx.commit();
        assertFalse(resets.isUsable(a.tenantId(), token));
        assertThrows(InvalidInputException.class,
                () -> resets.resetPassword(a.tenantId(), token, "brand-new-password".toCharArray(), "10.5.0.1"));
        assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.signIn(a.tenantId(), a.customerEmail(), Fixtures.PASSWORD.toCharArray(), "10.5.0.1"),
                "the old password still works");
    }

    @Test
    void anUnknownAddressGetsNoMailAndTheSameAnswer() {
        Fixtures.Reseller a = fixtures.reseller("nobody");
        resets.requestReset(a.tenantId(), "nobody@" + a.host(), Locale.ENGLISH, "10.6.0.1");
        long mails = em.createQuery("select count(m) from OutboxMail m where m.tenantId = :t", Long.class)
                .setParameter("t", a.tenantId()).getSingleResult();
        assertEquals(0, mails);
    }

    @Test
    void theSecondFactorIsRequiredAndItsCodeCannotBeReplayed() {
        Fixtures.Reseller a = fixtures.reseller("totp");
        var enrolment = profiles.startTotp(a.admin());
        profiles.confirmTotp(a.admin(), Totp.code(enrolment.secret(), Instant.now().getEpochSecond() - 30));
        var needed = assertInstanceOf(SignInOutcome.SecondFactorNeeded.class,
                auth.signIn(a.tenantId(), a.adminEmail(), Fixtures.PASSWORD.toCharArray(), "10.7.0.1"));
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.completeSecondFactor(a.tenantId(), needed.challenge(), "000000".equals(code(enrolment)) ? "111111" : "000000", "10.7.0.1"));
        String code = code(enrolment);
        var signedIn = assertInstanceOf(SignInOutcome.SignedIn.class,
                auth.completeSecondFactor(a.tenantId(), needed.challenge(), code, "10.7.0.1"));
        assertEquals(a.adminId(), signedIn.user().userId());
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.completeSecondFactor(a.tenantId(), needed.challenge(), code, "10.7.0.1"), "a challenge is single-use");
        var again = assertInstanceOf(SignInOutcome.SecondFactorNeeded.class,
                auth.signIn(a.tenantId(), a.adminEmail(), Fixtures.PASSWORD.toCharArray(), "10.7.0.1"));
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.completeSecondFactor(a.tenantId(), again.challenge(), code, "10.7.0.1"), "a code is single-use");
        Fixtures.Reseller other = fixtures.reseller("totp-other");
        assertInstanceOf(SignInOutcome.Refused.class,
                auth.completeSecondFactor(other.tenantId(), again.challenge(), code, "10.7.0.1"), "a challenge is bound to its tenant");
    }

    private static String code(ProfileService.TotpEnrolment enrolment) {
        return Totp.code(enrolment.secret(), Instant.now().getEpochSecond());
    }

    private MimeMessage lastMailTo(String recipient) throws Exception {
        List<byte[]> mimes = em.createQuery("select m.mime from OutboxMail m where m.recipient = :r order by m.id desc", byte[].class)
                .setParameter("r", recipient).setMaxResults(1).getResultList();
        assertEquals(1, mimes.size(), "a mail to " + recipient + " is in the outbox");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mimes.get(0)));
    }

    private static String token(MimeMessage mail) throws Exception {
        String raw = new String(mail.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        mail.writeTo(whole);
        String text = whole.toString(java.nio.charset.StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = RESET_LINK.matcher(text);
        assertTrue(link.find(), "the mail holds a reset link: " + raw.length() + " bytes");
        assertNotNull(link.group(1));
        return link.group(1);
    }
}
