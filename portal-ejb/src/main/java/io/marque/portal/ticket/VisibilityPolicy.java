package io.marque.portal.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one place that decides who reads and writes which message (DESIGN.md, "Tickets", and laws 3
 * and 4). Every query for messages takes its visibilities from {@link #readable}; every new message is
 * checked with {@link #mayWrite}.
 *
 * <table>
 * <caption>Reading</caption>
 * <tr><th>visibility</th><th>customer</th><th>reseller</th><th>provider</th></tr>
 * <tr><td>PUBLIC</td><td>yes</td><td>yes</td><td>while escalated</td></tr>
 * <tr><td>RESELLER_NOTE</td><td>no</td><td>yes</td><td>no</td></tr>
 * <tr><td>ESCALATION</td><td>no</td><td>yes</td><td>while escalated</td></tr>
 * <tr><td>PROVIDER_NOTE</td><td>no</td><td>no</td><td>while escalated</td></tr>
 * </table>
 *
 * <p>Writing: a customer writes PUBLIC only; reseller staff write PUBLIC and RESELLER_NOTE, and
 * ESCALATION while the ticket is escalated; provider staff write only while it is escalated:
 * ESCALATION and PROVIDER_NOTE, and PUBLIC only where the reseller allowed customer-facing replies.
 * "Escalated" means {@link EscalationState#OPEN}: a ticket taken back or returned is the reseller's
 * alone again.
 */
public final class VisibilityPolicy {

    private VisibilityPolicy() {
    }

    /** Whether the viewer may open the ticket at all. */
    public static boolean mayOpen(Viewer viewer, EscalationState escalation) {
        return viewer != Viewer.PROVIDER || escalation == EscalationState.OPEN;
    }

    /** The visibilities the viewer may read on a ticket in the given escalation state. */
    public static Set<Visibility> readable(Viewer viewer, EscalationState escalation) {
        return switch (viewer) {
            case CUSTOMER -> EnumSet.of(Visibility.PUBLIC);
            case RESELLER -> EnumSet.of(Visibility.PUBLIC, Visibility.RESELLER_NOTE, Visibility.ESCALATION);
            case PROVIDER -> escalation == EscalationState.OPEN
                    ? EnumSet.of(Visibility.PUBLIC, Visibility.ESCALATION, Visibility.PROVIDER_NOTE)
                    : EnumSet.noneOf(Visibility.class);
        };
    }

    public static boolean mayRead(Viewer viewer, Visibility visibility, EscalationState escalation) {
        return readable(viewer, escalation).contains(visibility);
    }

    /**
     * Whether the viewer may add a message of this visibility.
     *
     * @param providerMayReply whether the reseller lets the provider answer the customer on this ticket
     */
    public static boolean mayWrite(Viewer viewer, Visibility visibility, EscalationState escalation,
            boolean providerMayReply) {
        boolean escalated = escalation == EscalationState.OPEN;
        return switch (viewer) {
            case CUSTOMER -> visibility == Visibility.PUBLIC;
            case RESELLER -> visibility == Visibility.PUBLIC || visibility == Visibility.RESELLER_NOTE
                    || visibility == Visibility.ESCALATION && escalated;
            case PROVIDER -> escalated && (visibility == Visibility.ESCALATION || visibility == Visibility.PROVIDER_NOTE
                    || visibility == Visibility.PUBLIC && providerMayReply);
        };
    }

    /**
     * Whether the viewer sees who the customer is (name, e-mail, company); otherwise only the ticket's
     * pseudonym. The provider sees them only where the reseller chose to share them (law 3).
     */
    public static boolean seesCustomer(Viewer viewer, boolean shared) {
        return viewer != Viewer.PROVIDER || shared;
    }

    /**
     * Whether the viewer sees the real name of a message's author, or only its public name. A provider
     * agent's own name stays with the provider (law 4): the reseller and the customer see the alias.
     */
    public static boolean seesAuthorName(Viewer viewer, AuthorKind author) {
        return author != AuthorKind.PROVIDER || viewer == Viewer.PROVIDER;
    }
}
