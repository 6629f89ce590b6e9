package io.marque.portal.web.ticket;

import io.marque.portal.ticket.CustomerDesk;
import io.marque.portal.ticket.ProviderDesk;
import io.marque.portal.ticket.ResellerDesk;
import io.marque.portal.ticket.TicketQueries;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The in-app counters beside "Tickets" in the navigation: for a customer, tickets waiting for its
 * answer; for reseller staff, tickets nobody has taken; for provider staff, open escalations.
 *
 * <p>A counter is one query, but it is on every page of an area; it is kept in the session for
 * {@link #FRESH_MILLIS}, and {@link #forget} drops it whenever this session changes something (a form
 * that succeeded), so the user's own actions show at once and other people's within seconds.
 */
@Named("counters")
@RequestScoped
public class TicketCounters {

    /** How long a counter is shown without asking again. */
    static final long FRESH_MILLIS = 20_000;

    private static final String SESSION_KEY = "marque.counter";

    @Inject
    CurrentUser me;

    @Inject
    CustomerDesk customers;

    @Inject
    ResellerDesk resellers;

    @Inject
    ProviderDesk provider;

    /** A counter with the moment it was counted. */
    record Counted(long value, long at) implements Serializable {
    }

    public long getAwaitingCustomer() {
        return counted(() -> customers.awaitingMe(me.actor()));
    }

    public long getUnassigned() {
        return counted(() -> resellers.unassignedCount(me.actor()));
    }

    public long getEscalations() {
        return counted(() -> provider.count(me.actor()));
    }

    /** A counter as it is shown: the number, or "99+" past what counters count. */
    public String label(long count) {
        return count > TicketQueries.COUNT_CAP ? TicketQueries.COUNT_CAP + "+" : String.valueOf(count);
    }

    /** Drops the session's counter: the next page counts again. */
    public static void forget() {
        // never makes a session: signed-out forms (sign-up, reset) must stay sessionless
        if (FacesContext.getCurrentInstance().getExternalContext().getSession(false) instanceof HttpSession session) {
            session.removeAttribute(SESSION_KEY);
        }
    }

    /** A user is in one area, so a session has one counter. */
    private long counted(LongSupplier count) {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        long now = System.currentTimeMillis();
        if (session.get(SESSION_KEY) instanceof Counted counted && now - counted.at() < FRESH_MILLIS) {
            return counted.value();
        }
        long value = count.getAsLong();
        session.put(SESSION_KEY, new Counted(value, now));
        return value;
    }
}
