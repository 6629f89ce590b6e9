package io.marque.portal.ticket;

import java.io.Serializable;

/** A canned reply as the settings page and the reply form show it. */
public record CannedReplyView(long id, String title, String body) implements Serializable {
}
