package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status a message leaves a ticket in, whether it stops the first-response clock, and when the
 * reseller must act next, for every message that can be written at all.
 */
class TicketFlowTest {

    private static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");
    private static final Instant FIRST_RESPONSE_DUE = Instant.parse("2026-11-03T14:00:00Z");
    private static final Instant RESOLUTION_DUE = Instant.parse("2026-11-05T10:00:00Z");

    /** The statuses in which the reseller's side owes the next move, as the javadoc of ACTIVE lists them. */
    private static final Set<TicketStatus> RESELLER_OWES = EnumSet.of(TicketStatus.OPEN,
            TicketStatus.AWAITING_RESELLER, TicketStatus.ESCALATED, TicketStatus.AWAITING_PROVIDER);

    // --- afterMessage: every writable message ---------------------------------------------------

    /** Every (status, escalation, permission, author, visibility) whose message the policy table allows. */
    static Stream<Arguments> everyWritableMessage() {
        List<Arguments> all = new ArrayList<>();
        for (TicketStatus current : TicketStatus.values()) {
            for (EscalationState escalation : EscalationState.values()) {
                for (boolean providerMayReply : new boolean[] {false, true}) {
                    for (Viewer author : Viewer.values()) {
                        for (Visibility visibility : Visibility.values()) {
                            if (VisibilityPolicyTest.expectedWrite(author, visibility, escalation, providerMayReply)) {
                                all.add(Arguments.of(current, escalation, providerMayReply, author, visibility));
                            }
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    /**
     * The javadoc of {@link TicketFlow#afterMessage}, rule by rule, arranged by author rather than by
     * visibility as the code is.
     */
    private static TicketStatus expectedAfter(TicketStatus current, EscalationState escalation,
            boolean providerMayReply, Viewer author, Visibility visibility) {
        switch (author) {
            case CUSTOMER:
                // a customer only writes PUBLIC: it waits for the provider while the provider has the
                // ticket and may answer the customer, otherwise for the reseller; a new ticket stays OPEN
                if (escalation == EscalationState.OPEN) {
                    return providerMayReply ? TicketStatus.AWAITING_PROVIDER : TicketStatus.AWAITING_RESELLER;
                }
                return current == TicketStatus.OPEN ? TicketStatus.OPEN : TicketStatus.AWAITING_RESELLER;
            case RESELLER:
                return switch (visibility) {
                    case PUBLIC -> TicketStatus.AWAITING_CUSTOMER;
                    case ESCALATION -> TicketStatus.AWAITING_PROVIDER;
                    case RESELLER_NOTE -> current;
                    case PROVIDER_NOTE -> throw new AssertionError("the reseller cannot write a provider note");
                };
            case PROVIDER:
                return switch (visibility) {
                    case PUBLIC -> TicketStatus.AWAITING_CUSTOMER;
                    case ESCALATION -> TicketStatus.AWAITING_RESELLER;
                    case PROVIDER_NOTE -> current;
                    case RESELLER_NOTE -> throw new AssertionError("the provider cannot write a reseller note");
                };
            default:
                throw new AssertionError(author);
        }
    }

    @Test
    void everyWritableMessageIsCovered() {
        // per status: customer PUBLIC in 3 states x 2 permissions = 6; reseller PUBLIC and RESELLER_NOTE
        // in 3 x 2 plus ESCALATION while OPEN x 2 = 14; provider while OPEN: 2 without permission, 3 with
        // it = 5. Together 25 per status, 7 statuses.
        assertEquals(7, TicketStatus.values().length);
        assertEquals(25 * 7, everyWritableMessage().count());
    }

    @ParameterizedTest(name = "{0} {1} providerMayReply={2}: {3} writes {4}")
    @MethodSource("everyWritableMessage")
    void statusAfterAMessage(TicketStatus current, EscalationState escalation, boolean providerMayReply, Viewer author,
            Visibility visibility) {
        assertEquals(expectedAfter(current, escalation, providerMayReply, author, visibility),
                TicketFlow.afterMessage(current, escalation, providerMayReply, author, visibility));
    }

    // --- afterMessage: the cases people ask about -----------------------------------------------

    @Test
    void aNewTicketStaysOpenUntilSomebodyAnswers() {
        assertEquals(TicketStatus.OPEN, TicketFlow.afterMessage(TicketStatus.OPEN, EscalationState.NONE, false,
                Viewer.CUSTOMER, Visibility.PUBLIC));
    }

    @Test
    void aCustomerReplyToAResolvedOrClosedTicketWaitsForTheReseller() {
        for (TicketStatus finished : List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)) {
            assertEquals(TicketStatus.AWAITING_RESELLER, TicketFlow.afterMessage(finished, EscalationState.NONE, false,
                    Viewer.CUSTOMER, Visibility.PUBLIC));
            assertEquals(TicketStatus.AWAITING_RESELLER, TicketFlow.afterMessage(finished, EscalationState.RETURNED,
                    true, Viewer.CUSTOMER, Visibility.PUBLIC));
        }
    }

    @Test
    void aCustomerReplyOnAnEscalatedTicketGoesToWhoeverMayAnswerIt() {
        assertEquals(TicketStatus.AWAITING_PROVIDER, TicketFlow.afterMessage(TicketStatus.AWAITING_CUSTOMER,
                EscalationState.OPEN, true, Viewer.CUSTOMER, Visibility.PUBLIC));
        assertEquals(TicketStatus.AWAITING_RESELLER, TicketFlow.afterMessage(TicketStatus.AWAITING_CUSTOMER,
                EscalationState.OPEN, false, Viewer.CUSTOMER, Visibility.PUBLIC));
        // once returned, the provider's permission no longer matters
        assertEquals(TicketStatus.AWAITING_RESELLER, TicketFlow.afterMessage(TicketStatus.AWAITING_CUSTOMER,
                EscalationState.RETURNED, true, Viewer.CUSTOMER, Visibility.PUBLIC));
    }

    @Test
    void theEscalationThreadAlternates() {
        assertEquals(TicketStatus.AWAITING_PROVIDER, TicketFlow.afterMessage(TicketStatus.ESCALATED,
                EscalationState.OPEN, false, Viewer.RESELLER, Visibility.ESCALATION));
        assertEquals(TicketStatus.AWAITING_RESELLER, TicketFlow.afterMessage(TicketStatus.AWAITING_PROVIDER,
                EscalationState.OPEN, false, Viewer.PROVIDER, Visibility.ESCALATION));
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void notesNeverMoveTheTicket(TicketStatus current) {
        assertEquals(current, TicketFlow.afterMessage(current, EscalationState.NONE, false, Viewer.RESELLER,
                Visibility.RESELLER_NOTE));
        assertEquals(current, TicketFlow.afterMessage(current, EscalationState.OPEN, true, Viewer.PROVIDER,
                Visibility.PROVIDER_NOTE));
    }

    // --- isFirstResponse ------------------------------------------------------------------------

    static Stream<Arguments> everyAuthorVisibilityAndClock() {
        List<Arguments> all = new ArrayList<>();
        for (Viewer author : Viewer.values()) {
            for (Visibility visibility : Visibility.values()) {
                for (boolean answered : new boolean[] {false, true}) {
                    all.add(Arguments.of(author, visibility, answered));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} writes {1}, answered before: {2}")
    @MethodSource("everyAuthorVisibilityAndClock")
    void onlyTheFirstStaffAnswerToTheCustomerStopsTheFirstResponseClock(Viewer author, Visibility visibility,
            boolean answered) {
        Ticket ticket = ticket(TicketStatus.OPEN);
        if (answered) {
            ticket.setFirstResponseAt(NOW);
        }
        boolean expected = !answered && visibility == Visibility.PUBLIC
                && (author == Viewer.RESELLER || author == Viewer.PROVIDER);
        assertEquals(expected, TicketFlow.isFirstResponse(ticket, author, visibility));
    }

    @Test
    void notesAndTheEscalationThreadAreNotAnAnswer() {
        Ticket ticket = ticket(TicketStatus.OPEN);
        assertFalse(TicketFlow.isFirstResponse(ticket, Viewer.RESELLER, Visibility.RESELLER_NOTE));
        assertFalse(TicketFlow.isFirstResponse(ticket, Viewer.RESELLER, Visibility.ESCALATION));
        assertFalse(TicketFlow.isFirstResponse(ticket, Viewer.CUSTOMER, Visibility.PUBLIC));
        assertTrue(TicketFlow.isFirstResponse(ticket, Viewer.RESELLER, Visibility.PUBLIC));
    }

    // --- queueDue -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void anUnansweredTicketIsDueForItsFirstResponse(TicketStatus status) {
        Ticket ticket = ticket(status);
        ticket.setFirstResponseDue(FIRST_RESPONSE_DUE);
        ticket.setResolutionDue(RESOLUTION_DUE);
        assertEquals(RESELLER_OWES.contains(status) ? FIRST_RESPONSE_DUE : Ticket.NOT_DUE, TicketFlow.queueDue(ticket));
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void anAnsweredTicketIsDueForItsResolution(TicketStatus status) {
        Ticket ticket = ticket(status);
        ticket.setFirstResponseDue(FIRST_RESPONSE_DUE);
        ticket.setResolutionDue(RESOLUTION_DUE);
        ticket.setFirstResponseAt(NOW);
        assertEquals(RESELLER_OWES.contains(status) ? RESOLUTION_DUE : Ticket.NOT_DUE, TicketFlow.queueDue(ticket));
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void aTicketWithoutSlaTargetsIsNeverDue(TicketStatus status) {
        Ticket unanswered = ticket(status);
        assertEquals(Ticket.NOT_DUE, TicketFlow.queueDue(unanswered));

        Ticket answered = ticket(status);
        answered.setFirstResponseAt(NOW);
        assertEquals(Ticket.NOT_DUE, TicketFlow.queueDue(answered));
    }

    @Test
    void theDueTimeInUseIsTheOneThatCounts() {
        // unanswered: only the first-response due matters, even when the resolution due is set
        Ticket unanswered = ticket(TicketStatus.AWAITING_RESELLER);
        unanswered.setResolutionDue(RESOLUTION_DUE);
        assertEquals(Ticket.NOT_DUE, TicketFlow.queueDue(unanswered));

        // answered: only the resolution due matters
        Ticket answered = ticket(TicketStatus.AWAITING_RESELLER);
        answered.setFirstResponseDue(FIRST_RESPONSE_DUE);
        answered.setFirstResponseAt(NOW);
        assertEquals(Ticket.NOT_DUE, TicketFlow.queueDue(answered));
    }

    @Test
    void notDueSortsAfterEveryRealDueTime() {
        assertTrue(Ticket.NOT_DUE.isAfter(Instant.parse("9999-01-01T00:00:00Z")));
        assertEquals(Ticket.NOT_DUE, ticket(TicketStatus.OPEN).getQueueDue(), "a new ticket starts not due");
    }

    private static Ticket ticket(TicketStatus status) {
        Ticket ticket = new Ticket(7L, 42L, 3L, 2L, "Server does not boot", Priority.NORMAL,
                "k3j9x2m4p5q6r7s8t9u0v1w2", NOW);
        ticket.setStatus(status);
        return ticket;
    }
}
