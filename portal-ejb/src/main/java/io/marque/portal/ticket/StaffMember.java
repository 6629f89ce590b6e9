package io.marque.portal.ticket;

import java.io.Serializable;

/** An agent a ticket can be assigned to. */
public record StaffMember(long id, String name) implements Serializable {
}
