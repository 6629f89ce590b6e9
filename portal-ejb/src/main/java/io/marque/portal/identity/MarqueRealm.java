package io.marque.portal.identity;

import jakarta.enterprise.inject.spi.CDI;
import java.util.stream.Collectors;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.ExcessiveAttemptsException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;

/**
 * Shiro's view of Marque's users. The {@link AuthenticationService} does the real work (password,
 * second factor, lockout, audit); the realm turns its outcome into Shiro's terms, so Shiro keeps
 * the session and guards the URLs while the rules stay in one testable service.
 */
public class MarqueRealm extends AuthorizingRealm {

    /** Thrown when the password was right and an authenticator code is now needed. */
    public static class SecondFactorRequired extends AuthenticationException {
        private final String challenge;

        public SecondFactorRequired(String challenge) {
            super("second factor required");
            this.challenge = challenge;
        }

        public String challenge() {
            return challenge;
        }
    }

    /** Thrown when sign-in is locked; carries when to try again. */
    public static class Locked extends ExcessiveAttemptsException {
        private final java.time.Instant retryAfter;

        public Locked(java.time.Instant retryAfter) {
            super("locked");
            this.retryAfter = retryAfter;
        }

        public java.time.Instant retryAfter() {
            return retryAfter;
        }
    }

    public MarqueRealm() {
        setCredentialsMatcher(new AllowAllCredentialsMatcher());
        setAuthenticationTokenClass(TenantLoginToken.class);
        setCachingEnabled(false);
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        TenantLoginToken login = (TenantLoginToken) token;
        AuthenticationService service = CDI.current().select(AuthenticationService.class).get();
        SignInOutcome outcome = login.challenge() != null
                ? service.completeSecondFactor(login.tenantId(), login.challenge(), login.code(), login.getHost())
                : service.signIn(login.tenantId(), login.email(), login.password(), login.getHost());
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            return new SimpleAuthenticationInfo(signedIn.user(), "", getName());
        }
        if (outcome instanceof SignInOutcome.SecondFactorNeeded needed) {
            throw new SecondFactorRequired(needed.challenge());
        }
        SignInOutcome.Refused refused = (SignInOutcome.Refused) outcome;
        if (refused.locked()) {
            throw new Locked(refused.retryAfter());
        }
        throw new IncorrectCredentialsException("sign-in refused");
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        SignedInUser user = principals.oneByType(SignedInUser.class);
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        if (user != null) {
            info.setRoles(user.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        }
        return info;
    }
}
