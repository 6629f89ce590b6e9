package io.marque.portal.domains;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsLookup} by dnsjava, asking the configured resolvers directly and caching nothing, so a record
 * the reseller just created is seen at the next check (as far as the resolvers' own caches allow).
 */
public final class DnsJavaLookup implements DnsLookup {

    private final Resolver resolver;

    /** @param servers the resolvers to ask, in order; empty: the machine's own ({@code /etc/resolv.conf}) */
    public DnsJavaLookup(List<InetSocketAddress> servers, Duration timeout) {
        Resolver chosen;
        if (servers.isEmpty()) {
            chosen = new ExtendedResolver();
        } else {
            List<Resolver> each = new ArrayList<>();
            for (InetSocketAddress server : servers) {
                each.add(new SimpleResolver(server));
            }
            chosen = each.size() == 1 ? each.get(0) : new ExtendedResolver(each);
        }
        chosen.setTimeout(timeout);
        this.resolver = chosen;
    }

    /**
     * Parses a resolver list such as {@code "127.0.0.1:5353, 192.0.2.53"} (port 53 unless given; IPv6
     * addresses in brackets when a port follows).
     *
     * @throws IllegalArgumentException for an entry that is not an address
     */
    public static List<InetSocketAddress> servers(String list) {
        List<InetSocketAddress> servers = new ArrayList<>();
        if (list == null) {
            return servers;
        }
        for (String entry : list.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String host = entry;
            int port = 53;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                host = entry.substring(1, close);
                if (entry.length() > close + 1) {
                    port = Integer.parseInt(entry.substring(close + 2));
                }
            } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.contains(":")) {
                host = entry.substring(0, entry.indexOf(':'));
                port = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
            }
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("Not a resolver address: " + entry);
            }
            servers.add(new InetSocketAddress(host, port));
        }
        return servers;
    }

    @Override
    public Optional<String> cname(String name) throws Unavailable {
        for (Record record : ask(name, Type.CNAME)) {
            if (record instanceof CNAMERecord cname) {
                return Optional.of(text(cname.getTarget()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> addresses(String name) throws Unavailable {
        List<String> addresses = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            for (Record record : ask(name, type)) {
                if (record instanceof ARecord a) {
                    addresses.add(a.getAddress().getHostAddress());
                } else if (record instanceof AAAARecord aaaa) {
                    addresses.add(aaaa.getAddress().getHostAddress());
                }
            }
        }
        return addresses;
    }

    @Override
    public List<String> txt(String name) throws Unavailable {
        List<String> texts = new ArrayList<>();
        for (Record record : ask(name, Type.TXT)) {
            if (record instanceof TXTRecord txt) {
                texts.add(String.join("", txt.getStrings()));
            }
        }
        return texts;
    }

    private List<Record> ask(String name, int type) throws Unavailable {
        Name absolute;
        try {
            absolute = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            return List.of();
        }
        Message answer;
        try {
            answer = resolver.send(Message.newQuery(Record.newRecord(absolute, type, DClass.IN)));
        } catch (java.io.IOException e) {
            throw new Unavailable("No answer from DNS for " + name + " (" + Type.string(type) + ")");
        }
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw new Unavailable("DNS answered " + Rcode.string(rcode) + " for " + name + " (" + Type.string(type) + ")");
        }
        return answer.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }

    private static String text(Name name) {
        String s = name.toString(true).toLowerCase(Locale.ROOT);
        return s;
    }
}
