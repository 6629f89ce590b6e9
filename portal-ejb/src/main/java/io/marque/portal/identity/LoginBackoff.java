package io.marque.portal.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule that slows down password guessing: after a number of free failed attempts, an account
 * is locked for a period that doubles with every further failure, up to a cap.
 *
 * <p>Doubling makes online guessing impractical within a few dozen attempts, while the cap keeps
 * an attacker from locking a real user out for long by failing on purpose. The rule is a pure
 * function of the failure count and the time of the last failure, so it is the same on every node
 * and needs only those two columns stored.
 *
 * <pre>{@code
 * Optional<Instant> until = backoff.lockedUntil(user.failures(), user.lastFailure());
 * if (until.isPresent() && until.get().isAfter(now)) { refuse(); }
 * }</pre>
 */
public final class LoginBackoff {

  private final int freeAttempts;
  private final Duration firstLock;
  private final Duration maxLock;

  /**
   * Creates a rule.
   *
   * @param freeAttempts how many attempts may fail in a row before the account is locked; once
   *     this many failures are recorded, the next attempt waits {@code firstLock}. At least 1
   * @param firstLock length of the first lock; positive
   * @param maxLock the longest lock; at least {@code firstLock}
   * @throws IllegalArgumentException if the values are out of range
   */
  public LoginBackoff(int freeAttempts, Duration firstLock, Duration maxLock) {
    Objects.requireNonNull(firstLock, "firstLock");
    Objects.requireNonNull(maxLock, "maxLock");
    if (freeAttempts < 1) {
      throw new IllegalArgumentException("Free attempts must be at least 1.");
    }
    if (firstLock.isNegative() || firstLock.isZero()) {
      throw new IllegalArgumentException("The first lock must be longer than zero.");
    }
    if (maxLock.compareTo(firstLock) < 0) {
      throw new IllegalArgumentException("The longest lock must not be shorter than the first.");
    }
    this.freeAttempts = freeAttempts;
    this.firstLock = firstLock;
    this.maxLock = maxLock;
  }

  /**
   * The portal's rule: five free attempts, then 30 seconds, doubling per further failure, at most
   * 15 minutes.
   *
   * @return the standard rule
   */
  public static LoginBackoff standard() {
    return new LoginBackoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
  }

  /**
   * Tells until when an account is locked.
   *
   * @param consecutiveFailures failed attempts since the last successful login
   * @param lastFailureAt when the last of them happened; may be null while no lock applies
   * @return empty while fewer than the free attempts have failed; otherwise {@code lastFailureAt +
   *     firstLock · 2^(consecutiveFailures − freeAttempts)}, at most {@code lastFailureAt +
   *     maxLock}. The caller compares it with the current time.
   * @throws IllegalArgumentException if {@code consecutiveFailures} is negative
   * @throws NullPointerException if a lock applies and {@code lastFailureAt} is null
   */
  public Optional<Instant> lockedUntil(int consecutiveFailures, Instant lastFailureAt) {
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("Failure count must not be negative.");
    }
    if (consecutiveFailures < freeAttempts) {
      return Optional.empty();
    }
    Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    return Optional.of(lastFailureAt.plus(lockFor(consecutiveFailures - freeAttempts)));
  }

  /** Doubles step by step and stops at the cap, so no count can overflow. */
  private Duration lockFor(int doublings) {
    Duration half = maxLock.dividedBy(2);
    Duration lock = firstLock;
    for (int i = 0; i < doublings && lock.compareTo(maxLock) < 0; i++) {
      lock = lock.compareTo(half) > 0 ? maxLock : lock.multipliedBy(2);
    }
    return lock;
  }
}
