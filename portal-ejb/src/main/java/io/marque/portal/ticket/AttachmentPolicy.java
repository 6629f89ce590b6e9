package io.marque.portal.ticket;

import io.marque.portal.platform.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an uploaded file may be attached to a ticket message, and under which name and
 * content type it is kept.
 *
 * <p>Attachments are served from the portal's own origin, so a file a browser could render as
 * HTML, SVG or script would let a customer run code in a reseller's or an operator's session. The
 * type is therefore taken from the file's content (its magic bytes), never from its name or the
 * content type the browser declared, and only types that browsers do not execute are allowed. The
 * name's extension must belong to the detected type, so that a name never promises what the bytes
 * are not: {@code page.html} holding text and {@code x.png} holding a PDF are both refused. Text
 * of any kind is kept as {@code text/plain}; even HTML pasted into a {@code .txt} file is harmless
 * that way, because attachments are served as downloads with {@code nosniff}.
 *
 * <p>The name is reduced to something safe to show and to put in a {@code Content-Disposition}
 * header: its last path segment, without control characters or the bidirectional overrides that
 * make {@code invoice} + U+202E + {@code gpj.exe} read as {@code invoiceexe.jpg}.
 *
 * <p>Every refusal is an {@link InvalidInputException} on the field {@value #FIELD} with a message
 * key worded in the themes' bundles.
 */
public class AttachmentPolicy {

    /** The most files one message may carry. */
    public static final int MAX_FILES = 5;

    /** The largest single file, in bytes. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The largest sum of all files of one message, in bytes. */
    public static final long MAX_TOTAL_BYTES = 25 * 1024 * 1024;

    /** The longest name kept, in characters (code points), extension included. */
    public static final int MAX_NAME_LENGTH = 120;

    /** The form field that refusals are reported on. */
    public static final String FIELD = "attachments";

    /** Extensions longer than this are not extensions but part of a long name. */
    private static final int MAX_EXTENSION_LENGTH = 16;

    /**
     * A file that may be attached.
     *
     * @param fileName the cleaned name to store and show
     * @param contentType the media type detected from the content, to be served with the file
     */
    public record Accepted(String fileName, String contentType) {
    }

    private enum Type {
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        GIF("image/gif", "gif"),
        WEBP("image/webp", "webp"),
        PDF("application/pdf", "pdf"),
        // office documents are zip archives too
        ZIP("application/zip", "zip", "docx", "xlsx", "pptx", "odt", "ods"),
        GZIP("application/gzip", "gz", "tgz"),
        // never xml, html, htm, svg or js: browsers run those
        TEXT("text/plain; charset=UTF-8", "txt", "log", "csv", "conf", "cfg", "ini", "json", "yaml", "yml", "md");

        final String contentType;
        final Set<String> extensions;

        Type(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = Set.of(extensions);
        }
    }

    /**
     * Checks one uploaded file.
     *
     * @param submittedName the name the browser or mail client sent; may be null or contain a path
     * @param content the file's bytes
     * @return the cleaned name and the content type detected from the bytes
     * @throws InvalidInputException on {@value #FIELD} with {@code error.attachment.empty},
     *     {@code error.attachment.size} (over {@link #MAX_BYTES}), {@code error.attachment.name}
     *     (nothing usable left of the name) or {@code error.attachment.type} (content not allowed,
     *     or the name's extension does not belong to it)
     */
    public Accepted check(String submittedName, byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("error.attachment.empty");
        }
        if (content.length > MAX_BYTES) {
            throw refused("error.attachment.size");
        }
        String name = cleanName(submittedName);
        Type type = detect(content);
        if (type == null || !type.extensions.contains(extension(name))) {
            throw refused("error.attachment.type");
        }
        return new Accepted(name, type.contentType);
    }

    /**
     * Checks the files of one message together, before or after each was checked alone.
     *
     * @param files how many files the message carries
     * @param totalBytes their sizes added up
     * @throws InvalidInputException on {@value #FIELD} with {@code error.attachment.count} (more
     *     than {@link #MAX_FILES}) or {@code error.attachment.total} (over {@link #MAX_TOTAL_BYTES})
     * @throws IllegalArgumentException if either number is negative
     */
    public void checkCount(int files, long totalBytes) {
        if (files < 0 || totalBytes < 0) {
            throw new IllegalArgumentException("Negative count " + files + " or size " + totalBytes);
        }
        if (files > MAX_FILES) {
            throw refused("error.attachment.count");
        }
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw refused("error.attachment.total");
        }
    }

    // --- the name ------------------------------------------------------------------------------

    private static String cleanName(String submitted) {
        if (submitted == null) {
            throw refused("error.attachment.name");
        }
        String segment = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
        StringBuilder visible = new StringBuilder(segment.length());
        segment.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (visible.length() > 0 && visible.charAt(visible.length() - 1) != ' ') {
                    visible.append(' ');
                }
            } else if (!isHidden(c)) {
                visible.appendCodePoint(c);
            }
        });
        String name = visible.toString();
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && trimDotsAndSpaces(name.substring(0, dot)).isEmpty()) {
            // ".txt" or " ..txt": nothing but an extension
            throw refused("error.attachment.name");
        }
        name = shorten(trimDotsAndSpaces(name));
        if (name.isEmpty() || name.startsWith(".")) {
            throw refused("error.attachment.name");
        }
        return name;
    }

    /** Control characters, and the bidirectional controls that can reorder how a name reads. */
    private static boolean isHidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    private static String trimDotsAndSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Cuts a long name in its base, so that the extension, which decides the type, survives. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot - 1 <= MAX_EXTENSION_LENGTH ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int keep = MAX_NAME_LENGTH - extension.codePointCount(0, extension.length());
        base = base.substring(0, base.offsetByCodePoints(0, keep));
        return trimDotsAndSpaces(base) + extension;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    // --- the content ---------------------------------------------------------------------------

    private static Type detect(byte[] d) {
        if (startsWith(d, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Type.PNG;
        }
        if (startsWith(d, 0, 0xFF, 0xD8, 0xFF)) {
            return Type.JPEG;
        }
        if (startsWith(d, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(d, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Type.GIF;
        }
        if (startsWith(d, 0, 'R', 'I', 'F', 'F') && startsWith(d, 8, 'W', 'E', 'B', 'P')) {
            return Type.WEBP;
        }
        if (startsWith(d, 0, '%', 'P', 'D', 'F', '-')) {
            return Type.PDF;
        }
        if (startsWith(d, 0, 'P', 'K', 3, 4)) {
            return Type.ZIP;
        }
        if (startsWith(d, 0, 0x1F, 0x8B)) {
            return Type.GZIP;
        }
        return isPlainText(d) ? Type.TEXT : null;
    }

    /** Valid UTF-8 without NUL or other C0 controls than tab, line feed, form feed and carriage return. */
    private static boolean isPlainText(byte[] d) {
        for (byte b : d) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(d);
        // decoded in small pieces: only validity matters, not the text
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
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

    private static InvalidInputException refused(String key) {
        return new InvalidInputException(FIELD, key);
    }
}
