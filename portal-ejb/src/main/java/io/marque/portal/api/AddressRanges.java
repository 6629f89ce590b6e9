package io.marque.portal.api;

import io.marque.portal.server.IpLiteral;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client addresses a key may be used from: single IPv4/IPv6 addresses or CIDR blocks, separated by
 * spaces or commas. Only literals are accepted (never a host name, which would need a lookup).
 */
public final class AddressRanges {

    /** The most entries one key may list. */
    public static final int MAX = 20;

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;
    private final String normalised;

    private AddressRanges(List<Range> ranges, String normalised) {
        this.ranges = ranges;
        this.normalised = normalised;
    }

    /**
     * @return the ranges, or empty for a blank text (the key may be used from anywhere)
     * @throws IllegalArgumentException naming the entry that is no address or block
     */
    public static Optional<AddressRanges> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Range> ranges = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String entry : text.strip().split("[\\s,]+")) {
            String[] parts = entry.split("/", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException(entry);
            }
            String literal = IpLiteral.ipv4(parts[0]).or(() -> IpLiteral.ipv6(parts[0]))
                    .orElseThrow(() -> new IllegalArgumentException(entry));
            byte[] address = bytes(literal);
            int bits = address.length * 8;
            if (parts.length == 2) {
                if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > bits) {
                    throw new IllegalArgumentException(entry);
                }
                bits = Integer.parseInt(parts[1]);
            }
            ranges.add(new Range(address, bits));
            kept.add(parts.length == 2 ? literal + "/" + bits : literal);
        }
        if (ranges.size() > MAX) {
            throw new IllegalArgumentException("more than " + MAX + " entries");
        }
        return Optional.of(new AddressRanges(List.copyOf(ranges), String.join(" ", kept)));
    }

    public boolean contains(String clientAddress) {
        Optional<String> literal = IpLiteral.ipv4(clientAddress).or(() -> IpLiteral.ipv6(clientAddress));
        if (literal.isEmpty()) {
            return false;
        }
        byte[] address = bytes(literal.get());
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public String toString() {
        return normalised;
    }

    private static byte[] bytes(String literal) {
        try {
            // a literal, checked above: no name lookup happens
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
