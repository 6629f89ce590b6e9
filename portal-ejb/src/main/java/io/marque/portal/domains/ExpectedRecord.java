package io.marque.portal.domains;

/**
 * A DNS record as the reseller must create it: the exact name, type and value its DNS panel asks for.
 *
 * @param name  the record's full name without the final dot, e.g. {@code support.acme-cloud.com}
 * @param type  {@code CNAME} or {@code TXT}
 * @param value the record's content: a host name for a CNAME, the whole text for a TXT record
 */
public record ExpectedRecord(DomainRecord.Kind kind, String name, String type, String value) {
}
