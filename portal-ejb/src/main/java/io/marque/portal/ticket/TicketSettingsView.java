package io.marque.portal.ticket;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

/**
 * A reseller's ticket settings as its admin edits them. {@code targets} maps each priority to its
 * first-response and resolution targets in business minutes.
 */
public record TicketSettingsView(String providerAlias, boolean providerMayReply, boolean shareCustomer,
        Set<DayOfWeek> businessDays, String opensAt, String closesAt, Map<Priority, int[]> targets)
        implements Serializable {
}
