package io.marque.portal.tenant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decides whether an uploaded file may become a reseller's logo.
 *
 * <p>Logos are served from the portal's own origin to every visitor of the reseller's site, so a
 * file that a browser could treat as HTML or SVG would let one tenant run script for another's
 * users. The type is therefore taken from the file's content, never from its name or declared
 * content type, and only raster formats that browsers cannot execute are allowed. A file name whose
 * extension claims another type is refused as well, so that a stored name can never promise a
 * different type than the bytes behind it. The size and pixel limits keep pages light and stop
 * decompression bombs.
 *
 * <p>Only image headers are read: PNG, JPEG and GIF through {@code javax.imageio}, WebP (which
 * the JDK cannot read) by parsing its small RIFF header here.
 */
public class LogoPolicy {

  /** The largest file accepted, in bytes. */
  public static final int MAX_BYTES = 512 * 1024;

  /** The longest side accepted, in pixels. */
  public static final int MAX_SIDE = 2000;

  /**
   * A logo that passed the checks.
   *
   * @param contentType the media type detected from the content, to be served with the file
   * @param width width in pixels
   * @param height height in pixels
   */
  public record Accepted(String contentType, int width, int height) {}

  private enum Format {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpeg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", null);

    final String contentType;
    final String imageIoName;

    Format(String contentType, String imageIoName) {
      this.contentType = contentType;
      this.imageIoName = imageIoName;
    }
  }

  private static final String UNSUPPORTED = "error.logo.type";

  /**
   * Checks an uploaded logo.
   *
   * @param data the file's bytes
   * @param declaredFileName the name the browser sent; may be null. If it has an extension, the
   *     extension must be one of png, jpg, jpeg, gif, webp and match the content
   * @return the detected content type and dimensions
   * @throws IllegalArgumentException with a message key (worded in the base theme's bundles) if the file is
   *     empty, too large, not a supported image, contradicts its name, cannot be read, or has a
   *     side longer than {@link #MAX_SIDE}
   */
  public Accepted check(byte[] data, String declaredFileName) {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("error.logo.empty");
    }
    if (data.length > MAX_BYTES) {
      throw new IllegalArgumentException("error.logo.tooLarge");
    }
    Format format = detect(data);
    if (format == null) {
      throw new IllegalArgumentException(UNSUPPORTED);
    }
    checkName(declaredFileName, format);

    int[] size = format == Format.WEBP ? webpSize(data) : imageIoSize(data, format);
    int width = size[0];
    int height = size[1];
    if (width < 1 || height < 1) {
      throw unreadable(format);
    }
    if (width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("error.logo.dimensions");
    }
    return new Accepted(format.contentType, width, height);
  }

  private static Format detect(byte[] d) {
    if (startsWith(d, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Format.PNG;
    }
    if (startsWith(d, 0, 0xFF, 0xD8, 0xFF)) {
      return Format.JPEG;
    }
    if (startsWith(d, 0, 'G', 'I', 'F', '8', '7', 'a')
        || startsWith(d, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Format.GIF;
    }
    if (startsWith(d, 0, 'R', 'I', 'F', 'F') && startsWith(d, 8, 'W', 'E', 'B', 'P')) {
      return Format.WEBP;
    }
    return null;
  }

  private static void checkName(String fileName, Format detected) {
    if (fileName == null) {
      return;
    }
    String name = fileName.strip();
    int dot = name.lastIndexOf('.');
    int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (dot < 0 || dot < separator) {
      return;
    }
    Format claimed =
        switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
          case "png" -> Format.PNG;
          case "jpg", "jpeg", "jpe", "jfif" -> Format.JPEG;
          case "gif" -> Format.GIF;
          case "webp" -> Format.WEBP;
          default -> throw new IllegalArgumentException(UNSUPPORTED);
        };
    if (claimed != detected) {
      throw new IllegalArgumentException("error.logo.mismatch");
    }
  }

  private static int[] imageIoSize(byte[] data, Format format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
    if (!readers.hasNext()) {
      throw unreadable(format);
    }
    ImageReader reader = readers.next();
    // A memory-backed stream: ImageIO.createImageInputStream would spill to a temp file.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(in, true, true);
      return new int[] {reader.getWidth(0), reader.getHeight(0)};
    } catch (IOException | RuntimeException e) {
      throw unreadable(format);
    } finally {
      reader.dispose();
    }
  }

  /** Reads the canvas size from the first chunk of a WebP file (lossy, lossless or extended). */
  private static int[] webpSize(byte[] d) {
    // RIFF header (12 bytes), then the first chunk: four-byte type, four-byte size, payload.
    if (d.length < 30 || littleEndian(d, 4, 4) + 8L > d.length) {
      throw unreadable(Format.WEBP);
    }
    long chunkSize = littleEndian(d, 16, 4);
    if (chunkSize + 20 > d.length) {
      throw unreadable(Format.WEBP);
    }
    if (startsWith(d, 12, 'V', 'P', '8', ' ')) {
      // Key frame tag (3 bytes, bit 0 clear), start code 9D 01 2A, then 14-bit width and height.
      if ((d[20] & 1) != 0 || !startsWith(d, 23, 0x9D, 0x01, 0x2A)) {
        throw unreadable(Format.WEBP);
      }
      return new int[] {
        (int) littleEndian(d, 26, 2) & 0x3FFF, (int) littleEndian(d, 28, 2) & 0x3FFF
      };
    }
    if (startsWith(d, 12, 'V', 'P', '8', 'L')) {
      // Signature 0x2F, then width-1 and height-1 as two 14-bit fields.
      if ((d[20] & 0xFF) != 0x2F) {
        throw unreadable(Format.WEBP);
      }
      long bits = littleEndian(d, 21, 4);
      return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
    }
    if (startsWith(d, 12, 'V', 'P', '8', 'X')) {
      // Flags (1 byte), reserved (3 bytes), then canvas width-1 and height-1 as 24-bit fields.
      return new int[] {(int) littleEndian(d, 24, 3) + 1, (int) littleEndian(d, 27, 3) + 1};
    }
    throw unreadable(Format.WEBP);
  }

  private static boolean startsWith(byte[] data, int offset, int... expected) {
    if (data.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((data[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static long littleEndian(byte[] data, int offset, int length) {
    long value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = (value << 8) | (data[offset + i] & 0xFF);
    }
    return value;
  }

  private static IllegalArgumentException unreadable(Format format) {
    return new IllegalArgumentException("error.logo.unreadable");
  }
}
