package io.marque.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogoPolicyTest {

  private static final String UNSUPPORTED = "error.logo.type";

  private final LogoPolicy policy = new LogoPolicy();

  // --- accepted formats ----------------------------------------------------------------------

  @Test
  void acceptsPngWithItsDimensions() {
    assertEquals(
        new LogoPolicy.Accepted("image/png", 120, 40),
        policy.check(image("png", 120, 40), "logo.png"));
  }

  @Test
  void acceptsJpegWithItsDimensions() {
    assertEquals(
        new LogoPolicy.Accepted("image/jpeg", 64, 32),
        policy.check(image("jpeg", 64, 32), "Logo.JPG"));
    assertEquals(
        new LogoPolicy.Accepted("image/jpeg", 64, 32),
        policy.check(image("jpeg", 64, 32), "logo.jpeg"));
  }

  @Test
  void acceptsGifWithItsDimensions() {
    assertEquals(
        new LogoPolicy.Accepted("image/gif", 10, 20), policy.check(image("gif", 10, 20), "a.gif"));
  }

  @Test
  void acceptsLossyWebp() {
    assertEquals(
        new LogoPolicy.Accepted("image/webp", 300, 120),
        policy.check(webpLossy(300, 120), "l.webp"));
  }

  @Test
  void acceptsLosslessWebp() {
    assertEquals(
        new LogoPolicy.Accepted("image/webp", 2000, 1),
        policy.check(webpLossless(2000, 1), "l.webp"));
  }

  @Test
  void acceptsExtendedWebp() {
    assertEquals(
        new LogoPolicy.Accepted("image/webp", 640, 2000),
        policy.check(webpExtended(640, 2000), "l.WEBP"));
  }

  @Test
  void typeComesFromContentWhenTheNameHasNoExtension() {
    assertEquals("image/png", policy.check(image("png", 5, 5), "logo").contentType());
    assertEquals("image/gif", policy.check(image("gif", 5, 5), null).contentType());
    assertEquals("image/png", policy.check(image("png", 5, 5), "C:\\my.files\\logo").contentType());
  }

  @Test
  void acceptsTheLargestAllowedSides() {
    assertEquals(
        new LogoPolicy.Accepted("image/png", 2000, 2000),
        policy.check(image("png", 2000, 2000), "big.png"));
  }

  @Test
  void acceptsAFileOfExactlyTheMaximumSize() {
    byte[] png = image("png", 10, 10);
    byte[] padded = Arrays.copyOf(png, LogoPolicy.MAX_BYTES);
    assertEquals(new LogoPolicy.Accepted("image/png", 10, 10), policy.check(padded, "logo.png"));
  }

  // --- size limits ---------------------------------------------------------------------------

  @Test
  void rejectsEmptyFiles() {
    assertMessage("error.logo.empty", new byte[0], "logo.png");
    assertMessage("error.logo.empty", null, "logo.png");
  }

  @Test
  void rejectsFilesOverTheLimitGivingTheLimit() {
    byte[] png = image("png", 10, 10);
    byte[] tooBig = Arrays.copyOf(png, LogoPolicy.MAX_BYTES + 1);
    assertMessage("error.logo.tooLarge", tooBig, "logo.png");
  }

  @Test
  void rejectsImagesWiderThanTheLimit() {
    assertMessage(
        "error.logo.dimensions",
        image("png", 2100, 10),
        "wide.png");
  }

  @Test
  void rejectsImagesTallerThanTheLimitInEveryFormat() {
    assertMessage(
        "error.logo.dimensions",
        image("gif", 10, 2001),
        null);
    assertMessage(
        "error.logo.dimensions",
        image("jpeg", 8, 2400),
        null);
    assertMessage(
        "error.logo.dimensions",
        webpLossy(16383, 16383),
        null);
    assertMessage(
        "error.logo.dimensions",
        webpLossless(2001, 1),
        null);
    assertMessage(
        "error.logo.dimensions",
        webpExtended(16777216, 3),
        null);
  }

  // --- wrong types ---------------------------------------------------------------------------

  @Test
  void rejectsSvgEvenWithScript() {
    byte[] svg =
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(document.cookie)</script></svg>")
            .getBytes(StandardCharsets.UTF_8);
    assertMessage(UNSUPPORTED, svg, "logo.svg");
    assertMessage(UNSUPPORTED, svg, "logo.png");
    assertMessage(UNSUPPORTED, svg, null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE html><html><script>alert(1)</script>",
        "<?xml version=\"1.0\"?><svg/>",
        "%PDF-1.7",
        "BM6\u0000\u0000\u0000",
        "RIFF\u0000\u0000\u0000\u0000WAVEfmt ",
        "GIF86a",
      })
  void rejectsOtherContent(String content) {
    assertMessage(UNSUPPORTED, content.getBytes(StandardCharsets.ISO_8859_1), "logo");
  }

  @Test
  void rejectsContentThatContradictsTheExtension() {
    assertMessage("error.logo.mismatch", image("jpeg", 8, 8), "logo.png");
    assertMessage("error.logo.mismatch", image("png", 8, 8), "logo.jpg");
    assertMessage("error.logo.mismatch", webpLossless(8, 8), "logo.gif");
    assertMessage("error.logo.mismatch", image("gif", 8, 8), "logo.webp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"logo.svg", "logo.html", "logo.png.html", "logo.exe", "logo.", "a.bmp"})
  void rejectsNamesWithOtherExtensionsEvenForValidImages(String name) {
    assertMessage(UNSUPPORTED, image("png", 8, 8), name);
  }

  // --- damaged files -------------------------------------------------------------------------

  @Test
  void rejectsTruncatedPng() {
    byte[] truncated = Arrays.copyOf(image("png", 50, 50), 20);
    assertMessage("error.logo.unreadable", truncated,
        "logo.png");
  }

  @Test
  void rejectsTruncatedJpeg() {
    byte[] truncated = Arrays.copyOf(image("jpeg", 50, 50), 4);
    assertMessage("error.logo.unreadable", truncated,
        "logo.jpg");
  }

  @Test
  void rejectsTruncatedGif() {
    byte[] truncated = Arrays.copyOf(image("gif", 50, 50), 7);
    assertMessage("error.logo.unreadable", truncated,
        "logo.gif");
  }

  @Test
  void rejectsPngSignatureFollowedByGarbage() {
    byte[] fake = Arrays.copyOf(image("png", 8, 8), 200);
    Arrays.fill(fake, 8, fake.length, (byte) 'x');
    assertMessage("error.logo.unreadable", fake, null);
  }

  @Test
  void rejectsTruncatedWebp() {
    byte[] whole = webpLossy(100, 100);
    assertMessage("error.logo.unreadable",
        Arrays.copyOf(whole, 26), null);
    assertMessage("error.logo.unreadable",
        Arrays.copyOf(whole, whole.length - 1), null);
  }

  @Test
  void rejectsWebpWithBrokenHeaders() {
    String damaged = "error.logo.unreadable";

    byte[] lossyWithoutStartCode = webpLossy(100, 100);
    lossyWithoutStartCode[23] = 0;
    assertMessage(damaged, lossyWithoutStartCode, null);

    byte[] losslessWithoutSignature = webpLossless(100, 100);
    losslessWithoutSignature[20] = 0;
    assertMessage(damaged, losslessWithoutSignature, null);

    byte[] unknownChunk = webpLossless(100, 100);
    unknownChunk[15] = 'Q';
    assertMessage(damaged, unknownChunk, null);

    byte[] zeroWidth = webpLossy(0, 100);
    assertMessage(damaged, zeroWidth, null);
  }

  // --- helpers -------------------------------------------------------------------------------

  private void assertMessage(String expected, byte[] data, String fileName) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> policy.check(data, fileName));
    assertEquals(expected, e.getMessage());
  }

  private static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width / 2 + 1, height / 2 + 1);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!javax.imageio.ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A RIFF/WEBP container holding one chunk with the given payload. */
  private static byte[] webp(String chunkType, byte[] payload) {
    int padded = payload.length + (payload.length & 1);
    ByteBuffer b = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + padded);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put(chunkType.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length);
    b.put(payload);
    return b.array();
  }

  /** Key frame header of a lossy (VP8) bitstream, followed by some dummy data. */
  private static byte[] webpLossy(int width, int height) {
    ByteBuffer p = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    p.put(new byte[] {0x10, 0x02, 0x00}); // frame tag: key frame, version 0, shown
    p.put(new byte[] {(byte) 0x9D, 0x01, 0x2A}); // start code
    p.putShort((short) width).putShort((short) height); // scale bits 0
    return webp("VP8 ", p.array());
  }

  /** Header of a lossless (VP8L) bitstream: signature, then 14-bit width-1 and height-1. */
  private static byte[] webpLossless(int width, int height) {
    ByteBuffer p = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    p.put((byte) 0x2F).putInt((width - 1) | ((height - 1) << 14));
    return webp("VP8L", p.array());
  }

  /** Extended format (VP8X) header: flags, reserved, 24-bit canvas width-1 and height-1. */
  private static byte[] webpExtended(int width, int height) {
    byte[] p = new byte[10];
    p[0] = 0x10; // alpha flag
    put24(p, 4, width - 1);
    put24(p, 7, height - 1);
    return webp("VP8X", p);
  }

  private static void put24(byte[] target, int offset, int value) {
    target[offset] = (byte) value;
    target[offset + 1] = (byte) (value >> 8);
    target[offset + 2] = (byte) (value >> 16);
  }
}
