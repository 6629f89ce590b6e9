package io.marque.portal.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  /** Cheap parameters, so most tests run fast; the format is the same as with the defaults. */
  private final PasswordHasher cheap = new PasswordHasher(256, 1, 1);

  /** From the Argon2 reference implementation's tests (phc-winner-argon2, src/test.c). */
  private static final String REFERENCE =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([^$]+)\\$([^$]+)");

  @Test
  void defaultHashHasPhcFormatWithDefaultParametersAnd16ByteSaltAnd32ByteHash() {
    String phc = new PasswordHasher().hash("correct horse".toCharArray());

    Matcher m = PHC.matcher(phc);
    assertTrue(m.matches(), phc);
    assertEquals("19456", m.group(1));
    assertEquals("2", m.group(2));
    assertEquals("1", m.group(3));
    assertFalse(m.group(4).contains("="), "no padding");
    assertFalse(m.group(5).contains("="), "no padding");
    assertEquals(16, Base64.getDecoder().decode(m.group(4)).length);
    assertEquals(32, Base64.getDecoder().decode(m.group(5)).length);
  }

  @Test
  void defaultHasherVerifiesItsOwnHashAndDoesNotNeedRehash() {
    PasswordHasher hasher = new PasswordHasher();
    String phc = hasher.hash("correct horse".toCharArray());

    assertTrue(hasher.verify("correct horse".toCharArray(), phc));
    assertFalse(hasher.verify("correct horsE".toCharArray(), phc));
    assertFalse(hasher.needsRehash(phc));
  }

  @Test
  void verifiesTheReferenceImplementationsVector() {
    assertTrue(cheap.verify("password".toCharArray(), REFERENCE));
    assertFalse(cheap.verify("passwore".toCharArray(), REFERENCE));
  }

  @Test
  void sameExplicitParametersProduceTheExpectedPrefix() {
    String phc = new PasswordHasher(1024, 3, 2).hash("x".toCharArray());
    assertTrue(phc.startsWith("$argon2id$v=19$m=1024,t=3,p=2$"), phc);
  }

  @Test
  void saltIsRandomSoEqualPasswordsGiveDifferentHashes() {
    String first = cheap.hash("secret".toCharArray());
    String second = cheap.hash("secret".toCharArray());

    assertNotEquals(first, second);
    assertTrue(cheap.verify("secret".toCharArray(), first));
    assertTrue(cheap.verify("secret".toCharArray(), second));
  }

  @Test
  void nonAsciiPasswordsAreHashedAsUtf8AndDistinguished() {
    String phc = cheap.hash("pässwörd €".toCharArray());

    assertTrue(cheap.verify("pässwörd €".toCharArray(), phc));
    assertFalse(cheap.verify("passwörd €".toCharArray(), phc));
    assertFalse(cheap.verify("pässwörd ".toCharArray(), phc));
  }

  @Test
  void emptyPasswordIsHashableButDistinctFromOthers() {
    String phc = cheap.hash(new char[0]);
    assertTrue(cheap.verify(new char[0], phc));
    assertFalse(cheap.verify(" ".toCharArray(), phc));
  }

  @Test
  void hashDoesNotModifyThePasswordArray() {
    char[] password = "keep me".toCharArray();
    cheap.hash(password);
    assertEquals("keep me", new String(password));
  }

  @Test
  void hashesWithOtherParametersStillVerifyButNeedRehash() {
    PasswordHasher current = new PasswordHasher(512, 2, 1);
    String old = cheap.hash("legacy".toCharArray());

    assertTrue(current.verify("legacy".toCharArray(), old));
    assertFalse(current.verify("Legacy".toCharArray(), old));
    assertTrue(current.needsRehash(old));
    assertFalse(cheap.needsRehash(old));
  }

  @Test
  void needsRehashWhenAnySingleParameterDiffers() {
    PasswordHasher base = new PasswordHasher(256, 2, 2);
    String phc = base.hash("x".toCharArray());

    assertFalse(base.needsRehash(phc));
    assertTrue(new PasswordHasher(512, 2, 2).needsRehash(phc));
    assertTrue(new PasswordHasher(256, 3, 2).needsRehash(phc));
    assertTrue(new PasswordHasher(256, 2, 1).needsRehash(phc));
  }

  @Test
  void needsRehashWhenSaltOrHashLengthDiffersFromOurs() {
    // The reference vector has an 8-byte salt; the cost parameters match, only the length differs.
    assertTrue(new PasswordHasher(65536, 2, 1).needsRehash(REFERENCE));
  }

  @Test
  void tamperedHashDoesNotVerify() {
    String phc = cheap.hash("secret".toCharArray());
    // not the last character: its low bits are base64 padding that a decoder may ignore
    int at = phc.length() - 5;
    char flipped = phc.charAt(at) == 'A' ? 'B' : 'A';
    String tampered = phc.substring(0, at) + flipped + phc.substring(at + 1);

    assertFalse(cheap.verify("secret".toCharArray(), tampered));
  }

  @Test
  void changedStoredParametersDoNotVerify() {
    String phc = cheap.hash("secret".toCharArray());
    String otherCost = phc.replace("m=256,t=1,p=1", "m=256,t=2,p=1");

    assertFalse(cheap.verify("secret".toCharArray(), otherCost));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain text",
        "$argon2id$",
        // wrong variant and version
        "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        // missing hash, extra field, trailing garbage
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$x",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc ",
        // parameters out of range: zero, absurd memory, memory below 8 KiB per lane
        "$argon2id$v=19$m=65536,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=2,p=0$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=8,t=2,p=4$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=99999999999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        // parameters reordered
        "$argon2id$v=19$t=2,m=65536,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        // not Base64, padded, impossible length, salt too short
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRP!c",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ=$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRP",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      })
  void malformedStringsAreRejectedWithoutThrowing(String phc) {
    assertFalse(cheap.verify("password".toCharArray(), phc));
    assertTrue(cheap.needsRehash(phc));
  }

  @Test
  void nullsAreRejectedWithoutThrowing() {
    assertFalse(cheap.verify("password".toCharArray(), null));
    assertFalse(cheap.verify(null, REFERENCE));
    assertTrue(cheap.needsRehash(null));
  }

  @Test
  void hashRequiresAPassword() {
    assertThrows(NullPointerException.class, () -> cheap.hash(null));
  }

  @Test
  void constructorRejectsParametersArgon2CannotUse() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(256, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(256, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(8, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(-1, 1, 1));
  }

  @Test
  void burnAcceptsAnyInput() {
    assertDoesNotThrow(() -> cheap.burn("anything".toCharArray()));
    assertDoesNotThrow(() -> cheap.burn(new char[0]));
    assertDoesNotThrow(() -> cheap.burn(null));
  }

  @Test
  void burnCostsAboutAsMuchAsVerify() {
    // Costly enough that the hash dominates, so the comparison is not noise.
    PasswordHasher hasher = new PasswordHasher(32768, 2, 1);
    String phc = hasher.hash("secret".toCharArray());
    char[] attempt = "wrong".toCharArray();
    for (int i = 0; i < 2; i++) {
      hasher.verify(attempt, phc);
      hasher.burn(attempt);
    }

    long verify = Long.MAX_VALUE;
    long burn = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      hasher.verify(attempt, phc);
      verify = Math.min(verify, System.nanoTime() - start);
      start = System.nanoTime();
      hasher.burn(attempt);
      burn = Math.min(burn, System.nanoTime() - start);
    }

    assertTrue(burn > verify / 3, "burn " + burn + " ns vs verify " + verify + " ns");
    assertTrue(burn < verify * 3, "burn " + burn + " ns vs verify " + verify + " ns");
  }
}
