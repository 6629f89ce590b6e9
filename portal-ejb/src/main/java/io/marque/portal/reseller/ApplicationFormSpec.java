package io.marque.portal.reseller;

import java.util.List;

/**
 * What the public application form needs to know: whether the program takes applications, and the
 * labels of the extra questions the provider asks.
 */
public record ApplicationFormSpec(boolean open, List<String> extraLabels) implements java.io.Serializable {
}
