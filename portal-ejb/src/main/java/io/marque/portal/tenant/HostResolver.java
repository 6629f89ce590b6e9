package io.marque.portal.tenant;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out which host name a request was addressed to, which is how Marque tells its tenants
 * apart.
 *
 * <p>The host decides whose data a request sees, so it must not be forgeable. Behind a reverse
 * proxy the original host arrives in {@code X-Forwarded-Host}, but any client can send that
 * header too; it is therefore believed only when the connection comes from a configured proxy
 * address. Whatever is chosen is normalised and checked to be a syntactically valid host name or
 * IP literal, so that lookups, logs and generated links never see a port, a path, user info or a
 * line break smuggled in through a header.
 *
 * <p>This class never resolves names: IP addresses are recognised by their syntax alone. It is
 * immutable and thread-safe.
 *
 * <pre>{@code
 * HostResolver resolver = new HostResolver("127.0.0.1, 10.0.0.0/8, ::1");
 * Optional<String> host = resolver.resolve(
 *     request.getHeader("Host"), request.getHeader("X-Forwarded-Host"), request.getRemoteAddr());
 * }</pre>
 */
public final class HostResolver {

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  // Starts with a hex digit or ':' and contains a ':' — only such strings are IPv6 literals.
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:][0-9a-f:.]{1,44}");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern ENTRY_SEPARATOR = Pattern.compile("[,\\s]+");
  private static final int MAX_HOST_LENGTH = 253;

  private final List<Range> trusted;

  /**
   * Creates a resolver that trusts forwarding headers from the given proxies.
   *
   * @param trustedProxies IPv4 and IPv6 addresses and CIDR ranges separated by commas and/or
   *     spaces, for example {@code "127.0.0.1, 10.0.0.0/8, ::1"}; null or blank trusts no one
   * @throws IllegalArgumentException if an entry is not an IP address or CIDR range
   */
  public HostResolver(String trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    if (trustedProxies != null) {
      for (String entry : ENTRY_SEPARATOR.split(trustedProxies.strip())) {
        if (!entry.isEmpty()) {
          ranges.add(Range.parse(entry));
        }
      }
    }
    this.trusted = List.copyOf(ranges);
  }

  /**
   * Returns the normalised host a request was addressed to.
   *
   * @param hostHeader the {@code Host} header
   * @param forwardedHostHeader the {@code X-Forwarded-Host} header; its first value is used, but
   *     only if {@code remoteAddress} is a trusted proxy
   * @param remoteAddress the IP address of the connection's peer
   * @return the host in lower case, without port, brackets or trailing dot; empty if missing or
   *     not a valid host name or IP literal
   */
  public Optional<String> resolve(
      String hostHeader, String forwardedHostHeader, String remoteAddress) {
    String raw = hostHeader;
    if (forwardedHostHeader != null
        && !forwardedHostHeader.isBlank()
        && isTrusted(remoteAddress)) {
      int comma = forwardedHostHeader.indexOf(',');
      raw = comma < 0 ? forwardedHostHeader : forwardedHostHeader.substring(0, comma);
    }
    return Optional.ofNullable(normalise(raw));
  }

  /**
   * Tells whether a peer address belongs to a trusted proxy.
   *
   * @param remoteAddress an IPv4 or IPv6 address, optionally in brackets or with a zone id
   * @return {@code true} if it lies in one of the configured ranges; {@code false} for null or
   *     anything that is not an IP address
   */
  public boolean isTrusted(String remoteAddress) {
    if (remoteAddress == null || trusted.isEmpty()) {
      return false;
    }
    String s = remoteAddress.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    byte[] address = parseAddress(s);
    if (address == null) {
      return false;
    }
    for (Range range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = trimOptionalWhitespace(raw).toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.length() > MAX_HOST_LENGTH + 8) {
      return null;
    }
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || !isPortSuffix(s.substring(close + 1))) {
        return null;
      }
      String literal = s.substring(1, close);
      return literal.indexOf(':') >= 0 && parseIpv6(literal) != null ? literal : null;
    }
    int colon = s.indexOf(':');
    if (colon >= 0) {
      if (!isPortSuffix(s.substring(colon))) {
        return null;
      }
      s = s.substring(0, colon);
    }
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return isHostName(s) ? s : null;
  }

  /** Checks RFC 1123 syntax; a name whose last label is numeric must be a valid IPv4 address. */
  private static boolean isHostName(String s) {
    if (s.isEmpty() || s.length() > MAX_HOST_LENGTH) {
      return false;
    }
    String[] labels = s.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !ALL_DIGITS.matcher(labels[labels.length - 1]).matches() || parseIpv4(s) != null;
  }

  /** Accepts "" or ":" followed by a port number. */
  private static boolean isPortSuffix(String suffix) {
    if (suffix.isEmpty()) {
      return true;
    }
    if (suffix.charAt(0) != ':') {
      return false;
    }
    String port = suffix.substring(1);
    return PORT.matcher(port).matches() && Integer.parseInt(port) <= 65535;
  }

  /** Trims spaces and tabs only; other control characters must make the value invalid. */
  private static String trimOptionalWhitespace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static byte[] parseAddress(String s) {
    return s.indexOf(':') >= 0 ? parseIpv6(s) : parseIpv4(s);
  }

  /** Parses dotted-quad IPv4; rejects leading zeros, which some parsers read as octal. */
  private static byte[] parseIpv4(String s) {
    Matcher m = IPV4.matcher(s);
    if (!m.matches()) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      String octet = m.group(i + 1);
      int value = Integer.parseInt(octet);
      if (value > 255 || (octet.length() > 1 && octet.charAt(0) == '0')) {
        return null;
      }
      address[i] = (byte) value;
    }
    return address;
  }

  /**
   * Parses an IPv6 literal. The brackets make {@link InetAddress#getByName} treat the text as a
   * literal and fail instead of falling back to a DNS lookup; the pattern check before it keeps
   * out everything that is not made of hex digits, colons and dots. IPv4-mapped addresses come
   * back as four bytes, so they match IPv4 ranges.
   */
  private static byte[] parseIpv6(String s) {
    if (s.indexOf(':') < 0 || !IPV6.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName("[" + s + "]").getAddress();
    } catch (UnknownHostException | IllegalArgumentException e) {
      return null;
    }
  }

  /** An address block; a single address is a block with a full-length prefix. */
  private record Range(byte[] network, int prefixBits) {

    static Range parse(String entry) {
      String text = entry.toLowerCase(Locale.ROOT);
      int slash = text.indexOf('/');
      byte[] network = parseAddress(slash < 0 ? text : text.substring(0, slash));
      if (network == null) {
        throw invalid(entry);
      }
      int bits = network.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String digits = text.substring(slash + 1);
        if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) > bits) {
          throw invalid(entry);
        }
        prefix = Integer.parseInt(digits);
      }
      return new Range(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int fullBytes = prefixBits / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int remainingBits = prefixBits % 8;
      if (remainingBits == 0) {
        return true;
      }
      int mask = (0xff << (8 - remainingBits)) & 0xff;
      return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static IllegalArgumentException invalid(String entry) {
      return new IllegalArgumentException(
          "Trusted proxy entry '" + entry + "' is not an IPv4 or IPv6 address or CIDR range.");
    }
  }
}
