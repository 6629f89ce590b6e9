package io.marque.portal.mail.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail that arrived for the portal, read from its raw RFC 822 bytes into what ticketing needs.
 *
 * <p>Reading is separated from acting on the mail so that the decisions taken on real mail, which
 * is messy, can be tested without a mail server: which thread a reply belongs to ({@code
 * messageId}, {@code references}), who sent it and to which of the tenants' addresses, its text
 * in any charset, its attachments, and whether a machine sent it. Auto-replies and bulk mail are
 * recognised only by headers that no person's client sets on a normal mail ({@code Auto-Submitted},
 * {@code Precedence}, {@code X-Autoreply}, {@code X-Autorespond}, and the null sender {@code
 * Return-Path: <>} of a bounce), because answering them would start a mail loop. Outlook's {@code
 * X-Auto-Response-Suppress} is deliberately ignored: Outlook sets it on ordinary mail too.
 *
 * <p>The text is the first {@code text/plain} body; a mail with only HTML goes through
 * {@link HtmlText}. Quoted history is left in; {@link ReplyText} removes it where wanted.
 *
 * @param messageId the {@code Message-ID} with its angle brackets, or null if there is none
 * @param references the ids of {@code In-Reply-To}, then those of {@code References}, each once,
 *     with angle brackets as they appear
 * @param fromAddress the sender's bare address, lower-cased
 * @param fromName the sender's display name, decoded; {@code ""} if none
 * @param recipients bare lower-cased addresses from {@code To}, {@code Cc}, {@code Delivered-To}
 *     and {@code X-Original-To}, each once, in that order
 * @param subject the decoded subject; {@code ""} if none
 * @param text the body as plain text with {@code \n} line breaks; {@code ""} if none
 * @param attachments parts with a file name or {@code Content-Disposition: attachment}
 * @param automatic true if an auto-responder, a mailing list or a bounce sent the mail
 */
public record InboundMail(String messageId, List<String> references, String fromAddress, String fromName,
        List<String> recipients, String subject, String text, List<Attachment> attachments, boolean automatic) {

    /** The largest raw mail read, in bytes; larger ones are refused before parsing. */
    public static final int MAX_RAW_BYTES = 30 * 1024 * 1024;

    /** How deep multiparts may nest; real clients use three or four levels. */
    private static final int MAX_DEPTH = 16;

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>()\",;:@]+@[^\\s<>()\",;:@]+");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> KNOWN_ENCODINGS =
            Set.of("7bit", "8bit", "binary", "base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue");

    /**
     * A file that came with the mail. Its name and type are what the sender declared; whether it
     * may be kept is for {@link io.marque.portal.ticket.AttachmentPolicy} to decide from the bytes.
     *
     * @param fileName the decoded file name; {@code ""} if the part had none
     * @param contentType the declared media type without parameters, lower-cased
     * @param content the decoded bytes (not copied)
     */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && fileName.equals(that.fileName)
                    && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, contentType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }

    public InboundMail {
        references = List.copyOf(references);
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(fromName, "fromName");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }

    /**
     * Reads a raw mail as it came from the mail server.
     *
     * @param raw the complete message, headers and body, at most {@link #MAX_RAW_BYTES}
     * @return the mail
     * @throws IllegalArgumentException if the input is empty, too large, cannot be parsed, nests
     *     parts deeper than real clients do, or has no {@code From} address
     */
    public static InboundMail parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new IllegalArgumentException("The mail is empty");
        }
        if (raw.length > MAX_RAW_BYTES) {
            throw new IllegalArgumentException(
                    "The mail has " + raw.length + " bytes, more than the limit of " + MAX_RAW_BYTES);
        }
        try {
            MimeMessage message = new MimeMessage(session(), new SharedByteArrayInputStream(raw));
            InternetAddress from = sender(message);
            Body body = new Body();
            body.read(message, 0);
            String text = body.plain != null ? body.plain : body.html != null ? HtmlText.toText(body.html) : "";
            String subject = message.getSubject();
            return new InboundMail(
                    messageId(message),
                    references(message),
                    from.getAddress().toLowerCase(Locale.ROOT),
                    from.getPersonal() == null ? "" : from.getPersonal().strip(),
                    recipients(message),
                    subject == null ? "" : subject.strip(),
                    text,
                    body.attachments,
                    isAutomatic(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("The mail cannot be read: " + e.getMessage(), e);
        }
    }

    private static Session session() {
        Properties properties = new Properties();
        // headers in raw UTF-8 (RFC 6532) are common, also from clients that never announce it
        properties.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(properties);
    }

    // --- headers -------------------------------------------------------------------------------

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        String id = header(message, "Message-ID");
        return id == null || id.isEmpty() ? null : id;
    }

    private static List<String> references(MimeMessage message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : new String[] {"In-Reply-To", "References"}) {
            String[] values = message.getHeader(name);
            for (String value : values == null ? new String[0] : values) {
                Matcher id = MESSAGE_ID.matcher(value);
                while (id.find()) {
                    ids.add(id.group());
                }
            }
        }
        return List.copyOf(ids);
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        String from = message.getHeader("From", ",");
        for (InternetAddress address : addresses(from == null ? "" : MimeUtility.unfold(from))) {
            if (address.getAddress() != null && address.getAddress().contains("@")) {
                return address;
            }
        }
        throw new IllegalArgumentException("The mail has no From address");
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Set<String> recipients = new LinkedHashSet<>();
        for (String name : new String[] {"To", "Cc", "Delivered-To", "X-Original-To"}) {
            String[] values = message.getHeader(name);
            for (String value : values == null ? new String[0] : values) {
                for (InternetAddress address : addresses(MimeUtility.unfold(value))) {
                    String bare = address.getAddress();
                    if (bare != null && bare.contains("@")) {
                        recipients.add(bare.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return List.copyOf(recipients);
    }

    /** The mailboxes in an address header, groups opened; a header too broken to parse yields its bare addresses. */
    private static List<InternetAddress> addresses(String header) {
        List<InternetAddress> result = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (address.isGroup()) {
                    result.addAll(Arrays.asList(address.getGroup(false)));
                } else {
                    result.add(address);
                }
            }
        } catch (AddressException e) {
            Matcher bare = BARE_ADDRESS.matcher(header);
            while (bare.find()) {
                InternetAddress address = new InternetAddress();
                address.setAddress(bare.group());
                result.add(address);
            }
        }
        return result;
    }

    private static boolean isAutomatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !"no".equals(firstToken(autoSubmitted))) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(firstToken(precedence))) {
            return true;
        }
        if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
            return true;
        }
        String returnPath = header(message, "Return-Path");
        return returnPath != null && returnPath.replaceAll("\\s", "").equals("<>");
    }

    /** {@code "auto-replied; owner-email=..."} is {@code auto-replied}. */
    private static String firstToken(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    // --- body ----------------------------------------------------------------------------------

    /** Walks the MIME tree once, collecting the first plain and HTML bodies and every attachment. */
    private static final class Body {

        String plain;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void read(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("The mail nests parts deeper than " + MAX_DEPTH + " levels");
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = multipart(part);
                for (int i = 0; i < multipart.getCount(); i++) {
                    read(multipart.getBodyPart(i), depth + 1);
                }
                return;
            }
            String fileName = fileName(part);
            if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
                attachments.add(new Attachment(fileName == null ? "" : fileName, baseType(part), content(part)));
            } else if (plain == null && part.isMimeType("text/plain")) {
                plain = decode(part);
            } else if (html == null && part.isMimeType("text/html")) {
                html = decode(part);
            }
        }
    }

    private static Multipart multipart(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        // without a registered content handler the parts are parsed here
        return content instanceof Multipart multipart
                ? multipart
                : new MimeMultipart(part.getDataHandler().getDataSource());
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (ParseException e) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.contains("=?")) {
            // Outlook and Gmail put encoded words into the parameter, which RFC 2047 does not allow
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // keep it as it came
            }
        }
        return name.strip();
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    private static String decode(Part part) throws MessagingException, IOException {
        String text = new String(content(part), charset(part));
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The charset the part declares; UTF-8 (a superset of the default ASCII) if none or unknown. */
    private static Charset charset(Part part) throws MessagingException {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null && !name.isBlank()) {
                return Charset.forName(MimeUtility.javaCharset(name.strip()));
            }
        } catch (ParseException | IllegalArgumentException e) {
            // unknown or broken charset name: fall through
        }
        return StandardCharsets.UTF_8;
    }

    /** The part's bytes with the transfer encoding removed; an unknown encoding is taken as none. */
    private static byte[] content(Part part) throws MessagingException, IOException {
        String encoding = part instanceof MimeBodyPart mime ? mime.getEncoding()
                : part instanceof MimeMessage message ? message.getEncoding() : null;
        boolean known = encoding == null || KNOWN_ENCODINGS.contains(encoding.strip().toLowerCase(Locale.ROOT));
        try (InputStream in = known ? part.getInputStream() : rawStream(part)) {
            return in.readAllBytes();
        }
    }

    private static InputStream rawStream(Part part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart mime) {
            return mime.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return part.getInputStream();
    }
}
