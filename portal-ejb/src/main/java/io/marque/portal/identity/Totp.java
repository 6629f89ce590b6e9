package io.marque.portal.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) with the parameters every authenticator app supports:
 * HMAC-SHA1, 6 digits, 30-second steps.
 *
 * <p>Verification accepts the previous, current and next step, so a phone clock that is off by up
 * to about 30 seconds still works. {@link #matchingStep} returns the step that matched; the caller
 * stores the last accepted step per user and refuses a code for the same or an earlier step, which
 * is what stops an observed code from being replayed within its window.
 *
 * <pre>{@code
 * String secret = Totp.newSecret();                 // store it, show Totp.otpauthUri(...) as QR
 * OptionalLong step = Totp.matchingStep(secret, typedCode, clock.instant().getEpochSecond());
 * boolean ok = step.isPresent() && step.getAsLong() > user.getLastTotpStep();
 * }</pre>
 */
public final class Totp {

  /** Seconds per time step. */
  public static final int PERIOD_SECONDS = 30;

  /** Digits per code. */
  public static final int DIGITS = 6;

  private static final int SECRET_BYTES = 20;
  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]+");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /**
   * Creates a new shared secret.
   *
   * @return 20 random bytes (the RFC 4226 recommended length) as upper-case Base32 without padding
   */
  public static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return new Base32().encodeAsString(secret).replace("=", "");
  }

  /**
   * Returns the time step an instant falls in.
   *
   * @param epochSecond seconds since the Unix epoch
   * @return {@code floor(epochSecond / 30)}
   */
  public static long step(long epochSecond) {
    return Math.floorDiv(epochSecond, PERIOD_SECONDS);
  }

  /**
   * Computes the code for the step containing an instant.
   *
   * @param base32Secret the shared secret in Base32; case, spaces and padding are ignored
   * @param epochSecond seconds since the Unix epoch
   * @return the six-digit code, with leading zeros
   * @throws IllegalArgumentException if the secret is null, empty or not Base32
   */
  public static String code(String base32Secret, long epochSecond) {
    return codeForStep(decodeSecret(base32Secret), step(epochSecond));
  }

  /**
   * Checks a code typed by the user, allowing one step of clock drift either way.
   *
   * @param base32Secret the shared secret in Base32
   * @param code the code as typed; must be exactly six ASCII digits
   * @param epochSecond the current time in seconds since the Unix epoch
   * @return whether the code matches step −1, 0 or +1; {@code false} for null or malformed codes
   * @throws IllegalArgumentException if the secret is null, empty or not Base32
   */
  public static boolean verify(String base32Secret, String code, long epochSecond) {
    return matchingStep(base32Secret, code, epochSecond).isPresent();
  }

  /**
   * Like {@link #verify}, but returns the time step the code belongs to, so the caller can refuse
   * a second use of the same step.
   *
   * @param secret the shared secret in Base32
   * @param code the code as typed; must be exactly six ASCII digits
   * @param epochSecond the current time in seconds since the Unix epoch
   * @return the matched step, or empty if none of the three steps matches
   * @throws IllegalArgumentException if the secret is null, empty or not Base32
   */
  public static OptionalLong matchingStep(String secret, String code, long epochSecond) {
    byte[] key = decodeSecret(secret);
    if (code == null || !SIX_DIGITS.matcher(code).matches()) {
      return OptionalLong.empty();
    }
    byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
    long now = step(epochSecond);
    // All three candidates are computed and compared, so timing does not reveal which one matched.
    long matched = Long.MIN_VALUE;
    for (long candidate = now + 1; candidate >= now - 1; candidate--) {
      byte[] expected = codeForStep(key, candidate).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, typed)) {
        matched = candidate;
      }
    }
    return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /**
   * Builds the Key URI that authenticator apps read from a QR code.
   *
   * @param issuer the service name shown in the app, for example the reseller's brand
   * @param account the account name shown in the app, usually the e-mail address
   * @param secret the shared secret in Base32
   * @return {@code otpauth://totp/<issuer>:<account>?secret=…&issuer=…&digits=6&period=30}, with
   *     issuer and account percent-encoded
   */
  public static String otpauthUri(String issuer, String account, String secret) {
    return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
        + "?secret=" + encode(normaliseSecret(secret))
        + "&issuer=" + encode(issuer)
        + "&digits=" + DIGITS
        + "&period=" + PERIOD_SECONDS;
  }

  private static String codeForStep(byte[] key, long step) {
    byte[] counter = new byte[8];
    for (int i = 7; i >= 0; i--) {
      counter[i] = (byte) step;
      step >>>= 8;
    }
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance("HmacSHA1");
      hmac.init(new SecretKeySpec(key, "HmacSHA1"));
      mac = hmac.doFinal(counter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
    }
    int offset = mac[mac.length - 1] & 0x0f;
    int binary = ((mac[offset] & 0x7f) << 24)
        | ((mac[offset + 1] & 0xff) << 16)
        | ((mac[offset + 2] & 0xff) << 8)
        | (mac[offset + 3] & 0xff);
    return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
  }

  private static byte[] decodeSecret(String base32Secret) {
    byte[] key = new Base32().decode(normaliseSecret(base32Secret));
    if (key.length == 0) {
      throw new IllegalArgumentException("The TOTP secret is too short.");
    }
    return key;
  }

  /** Upper-cases and drops spaces and padding; rejects anything commons-codec would skip. */
  private static String normaliseSecret(String base32Secret) {
    if (base32Secret == null) {
      throw new IllegalArgumentException("The TOTP secret is missing.");
    }
    String s = base32Secret.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    if (!BASE32.matcher(s).matches()) {
      throw new IllegalArgumentException("The TOTP secret is not Base32.");
    }
    return s;
  }

  private static String encode(String value) {
    if (value == null) {
      throw new IllegalArgumentException("Issuer, account and secret are required.");
    }
    // URLEncoder does form encoding; a URI needs %20 rather than '+' for spaces.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
