package io.marque.portal.server;

import java.io.Serializable;

/** An OS template as offered; {@code hidden} tells a reseller it does not offer it to its customers. */
public record TemplateView(String code, String name, boolean active, boolean hidden) implements Serializable {
}
