package io.marque.portal.identity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id, storing everything needed to verify in one PHC
 * string such as {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
 *
 * <p>Argon2id is memory-hard, so a stolen password table is expensive to attack on GPUs; the
 * defaults (19 MiB, 2 passes, 1 lane) are the OWASP minimum and cost tens of milliseconds per
 * login. Because the parameters travel inside each stored string, they can be raised later without
 * invalidating old hashes: {@link #verify} honours the stored parameters and {@link #needsRehash}
 * tells the caller to store a fresh hash after a successful login.
 *
 * <pre>{@code
 * PasswordHasher hasher = new PasswordHasher();
 * String phc = hasher.hash(password);
 * if (hasher.verify(attempt, phc) && hasher.needsRehash(phc)) {
 *   user.setPasswordHash(hasher.hash(attempt));
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  // Bounds on parameters read from a stored string, so a corrupted or hostile row cannot make
  // one verification allocate gigabytes or spin for minutes.
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 64;
  private static final int MAX_PARALLELISM = 16;
  private static final int MIN_SALT_BYTES = 8;
  private static final int MIN_HASH_BYTES = 16;
  private static final int MAX_HASH_BYTES = 64;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})"
              + "\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");

  /** Salt for {@link #burn}; its value does not matter, only that the work is the same. */
  private static final byte[] BURN_SALT = new byte[SALT_BYTES];

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;

  /** Creates a hasher with the OWASP-recommended minimum: m=19456 KiB, t=2, p=1. */
  public PasswordHasher() {
    this(19456, 2, 1);
  }

  /**
   * Creates a hasher with explicit cost parameters for new hashes.
   *
   * @param memoryKiB memory per hash in KiB; at least {@code 8 * parallelism}
   * @param iterations number of passes over memory; at least 1
   * @param parallelism number of lanes; at least 1
   * @throws IllegalArgumentException if a parameter is outside the range Argon2 or this class
   *     accepts
   */
  public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Parallelism must be between 1 and " + MAX_PARALLELISM + ", was " + parallelism + ".");
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "Iterations must be between 1 and " + MAX_ITERATIONS + ", was " + iterations + ".");
    }
    if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Memory must be between 8 KiB per lane and " + MAX_MEMORY_KIB + " KiB, was "
              + memoryKiB + ".");
    }
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /**
   * Hashes a password with a fresh random salt.
   *
   * @param password the password; not modified, the caller may wipe it afterwards
   * @return the PHC string to store
   */
  public String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKiB, iterations, parallelism, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
        + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /**
   * Checks a password against a stored PHC string, using the parameters recorded in that string.
   *
   * @param password the password attempt
   * @param phc the stored PHC string
   * @return whether the password matches; {@code false} for a null password or a malformed or
   *     unsupported string, never an exception
   */
  public boolean verify(char[] password, String phc) {
    if (password == null) {
      return false;
    }
    Stored stored = Stored.parse(phc);
    if (stored == null) {
      return false;
    }
    byte[] actual =
        derive(password, stored.salt, stored.memoryKiB, stored.iterations, stored.parallelism,
            stored.hash.length);
    return MessageDigest.isEqual(actual, stored.hash);
  }

  /**
   * Tells whether a stored hash was made with different parameters than this hasher's, so the
   * caller should replace it after the next successful {@link #verify}.
   *
   * @param phc the stored PHC string
   * @return {@code true} if the parameters or lengths differ, or if the string is malformed
   */
  public boolean needsRehash(String phc) {
    Stored stored = Stored.parse(phc);
    return stored == null
        || stored.memoryKiB != memoryKiB
        || stored.iterations != iterations
        || stored.parallelism != parallelism
        || stored.salt.length != SALT_BYTES
        || stored.hash.length != HASH_BYTES;
  }

  /**
   * Spends the same work as a {@link #verify} with this hasher's parameters, and discards the
   * result. Call it when the login name is unknown, so that the response time does not reveal
   * which accounts exist.
   *
   * @param password the password attempt (may be null)
   */
  public void burn(char[] password) {
    char[] input = password == null ? new char[0] : password;
    byte[] wasted = derive(input, BURN_SALT, memoryKiB, iterations, parallelism, HASH_BYTES);
    // Compare like verify does, so the two paths stay alike even in their last step.
    MessageDigest.isEqual(wasted, BURN_SALT);
  }

  private static byte[] derive(
      char[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  /** A parsed, range-checked PHC string; {@code null} from {@link #parse} when unusable. */
  private record Stored(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static Stored parse(String phc) {
      if (phc == null) {
        return null;
      }
      Matcher m = PHC.matcher(phc);
      if (!m.matches()) {
        return null;
      }
      int memory = Integer.parseInt(m.group(1));
      int iterations = Integer.parseInt(m.group(2));
      int parallelism = Integer.parseInt(m.group(3));
      if (parallelism < 1 || parallelism > MAX_PARALLELISM
          || iterations < 1 || iterations > MAX_ITERATIONS
          || memory < 8 * parallelism || memory > MAX_MEMORY_KIB) {
        return null;
      }
      byte[] salt;
      byte[] hash;
      try {
        salt = Base64.getDecoder().decode(m.group(4));
        hash = Base64.getDecoder().decode(m.group(5));
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (salt.length < MIN_SALT_BYTES
          || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
        return null;
      }
      return new Stored(memory, iterations, parallelism, salt, hash);
    }

  }
}
