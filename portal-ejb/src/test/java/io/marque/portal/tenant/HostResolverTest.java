package io.marque.portal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostResolverTest {

  private final HostResolver behindProxy =
      new HostResolver("127.0.0.1, 10.0.0.0/8 ::1,2001:db8::/32");
  private final HostResolver direct = new HostResolver(null);

  // --- which header is believed -------------------------------------------------------------

  @Test
  void forgedForwardedHostFromUntrustedAddressIsIgnored() {
    assertEquals(
        Optional.of("acme.example.com"),
        behindProxy.resolve("acme.example.com", "victim.example.com", "203.0.113.9"));
  }

  @Test
  void withoutTrustedProxiesForwardedHostIsAlwaysIgnored() {
    assertEquals(
        Optional.of("acme.example.com"),
        direct.resolve("acme.example.com", "victim.example.com", "127.0.0.1"));
  }

  @Test
  void forwardedHostFromTrustedIpv4ProxyIsUsed() {
    assertEquals(
        Optional.of("customer.example.com"),
        behindProxy.resolve("backend:8080", "customer.example.com", "10.20.30.40"));
    assertEquals(
        Optional.of("customer.example.com"),
        behindProxy.resolve("backend:8080", "customer.example.com", "127.0.0.1"));
  }

  @Test
  void forwardedHostFromTrustedIpv6ProxyIsUsed() {
    assertEquals(
        Optional.of("customer.example.com"),
        behindProxy.resolve("backend", "customer.example.com", "0:0:0:0:0:0:0:1"));
    assertEquals(
        Optional.of("customer.example.com"),
        behindProxy.resolve("backend", "customer.example.com", "2001:db8:ffff::17"));
  }

  @Test
  void onlyTheFirstForwardedValueCounts() {
    assertEquals(
        Optional.of("customer.example.com"),
        behindProxy.resolve("backend", " Customer.Example.com:443 , inner.proxy", "10.0.0.1"));
  }

  @Test
  void blankForwardedHostFallsBackToHost() {
    assertEquals(Optional.of("acme.example.com"),
        behindProxy.resolve("acme.example.com", "  ", "10.0.0.1"));
    assertEquals(Optional.of("acme.example.com"),
        behindProxy.resolve("acme.example.com", null, "10.0.0.1"));
  }

  @Test
  void invalidForwardedHostFromTrustedProxyIsNotReplacedByHost() {
    assertEquals(Optional.empty(),
        behindProxy.resolve("acme.example.com", "evil.com@acme", "10.0.0.1"));
  }

  // --- trusted ranges ------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0, true",
    "10.255.255.255, true",
    "11.0.0.0, false",
    "9.255.255.255, false",
    "127.0.0.1, true",
    "127.0.0.2, false",
    "::1, true",
    "[::1], true",
    "0000:0000:0000:0000:0000:0000:0000:0001, true",
    "::2, false",
    "2001:db8::, true",
    "2001:DB8:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF, true",
    "2001:db9::1, false",
    "fe80::1%eth0, false",
    "::ffff:10.1.2.3, true", // IPv4-mapped IPv6 is the IPv4 address
  })
  void trustsExactlyTheConfiguredRanges(String address, boolean trusted) {
    assertEquals(trusted, behindProxy.isTrusted(address));
  }

  @Test
  void prefixesNotOnAByteBoundaryWork() {
    HostResolver resolver = new HostResolver("172.16.0.0/12 fd00::/7");

    assertTrue(resolver.isTrusted("172.16.0.0"));
    assertTrue(resolver.isTrusted("172.31.255.255"));
    assertFalse(resolver.isTrusted("172.32.0.0"));
    assertFalse(resolver.isTrusted("172.15.255.255"));
    assertTrue(resolver.isTrusted("fc00::1"));
    assertTrue(resolver.isTrusted("fdff:ffff::1"));
    assertFalse(resolver.isTrusted("fe00::1"));
  }

  @Test
  void hostBitsInARangeAreIgnoredAndZeroPrefixMatchesTheWholeFamily() {
    HostResolver resolver = new HostResolver("192.168.1.77/24, 0.0.0.0/0");
    assertTrue(resolver.isTrusted("192.168.1.1"));
    assertTrue(resolver.isTrusted("8.8.8.8"));
    assertFalse(resolver.isTrusted("::8"));
  }

  @Test
  void zoneIdOfALinkLocalPeerIsIgnored() {
    assertTrue(new HostResolver("fe80::/10").isTrusted("fe80::1%eth0"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "localhost", "not-an-ip", "10.0.0", "::g", "10.0.0.1 ; drop"})
  void nonAddressesAreNeverTrusted(String remote) {
    HostResolver trustAll = new HostResolver("0.0.0.0/0, ::/0");
    assertFalse(trustAll.isTrusted(remote));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", " , ,"})
  void blankConfigurationTrustsNoOne(String config) {
    HostResolver resolver = new HostResolver(config);
    assertFalse(resolver.isTrusted("127.0.0.1"));
    assertFalse(resolver.isTrusted("::1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy.example.com",
        "300.1.1.1",
        "10.0.0",
        "010.0.0.1",
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0.0/x",
        "10.0.0.0/-1",
        "::1/129",
        "1:2:3",
        "[::1]",
        "fe80::1%eth0",
      })
  void invalidEntriesAreRejectedNamingTheEntry(String entry) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new HostResolver("127.0.0.1, " + entry));
    assertTrue(e.getMessage().contains("'" + entry + "'"), e.getMessage());
  }

  // --- normalisation -------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "acme.example.com|acme.example.com",
        "ACME.Example.COM|acme.example.com",
        "acme.example.com:8443|acme.example.com",
        "acme.example.com.|acme.example.com",
        "Acme.Example.Com.:443|acme.example.com",
        "'  acme.example.com\t'|acme.example.com",
        "localhost|localhost",
        "localhost:8080|localhost",
        "xn--bcher-kva.example|xn--bcher-kva.example",
        "123.example.com|123.example.com",
        "a-b.c-d.e|a-b.c-d.e",
        "127.0.0.1|127.0.0.1",
        "127.0.0.1:8080|127.0.0.1",
        "[::1]|::1",
        "[2001:DB8::1]:443|2001:db8::1",
        "[::ffff:10.0.0.1]|::ffff:10.0.0.1",
      })
  void normalisesValidHosts(String header, String expected) {
    assertEquals(Optional.of(expected), direct.resolve(header, null, "203.0.113.9"));
  }

  @Test
  void acceptsTheLongestNamesAndLabelsAllowed() {
    String label63 = "a".repeat(63);
    String name253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
    assertEquals(253, name253.length());

    assertEquals(Optional.of(name253), direct.resolve(name253, null, null));
    assertEquals(Optional.of(name253), direct.resolve(name253 + ".:443", null, null));
  }

  @Test
  void rejectsNamesAndLabelsOneCharacterTooLong() {
    String label63 = "a".repeat(63);
    String name254 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(62);
    assertEquals(254, name254.length());

    assertEquals(Optional.empty(), direct.resolve(name254, null, null));
    assertEquals(Optional.empty(), direct.resolve("a".repeat(64) + ".example.com", null, null));
    assertEquals(Optional.empty(), direct.resolve("x".repeat(300), null, null));
    assertEquals(Optional.empty(), direct.resolve("a.".repeat(150) + "com", null, null));
  }

  static Stream<String> garbage() {
    return Stream.of(
        "acme.localhost/../x",
        "acme.example.com/",
        "a b",
        "a b.example.com",
        "evil.com@acme",
        "user:pass@acme.example.com",
        "acme.example.com\r\nX-Injected: 1",
        "acme.example.com\r\n",
        "acme.example.com\n",
        "acme.example.com\u0000",
        "acme.example.com%0d%0a",
        "acme.example.com;evil",
        "acme.example.com?x=1",
        "acme.example.com#frag",
        "\"acme.example.com\"",
        "<script>",
        "-acme.example.com",
        "acme-.example.com",
        "acme..example.com",
        ".acme.example.com",
        "acme.example.com..",
        ".",
        "acme_x.example.com",
        "acmé.example.com",
        "acme.example.com:",
        "acme.example.com:99999",
        "acme.example.com:65536",
        "acme.example.com:80:80",
        "acme.example.com:http",
        ":8080",
        "::1",
        "[::1",
        "[::1]x",
        "[acme.example.com]",
        "[127.0.0.1]",
        "[::1%eth0]",
        "999.1.1.1",
        "1.2.3.256",
        "01.2.3.4",
        "1.2.3",
        "example.123");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = "  \t ")
  @MethodSource("garbage")
  void rejectsAnythingThatIsNotAHostNameOrIpLiteral(String header) {
    assertEquals(Optional.empty(), direct.resolve(header, null, "203.0.113.9"));
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void rejectsTheSameGarbageInATrustedProxysForwardedHost(String header) {
    assertEquals(Optional.empty(), behindProxy.resolve("ok.example.com", header, "10.0.0.1"));
  }
}
