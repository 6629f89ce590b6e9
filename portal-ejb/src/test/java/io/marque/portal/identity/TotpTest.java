package io.marque.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

  /** The RFC 6238 SHA-1 key, "12345678901234567890" in ASCII, as Base32. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void rfcSecretIsTheBase32OfTheAsciiKey() {
    byte[] ascii = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    assertEquals(RFC_SECRET, new Base32().encodeAsString(ascii));
  }

  /** RFC 6238 appendix B, SHA-1 column; our codes are the last six of the eight digits. */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130",
  })
  void matchesRfc6238TestVectors(long time, String eightDigits) {
    String expected = eightDigits.substring(2);
    assertEquals(expected, Totp.code(RFC_SECRET, time));
    assertTrue(Totp.verify(RFC_SECRET, expected, time));
  }

  @Test
  void codesKeepLeadingZeros() {
    assertEquals("081804", Totp.code(RFC_SECRET, 1111111109));
  }

  @Test
  void secretIsReadIgnoringCaseSpacesAndPadding() {
    String messy = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq====";
    assertEquals("287082", Totp.code(messy, 59));
  }

  @Test
  void codeIsConstantWithinAStepAndChangesAtItsBoundary() {
    assertEquals(Totp.code(RFC_SECRET, 1111111110), Totp.code(RFC_SECRET, 1111111139));
    assertNotEquals(Totp.code(RFC_SECRET, 1111111139), Totp.code(RFC_SECRET, 1111111140));
  }

  @Test
  void stepIsTheFloorOfThirtySecondIntervals() {
    assertEquals(0, Totp.step(0));
    assertEquals(0, Totp.step(29));
    assertEquals(1, Totp.step(30));
    assertEquals(1, Totp.step(59));
    assertEquals(37037037, Totp.step(1111111110));
    assertEquals(-1, Totp.step(-1));
  }

  @Test
  void acceptsOneStepOfDriftEitherWayButNotTwo() {
    long now = 1111111111; // step 37037037
    String previous = Totp.code(RFC_SECRET, now - 30);
    String current = Totp.code(RFC_SECRET, now);
    String next = Totp.code(RFC_SECRET, now + 30);

    assertTrue(Totp.verify(RFC_SECRET, previous, now));
    assertTrue(Totp.verify(RFC_SECRET, current, now));
    assertTrue(Totp.verify(RFC_SECRET, next, now));
    assertFalse(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now - 60), now));
    assertFalse(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now + 60), now));
  }

  @Test
  void matchingStepReportsWhichStepMatched() {
    long now = 1111111111;
    long step = Totp.step(now);

    assertEquals(OptionalLong.of(step - 1),
        Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 30), now));
    assertEquals(OptionalLong.of(step),
        Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now), now));
    assertEquals(OptionalLong.of(step + 1),
        Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 30), now));
    assertEquals(OptionalLong.empty(),
        Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 90), now));
  }

  @Test
  void sameCodeMapsToTheSameStepLaterInTheWindowSoReplayCanBeDetected() {
    String code = Totp.code(RFC_SECRET, 1111111111);
    OptionalLong first = Totp.matchingStep(RFC_SECRET, code, 1111111111);
    OptionalLong replay = Totp.matchingStep(RFC_SECRET, code, 1111111111 + 30);

    assertTrue(first.isPresent());
    assertEquals(first, replay);
  }

  @Test
  void wrongCodeIsRejected() {
    String right = Totp.code(RFC_SECRET, 59);
    String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
    assertFalse(Totp.verify(RFC_SECRET, wrong, 59));
  }

  @Test
  void codeFromAnotherSecretIsRejected() {
    String other = "JBSWY3DPEHPK3PXP";
    assertTrue(Totp.verify(other, Totp.code(other, 59), 59));
    assertFalse(Totp.verify(RFC_SECRET, Totp.code(other, 59), 59));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "28708", "2870822", "94287082", "28708a", " 287082", "287082 ",
      "287 082", "+87082", "-87082", "２８７０８２", "28708\n"})
  void rejectsAnythingButSixAsciiDigits(String code) {
    // "287082" is the valid code at t=59; every variant of it must still fail.
    assertFalse(Totp.verify(RFC_SECRET, code, 59));
    assertTrue(Totp.matchingStep(RFC_SECRET, code, 59).isEmpty());
  }

  @Test
  void rejectsNullCode() {
    assertFalse(Totp.verify(RFC_SECRET, null, 59));
  }

  @Test
  void invalidSecretIsAProgrammingErrorNotAWrongCode() {
    assertThrows(IllegalArgumentException.class, () -> Totp.code(null, 59));
    assertThrows(IllegalArgumentException.class, () -> Totp.code("", 59));
    assertThrows(IllegalArgumentException.class, () -> Totp.code("GEZDGNBV1", 59));
    assertThrows(IllegalArgumentException.class, () -> Totp.verify("not base32!", "287082", 59));
  }

  @Test
  void newSecretIs20RandomBytesInUnpaddedUpperCaseBase32() {
    String secret = Totp.newSecret();

    assertEquals(32, secret.length());
    assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
    assertEquals(20, new Base32().decode(secret).length);
    assertNotEquals(secret, Totp.newSecret());
  }

  @Test
  void newSecretWorksForCodes() {
    String secret = Totp.newSecret();
    String code = Totp.code(secret, 1_700_000_000L);
    assertTrue(code.matches("[0-9]{6}"));
    assertTrue(Totp.verify(secret, code, 1_700_000_000L));
  }

  @Test
  void otpauthUriEncodesLabelAndParameters() {
    String uri = Totp.otpauthUri("Acme Hosting & Co", "jane+test@example.com", "JBSWY3DPEHPK3PXP");

    assertEquals(
        "otpauth://totp/Acme%20Hosting%20%26%20Co:jane%2Btest%40example.com"
            + "?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Hosting%20%26%20Co&digits=6&period=30",
        uri);
  }

  @Test
  void otpauthUriIsAValidUriThatDecodesBackToTheInputs() {
    String uri = Totp.otpauthUri("Hôte Ünïcode?#", "a/b:c@example.com", RFC_SECRET);
    URI parsed = URI.create(uri);

    assertEquals("otpauth", parsed.getScheme());
    assertEquals("totp", parsed.getHost());
    assertEquals("/Hôte Ünïcode?#:a/b:c@example.com", parsed.getPath());
    assertEquals(
        "secret=" + RFC_SECRET + "&issuer=Hôte Ünïcode?#&digits=6&period=30",
        parsed.getQuery());
    assertEquals(null, parsed.getFragment());
  }

  @Test
  void otpauthUriNormalisesTheSecret() {
    String uri = Totp.otpauthUri("Acme", "jane", "jbsw y3dp ehpk 3pxp");
    assertTrue(uri.contains("?secret=JBSWY3DPEHPK3PXP&"), uri);
  }

  @Test
  void otpauthUriRequiresAllParts() {
    assertThrows(IllegalArgumentException.class, () -> Totp.otpauthUri(null, "a", RFC_SECRET));
    assertThrows(IllegalArgumentException.class, () -> Totp.otpauthUri("i", null, RFC_SECRET));
    assertThrows(IllegalArgumentException.class, () -> Totp.otpauthUri("i", "a", null));
  }
}
