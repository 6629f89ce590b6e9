package io.marque.portal.domains;

import java.util.List;

/**
 * The neutral names a reseller's records point at, configured by the provider so that someone looking
 * the reseller's domain up in DNS does not find the provider's brand (law 2): the CNAME target of portal
 * hosts, the addresses an apex host may point at instead, and the SPF name to include.
 *
 * @param portalTarget    e.g. {@code edge.hosting-portal.net}
 * @param portalAddresses addresses an apex host may have instead of a CNAME; empty: the target's own addresses
 * @param spfInclude      e.g. {@code spf.hosting-portal.net}
 */
public record DnsNames(String portalTarget, List<String> portalAddresses, String spfInclude) {

    public DnsNames {
        portalAddresses = List.copyOf(portalAddresses);
    }
}
