package io.marque.portal.privacy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names inside a customer's archive and of the archive itself. Attachment names were typed or sent by
 * customers and staff: inside a ZIP a name such as {@code ../../etc/passwd}, {@code C:\boot.ini} or
 * {@code NUL} would be written outside the folder or refused when the reader unpacks it, so each name
 * is reduced to letters, digits, dot, dash and underscore, without a path, and made unique in its
 * folder. The archive's own name names neither the reseller nor the provider (law 2).
 */
public final class ArchiveNames {

    /** The longest name kept, extension included: every unpacker and file system takes it. */
    static final int MAX = 100;

    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final Pattern RESERVED = Pattern.compile("(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$");

    private ArchiveNames() {
    }

    /** {@code customer-<id>-<yyyy-mm-dd>.zip}. */
    public static String archive(long customerId, LocalDate day) {
        return "customer-" + customerId + "-" + day + ".zip";
    }

    /**
     * A safe file name from one given by a person: the last path segment, unsafe characters as one
     * {@code _}, no leading dots, at most {@link #MAX} characters with the extension kept.
     */
    public static String sanitise(String given) {
        String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = UNSAFE.matcher(name).replaceAll("_").replaceAll("\\.{2,}", ".").replace("_.", ".");
        name = name.replaceAll("^[._]+", "").replaceAll("[._]+$", "");
        if (name.isEmpty()) {
            name = "file";
        }
        if (RESERVED.matcher(name).matches()) {
            name = "_" + name;
        }
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - extension.length()) + extension;
        }
        return name;
    }

    /**
     * The entry {@code folder/<safe name>}, unique among {@code taken} (compared without case, as
     * Windows and macOS would): a second {@code report.pdf} becomes {@code report-2.pdf}. Adds it to
     * {@code taken}.
     */
    public static String entry(String folder, String given, Set<String> taken) {
        String name = sanitise(given);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = folder + "/" + name;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = folder + "/" + stem + "-" + n + extension;
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }
}
