package io.marque.portal.mail.inbound;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the new part of a plain-text mail reply, so that a customer who answers a ticket mail
 * adds only what they wrote, not the whole conversation quoted below it again.
 *
 * <p>Mail clients mark quoted history in different ways, and none of them reliably. The text is
 * cut at the first line, from the top, that starts any of these:
 * <ul>
 *   <li>the {@link #MARKER} line that every ticket mail carries, also when quoted ({@code > });</li>
 *   <li>a quote header such as {@code On Tue, 3 Nov 2026 at 10:00, Acme Cloud <support@acme.example> wrote:}
 *       (Gmail, Apple Mail, Thunderbird), also wrapped over two lines; its Russian forms ending in
 *       {@code написал:}, {@code написал(а):} or {@code пишет:}; or the form of Yandex, Mail.ru and
 *       Russian Gmail that begins with the date and ends in the address and a colon. A header must
 *       contain a digit (its date), so an ordinary sentence that ends in "wrote:" is not taken for
 *       one, and a wrapped header must begin like one;</li>
 *   <li>{@code -----Original Message-----} (also {@code -----Исходное сообщение-----});</li>
 *   <li>an Outlook header block: a line {@code From:} (or {@code От:}) followed within four lines
 *       by {@code Sent:} or {@code Date:} ({@code Отправлено:}, {@code Дата:}), together with the
 *       underscore rule Outlook puts above it;</li>
 *   <li>the signature delimiter {@code "-- "} (or {@code "--"} alone), since a signature is not
 *       part of the answer.</li>
 * </ul>
 * Quoted lines ({@code >}) and blank lines left at the end are dropped as well. Quoted lines in
 * the middle stay: a customer who answers point by point needs the quotes to make sense.
 */
public final class ReplyText {

    /** The line above which a ticket mail asks for the reply. */
    public static final String MARKER = "##- Please type your reply above this line -##";

    /** A line count (counting the {@code From:} line) within which an Outlook header continues. */
    private static final int OUTLOOK_HEADER_LINES = 4;

    private static final Pattern QUOTE_PREFIX = Pattern.compile("^[>\\s]+");
    /** A date at the start, possibly after a weekday: {@code 03.11.2026}, {@code вт, 3 нояб.}. */
    private static final String DATE_FIRST = "(?:\\p{L}+\\.?,\\s*)?\\d";
    private static final Pattern ENGLISH_HEADER = Pattern.compile("^On\\s.*\\d.*\\swrote:$");
    private static final Pattern RUSSIAN_HEADER =
            Pattern.compile("^.*\\d.*\\s(?:написал\\(а\\)|написала?|пишет)\\s*:$");
    /** Yandex, Mail.ru and Russian Gmail: {@code 03.11.2026, 10:00, "Acme Cloud" <support@acme.example>:}. */
    private static final Pattern ADDRESS_HEADER = Pattern.compile("^" + DATE_FIRST + ".*<[^<>\\s]+@[^<>\\s]+>\\s*:$");
    /** How a header that a client wrapped over two lines begins. */
    private static final Pattern HEADER_START = Pattern.compile("^(?:On\\s|" + DATE_FIRST + "|В сообщении от\\s)");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{3,}\\s*(?:Original Message|Исходное сообщение)\\s*-{3,}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(?:From|От)\\s*:\\*?(?:\\s.*)?$");
    private static final Pattern OUTLOOK_SENT =
            Pattern.compile("^\\*?(?:Sent|Date|Отправлено|Дата)\\s*:\\*?(?:\\s.*)?$");
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^_{5,}$");

    private ReplyText() {
    }

    /**
     * Returns the new part of a reply.
     *
     * @param text the plain-text body of the mail; may be null
     * @return the text above the quoted history, with line breaks as {@code \n} and trimmed;
     *     {@code ""} if nothing new remains, never null
     */
    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            int cut = cutAt(lines, i);
            if (cut >= 0) {
                end = cut;
                break;
            }
        }
        while (end > 0 && (lines.get(end - 1).isBlank() || lines.get(end - 1).stripLeading().startsWith(">"))) {
            end--;
        }
        return String.join("\n", lines.subList(0, end)).strip();
    }

    /** The line at which the history begins if line {@code i} starts it, else -1. */
    private static int cutAt(List<String> lines, int i) {
        String raw = lines.get(i);
        String line = raw.strip();
        if (QUOTE_PREFIX.matcher(raw).replaceFirst("").strip().contains(MARKER)) {
            return i;
        }
        if ("--".equals(line)) {
            return i;
        }
        if (ORIGINAL_MESSAGE.matcher(line).matches() || isQuoteHeader(line)) {
            return i;
        }
        if (i + 1 < lines.size() && HEADER_START.matcher(line).lookingAt()) {
            String next = lines.get(i + 1).strip();
            // a header wrapped by the client; the next line alone would be found on the next step
            if (!next.isEmpty() && !isQuoteHeader(next) && isQuoteHeader(line + " " + next)) {
                return i;
            }
        }
        if (OUTLOOK_FROM.matcher(line).matches() && outlookHeaderFollows(lines, i)) {
            return aboveOutlookRule(lines, i);
        }
        return -1;
    }

    private static boolean isQuoteHeader(String line) {
        return ENGLISH_HEADER.matcher(line).matches()
                || RUSSIAN_HEADER.matcher(line).matches()
                || ADDRESS_HEADER.matcher(line).matches();
    }

    private static boolean outlookHeaderFollows(List<String> lines, int from) {
        for (int i = from + 1; i < Math.min(lines.size(), from + 1 + OUTLOOK_HEADER_LINES); i++) {
            if (OUTLOOK_SENT.matcher(lines.get(i).strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Outlook separates the header from the reply with a rule of underscores; it goes too. */
    private static int aboveOutlookRule(List<String> lines, int from) {
        int above = from - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        return above >= 0 && OUTLOOK_RULE.matcher(lines.get(above).strip()).matches() ? above : from;
    }
}
