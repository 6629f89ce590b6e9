package io.marque.portal.domains.dkim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * Signs a reseller's mail with its domain's {@link DkimKey}, as RFC 6376 says and Apache jDKIM computes:
 * {@code a=rsa-sha256}, {@code c=relaxed/relaxed} (survives relays that refold headers or change
 * whitespace), {@code d=} the reseller's mail domain, {@code s=} the key's selector, {@code t=} the
 * signing time.
 *
 * <p><b>Which headers.</b> {@code h=} covers the headers that say who wrote to whom about what
 * ({@link #SIGNED_HEADERS}). Each one present is listed as often as it occurs, and once more: a name
 * in {@code h=} that the mail lacks counts as an empty header (RFC 6376, 5.4.2), so nobody can add a
 * second {@code From}, a {@code Cc} or a {@code Reply-To} pointing elsewhere without breaking the
 * signature ("oversigning"). jDKIM hashes a listed-but-absent name as nothing, which is exactly that
 * rule. The consequence: whatever sends the signed mail must not add any of these headers either.
 * {@code MailTransport}'s parse, {@code saveChanges()} and send keep every composer mail byte for byte
 * ({@code io.marque.portal.mail.DkimSignedMailTest}); a stored mail without {@code MIME-Version} would
 * gain one there and fail.
 *
 * <p><b>Bytes.</b> Line ends are made CRLF first (what SMTP carries, and what the hash is computed
 * over), and the result is those bytes with the {@code DKIM-Signature} header in front, folded at the
 * tag separators and inside the long values so no line passes 78 characters. Folding is safe under
 * relaxed canonicalization only where whitespace already was or inside {@code b=}, which verifiers
 * strip: that is where it is done, and {@code h=} is folded before signing, not after.
 *
 * <p>Sign a mail once, just before it leaves: {@code t=} is the signing time, and a second signature
 * would only add a header.
 */
public final class DkimSigner {

    /**
     * The headers whose change would change what the mail says, in the order {@code h=} lists them:
     * everything our composer writes that a reader sees or a mail program threads by.
     */
    public static final List<String> SIGNED_HEADERS = List.of("from", "to", "cc", "reply-to", "subject", "date",
            "message-id", "in-reply-to", "references", "mime-version", "content-type");

    private static final String FOLD = "\r\n\t";
    /** RFC 5322's recommended line length, the field name or the leading tab included. */
    private static final int LINE = 78;

    private final String domain;
    private final DkimKey key;
    private final Clock clock;

    /**
     * @param domain the reseller's mail domain, the {@code d=} of its signatures and the domain under
     *               which {@code <selector>._domainkey} is published; an internationalized name is
     *               signed in its ASCII form
     * @throws IllegalArgumentException when it is no domain name
     */
    public DkimSigner(String domain, DkimKey key) {
        this(domain, key, Clock.systemUTC());
    }

    DkimSigner(String domain, DkimKey key, Clock clock) {
        this.domain = asciiDomain(domain);
        this.key = Objects.requireNonNull(key, "key");
        this.clock = clock;
    }

    /** The {@code d=} of this signer's signatures, in ASCII. */
    public String domain() {
        return domain;
    }

    /**
     * The mail with a {@code DKIM-Signature} header in front.
     *
     * @param rfc5322Message a whole mail, headers and body, as the composer wrote it
     * @return the mail with CRLF line ends and the signature as its first header
     * @throws IllegalArgumentException when the mail has no header or a header with bytes beyond ASCII
     *                                  (our composer encodes every header; jDKIM could not sign raw
     *                                  8-bit headers reliably)
     */
    public byte[] sign(byte[] rfc5322Message) {
        byte[] mail = crlf(rfc5322Message);
        String header = headerBlock(mail);
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + key.selector()
                + "; t=" + clock.instant().getEpochSecond() + "; h=" + foldedHeaderList(header) + "; bh=; b=;";
        String field;
        try {
            field = new DKIMSigner(template, key.privateKey()).sign(new ByteArrayInputStream(mail));
        } catch (FailException | IOException e) {
            throw new IllegalStateException("The mail could not be DKIM-signed: " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(mail.length + 1024);
        out.writeBytes(fold(field).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(mail);
        return out.toByteArray();
    }

    /**
     * {@code h=}: each signed header as often as it occurs plus once (see the class comment), folded
     * after a colon where a line would grow too long. The folds go into the template, so the signature
     * covers them as they are sent.
     */
    private static String foldedHeaderList(String header) {
        Map<String, Integer> present = new HashMap<>();
        for (String line : header.split("\r\n")) {
            int colon = line.indexOf(':');
            if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t' && colon > 0) {
                present.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>();
        for (String name : SIGNED_HEADERS) {
            for (int i = present.getOrDefault(name, 0); i >= 0; i--) {
                names.add(name);
            }
        }
        StringBuilder list = new StringBuilder();
        // the tags come in no fixed order: h= may follow "DKIM-Signature: " on the first line
        int column = "DKIM-Signature: h=".length();
        for (int i = 0; i < names.size(); i++) {
            String item = names.get(i) + (i < names.size() - 1 ? ":" : "");
            if (column + item.length() + 1 > LINE) { // + 1 for the ';' that may follow
                list.append(FOLD);
                column = 1;
            }
            list.append(item);
            column += item.length();
        }
        return list.toString();
    }

    /**
     * jDKIM's field is one line, {@code DKIM-Signature: a=…; b=…; …;}, its tags in no fixed order. Each
     * tag goes on a line of its own (the space after each {@code ;} becomes a fold, which relaxed
     * canonicalization reads as that space), and {@code b=} is cut into short lines (verifiers remove
     * its value, whitespace included, before checking).
     */
    static String fold(String field) {
        String prefix = "DKIM-Signature:";
        if (!field.startsWith(prefix)) {
            throw new IllegalStateException("jDKIM returned no DKIM-Signature field: " + field);
        }
        StringBuilder folded = new StringBuilder(prefix);
        boolean first = true;
        for (String tag : field.substring(prefix.length()).split(";")) {
            String trimmed = tag.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            folded.append(first ? " " : FOLD);
            int column = first ? folded.length() : 1;
            first = false;
            if (trimmed.startsWith("b=")) {
                String value = trimmed.substring(2);
                int width = LINE - column - "b=".length() - 1; // room for the closing ;
                folded.append("b=");
                for (int start = 0; start < value.length(); start += width) {
                    if (start > 0) {
                        folded.append(FOLD);
                        width = LINE - 2; // the tab and the closing ;
                    }
                    folded.append(value, start, Math.min(value.length(), start + width));
                }
            } else {
                folded.append(trimmed);
            }
            folded.append(';');
        }
        return folded.toString();
    }

    /** The bytes with every line ending in CRLF: lone LF and lone CR become CRLF. */
    static byte[] crlf(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < message.length && message[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** The header block (without the empty line that ends it), checked to be ASCII. */
    private static String headerBlock(byte[] mail) {
        int end = mail.length;
        for (int i = 0; i + 3 < mail.length; i++) {
            if (mail[i] == '\r' && mail[i + 1] == '\n' && mail[i + 2] == '\r' && mail[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        for (int i = 0; i < end; i++) {
            if (mail[i] < 0 || mail[i] == 0) {
                throw new IllegalArgumentException("A header of the mail has a byte beyond ASCII; encode it (RFC 2047)");
            }
        }
        String header = new String(mail, 0, end, StandardCharsets.US_ASCII);
        if (header.isEmpty() || header.indexOf(':') < 0) {
            throw new IllegalArgumentException("The mail has no header to sign");
        }
        return header;
    }

    private static String asciiDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("A DKIM signature needs the mail domain");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a domain name: " + domain, e);
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (!ascii.contains(".") || ascii.startsWith(".") || ascii.contains("..")) {
            throw new IllegalArgumentException("Not a domain name: " + domain);
        }
        return ascii;
    }
}
