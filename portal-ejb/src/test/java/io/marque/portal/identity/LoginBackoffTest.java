package io.marque.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginBackoffTest {

  private static final Instant LAST_FAILURE = Instant.parse("2025-03-01T12:00:00Z");

  private final LoginBackoff standard = LoginBackoff.standard();

  @ParameterizedTest
  @CsvSource({"0", "1", "2", "3", "4"})
  void firstFiveFailuresAreFree(int failures) {
    assertEquals(Optional.empty(), standard.lockedUntil(failures, LAST_FAILURE));
  }

  @Test
  void freeFailuresNeedNoTimestamp() {
    assertEquals(Optional.empty(), standard.lockedUntil(4, null));
  }

  @ParameterizedTest
  @CsvSource({
    "5, 30",
    "6, 60",
    "7, 120",
    "8, 240",
    "9, 480",
    "10, 900", // 960 s capped at 15 minutes
    "11, 900",
    "20, 900",
  })
  void standardLockDoublesFromThirtySecondsUpToFifteenMinutes(int failures, long seconds) {
    assertEquals(
        Optional.of(LAST_FAILURE.plusSeconds(seconds)),
        standard.lockedUntil(failures, LAST_FAILURE));
  }

  @ParameterizedTest
  @CsvSource({"31", "32", "33", "62", "63", "64", "65", "1000", "2147483647"})
  void hugeFailureCountsStayAtTheCapInsteadOfOverflowing(int failures) {
    assertEquals(
        Optional.of(LAST_FAILURE.plus(Duration.ofMinutes(15))),
        standard.lockedUntil(failures, LAST_FAILURE));
  }

  @Test
  void capIsExactEvenWhenNotAPowerOfTwoOfTheFirstLock() {
    LoginBackoff rule = new LoginBackoff(1, Duration.ofMillis(7), Duration.ofMillis(100));

    assertEquals(Optional.of(LAST_FAILURE.plusMillis(7)), rule.lockedUntil(1, LAST_FAILURE));
    assertEquals(Optional.of(LAST_FAILURE.plusMillis(56)), rule.lockedUntil(4, LAST_FAILURE));
    assertEquals(Optional.of(LAST_FAILURE.plusMillis(100)), rule.lockedUntil(5, LAST_FAILURE));
  }

  @Test
  void veryLargeCapsDoNotOverflowDuration() {
    Duration millennium = Duration.ofDays(365_000);
    LoginBackoff rule = new LoginBackoff(1, Duration.ofNanos(1), millennium);

    assertEquals(Optional.of(Instant.EPOCH.plus(millennium)),
        rule.lockedUntil(Integer.MAX_VALUE, Instant.EPOCH));
    assertEquals(
        Optional.of(Instant.EPOCH.plusNanos(1L << 40)), rule.lockedUntil(41, Instant.EPOCH));
  }

  @Test
  void customRuleCountsFromItsOwnFreeAttempts() {
    LoginBackoff rule = new LoginBackoff(3, Duration.ofSeconds(10), Duration.ofHours(1));

    assertTrue(rule.lockedUntil(2, LAST_FAILURE).isEmpty());
    assertEquals(Optional.of(LAST_FAILURE.plusSeconds(10)), rule.lockedUntil(3, LAST_FAILURE));
    assertEquals(Optional.of(LAST_FAILURE.plusSeconds(40)), rule.lockedUntil(5, LAST_FAILURE));
  }

  @Test
  void firstLockEqualToCapNeverGrows() {
    LoginBackoff rule = new LoginBackoff(1, Duration.ofMinutes(5), Duration.ofMinutes(5));
    assertEquals(Optional.of(LAST_FAILURE.plus(Duration.ofMinutes(5))),
        rule.lockedUntil(10, LAST_FAILURE));
  }

  @Test
  void lockRequiresTheTimeOfTheLastFailure() {
    assertThrows(NullPointerException.class, () -> standard.lockedUntil(5, null));
  }

  @Test
  void negativeFailureCountIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> standard.lockedUntil(-1, LAST_FAILURE));
  }

  @Test
  void constructorRejectsNonsense() {
    Duration s = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new LoginBackoff(0, s, s));
    assertThrows(IllegalArgumentException.class, () -> new LoginBackoff(1, Duration.ZERO, s));
    assertThrows(IllegalArgumentException.class, () -> new LoginBackoff(1, s.negated(), s));
    assertThrows(
        IllegalArgumentException.class, () -> new LoginBackoff(1, s, Duration.ofMillis(999)));
    assertThrows(NullPointerException.class, () -> new LoginBackoff(1, null, s));
    assertThrows(NullPointerException.class, () -> new LoginBackoff(1, s, null));
  }
}
