package io.marque.portal.identity;

import java.time.Instant;

/** What a sign-in attempt came to. Failures carry no hint of whether the account exists. */
public sealed interface SignInOutcome {

    record SignedIn(SignedInUser user) implements SignInOutcome {
    }

    /** Password accepted; the user must now give its authenticator code with this challenge. */
    record SecondFactorNeeded(String challenge) implements SignInOutcome {
    }

    /** {@code retryAfter} is set when sign-in is locked for the account or the client address. */
    record Refused(Instant retryAfter) implements SignInOutcome {
        public boolean locked() {
            return retryAfter != null;
        }
    }
}
