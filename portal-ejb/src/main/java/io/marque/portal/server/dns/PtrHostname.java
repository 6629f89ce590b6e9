package io.marque.portal.server.dns;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks and normalises the host name a customer types as the reverse DNS (PTR) of its address.
 *
 * <p>The name ends up in the provider's DNS zone, is shown back on pages and in mails, and is what
 * other mail servers see when they look the address up, so only a plain host name passes: letters,
 * digits and hyphens (LDH) in labels of 1–63 characters that neither start nor end with a hyphen, at
 * most 253 characters in all, at least two labels, and a last label that is not all digits (so an IP
 * address is not taken for a name). Before the checks the input is trimmed and lower-cased and one
 * final dot is dropped; a name with non-ASCII letters is converted to its ASCII (punycode) form with
 * {@link IDN#toASCII(String)} (IDNA 2003, as the JDK implements it), since that is the only form a PTR
 * record can hold.
 *
 * <p>A refusal is a {@link Refused} exception whose {@link Problem} names a message key, so a service
 * turns it into its own error without knowing the rules:
 *
 * <pre>{@code
 * try {
 *     Optional<String> hostname = PtrHostname.optional(form.hostname());
 *     dns.setPtr(address, hostname);
 * } catch (PtrHostname.Refused e) {
 *     throw new InvalidInputException("hostname", e.problem().messageKey());
 * }
 * }</pre>
 */
public final class PtrHostname {

    /** The longest name, in ASCII and without the final dot (RFC 1035 §2.3.4 less the length octets). */
    public static final int MAX_LENGTH = 253;

    /** The longest label (RFC 1035 §2.3.4). */
    public static final int MAX_LABEL = 63;

    /** Longer input is refused before any work is done on it. */
    private static final int MAX_INPUT = 1024;

    /** Why a host name was refused, with the message key worded in the base theme's bundles. */
    public enum Problem {
        /** Nothing was typed where a name is needed. */
        REQUIRED("server.rdns.required"),
        /** Over {@value PtrHostname#MAX_LENGTH} characters, or a label over {@value PtrHostname#MAX_LABEL}. */
        TOO_LONG("server.rdns.too-long"),
        /** A single label, or an address: not a full domain name. */
        NOT_QUALIFIED("server.rdns.not-qualified"),
        /** Characters or a shape a host name cannot have. */
        INVALID("server.rdns.invalid");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The input is not a host name; {@link #getMessage()} is the problem's message key. */
    public static final class Refused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final Problem problem;

        public Refused(Problem problem) {
            super(problem.messageKey());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private PtrHostname() {
    }

    /**
     * @param input what the customer typed; may be null
     * @return the name in lower-case ASCII, without the final dot, e.g. {@code xn--bcher-kva.example}
     * @throws Refused when the input is blank or not a host name
     */
    public static String of(String input) {
        return optional(input).orElseThrow(() -> new Refused(Problem.REQUIRED));
    }

    /**
     * Like {@link #of(String)}, but blank input means "no PTR record" and gives an empty result, as
     * {@link DnsProvider#setPtr} takes it.
     *
     * @throws Refused when the input is not blank and not a host name
     */
    public static Optional<String> optional(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        if (input.length() > MAX_INPUT) {
            throw new Refused(Problem.TOO_LONG);
        }
        String name = input.strip().toLowerCase(Locale.ROOT);
        if (!isAscii(name)) {
            name = toAscii(name);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        check(name);
        return Optional.of(name);
    }

    /** Whether the input is a host name {@link #optional(String)} would accept (blank is not). */
    public static boolean isValid(String input) {
        try {
            of(input);
            return true;
        } catch (Refused e) {
            return false;
        }
    }

    private static String toAscii(String name) {
        try {
            // without USE_STD3_ASCII_RULES: the LDH check below refuses what STD3 would, with our own reasons
            return IDN.toASCII(name).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new Refused(Problem.INVALID);
        }
    }

    private static void check(String name) {
        if (name.isEmpty()) {
            throw new Refused(Problem.INVALID);
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            checkLabel(label);
        }
        if (name.length() > MAX_LENGTH) {
            throw new Refused(Problem.TOO_LONG);
        }
        if (labels.length < 2 || labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refused(Problem.NOT_QUALIFIED);
        }
    }

    private static void checkLabel(String label) {
        if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
            throw new Refused(Problem.INVALID);
        }
        if (!label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            throw new Refused(Problem.INVALID);
        }
        if (label.length() > MAX_LABEL) {
            throw new Refused(Problem.TOO_LONG);
        }
        // an A-label typed as such must decode, or it is punycode-looking garbage; toUnicode returns
        // its input unchanged when it cannot decode it
        if (label.startsWith("xn--") && IDN.toUnicode(label).equals(label)) {
            throw new Refused(Problem.INVALID);
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
