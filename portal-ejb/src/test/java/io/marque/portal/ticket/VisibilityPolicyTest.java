package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marque.portal.identity.Actor;
import io.marque.portal.identity.Role;
import io.marque.portal.platform.ForbiddenException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who reads and writes which message (DESIGN.md, "Tickets", laws 3 and 4), for every role, visibility,
 * escalation state and reply permission, against tables written out here rather than derived from the
 * policy.
 */
class VisibilityPolicyTest {

    // --- the expected tables --------------------------------------------------------------------
    //
    // Columns: the three sides, each in the escalation states NONE, OPEN and RETURNED (in that order).
    // "y" = allowed, "-" = refused. The provider sees and writes nothing unless the ticket is OPEN.

    private static final List<EscalationState> STATE_COLUMNS =
            List.of(EscalationState.NONE, EscalationState.OPEN, EscalationState.RETURNED);
    private static final List<Viewer> SIDE_COLUMNS = List.of(Viewer.CUSTOMER, Viewer.RESELLER, Viewer.PROVIDER);

    private static final String READ = """
            #                customer      reseller      provider
            #                NON OPN RET   NON OPN RET   NON OPN RET
            PUBLIC           y   y   y     y   y   y     -   y   -
            RESELLER_NOTE    -   -   -     y   y   y     -   -   -
            ESCALATION       -   -   -     y   y   y     -   y   -
            PROVIDER_NOTE    -   -   -     -   -   -     -   y   -
            """;

    /** Writing where the reseller does not let the provider answer the customer. */
    private static final String WRITE_PROVIDER_MAY_NOT_REPLY = """
            #                customer      reseller      provider
            #                NON OPN RET   NON OPN RET   NON OPN RET
            PUBLIC           y   y   y     y   y   y     -   -   -
            RESELLER_NOTE    -   -   -     y   y   y     -   -   -
            ESCALATION       -   -   -     -   y   -     -   y   -
            PROVIDER_NOTE    -   -   -     -   -   -     -   y   -
            """;

    /** Writing where the reseller lets the provider answer the customer (under its alias). */
    private static final String WRITE_PROVIDER_MAY_REPLY = """
            #                customer      reseller      provider
            #                NON OPN RET   NON OPN RET   NON OPN RET
            PUBLIC           y   y   y     y   y   y     -   y   -
            RESELLER_NOTE    -   -   -     y   y   y     -   -   -
            ESCALATION       -   -   -     -   y   -     -   y   -
            PROVIDER_NOTE    -   -   -     -   -   -     -   y   -
            """;

    /** Whether the side may open the ticket at all. */
    private static final String OPEN = """
            #                customer      reseller      provider
            #                NON OPN RET   NON OPN RET   NON OPN RET
            TICKET           y   y   y     y   y   y     -   y   -
            """;

    /** The side each role speaks for. */
    private static final Map<Role, Viewer> SIDE_OF_ROLE = Map.of(
            Role.CUSTOMER, Viewer.CUSTOMER,
            Role.RESELLER_AGENT, Viewer.RESELLER,
            Role.RESELLER_ADMIN, Viewer.RESELLER,
            Role.PROVIDER_AGENT, Viewer.PROVIDER,
            Role.PROVIDER_ADMIN, Viewer.PROVIDER);

    /** Whether the table allows {@code row} for the side in the escalation state. */
    static boolean allowed(String table, String row, Viewer side, EscalationState state) {
        for (String line : table.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            if (cells[0].equals(row)) {
                assertEquals(1 + SIDE_COLUMNS.size() * STATE_COLUMNS.size(), cells.length, "malformed row " + line);
                String cell = cells[1 + SIDE_COLUMNS.indexOf(side) * STATE_COLUMNS.size() + STATE_COLUMNS.indexOf(state)];
                assertTrue(cell.equals("y") || cell.equals("-"), "malformed cell in " + line);
                return cell.equals("y");
            }
        }
        throw new AssertionError("no row " + row);
    }

    static boolean expectedRead(Viewer side, Visibility visibility, EscalationState state) {
        return allowed(READ, visibility.name(), side, state);
    }

    /** Used by {@link TicketFlowTest} too, to know which messages can exist at all. */
    static boolean expectedWrite(Viewer side, Visibility visibility, EscalationState state, boolean providerMayReply) {
        return allowed(providerMayReply ? WRITE_PROVIDER_MAY_REPLY : WRITE_PROVIDER_MAY_NOT_REPLY, visibility.name(),
                side, state);
    }

    static boolean expectedOpen(Viewer side, EscalationState state) {
        return allowed(OPEN, "TICKET", side, state);
    }

    private static Actor actor(Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        return new Actor(7L, 11L, "someone@acme.example", set, "192.0.2.1");
    }

    // --- every combination ----------------------------------------------------------------------

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Visibility visibility : Visibility.values()) {
                for (EscalationState state : EscalationState.values()) {
                    for (boolean providerMayReply : new boolean[] {false, true}) {
                        all.add(Arguments.of(role, visibility, state, providerMayReply));
                    }
                }
            }
        }
        return all.stream();
    }

    @Test
    void theCombinationsCoverEveryRoleVisibilityStateAndPermission() {
        assertEquals(5, Role.values().length, "a new role needs a row in SIDE_OF_ROLE");
        assertEquals(4, Visibility.values().length, "a new visibility needs a row in the tables");
        assertEquals(3, EscalationState.values().length, "a new escalation state needs a column in the tables");
        assertEquals(Set.of(Role.values()), SIDE_OF_ROLE.keySet());

        List<List<Object>> combinations = everyCombination().map(a -> List.of(a.get())).toList();
        assertEquals(5 * 4 * 3 * 2, combinations.size());
        assertEquals(120, new HashSet<>(combinations).size(), "every combination once");
    }

    @ParameterizedTest(name = "{0} {1} {2} providerMayReply={3}")
    @MethodSource("everyCombination")
    void followsTheTable(Role role, Visibility visibility, EscalationState state, boolean providerMayReply) {
        Viewer viewer = Viewer.of(actor(role));
        Viewer side = SIDE_OF_ROLE.get(role);
        assertEquals(side, viewer, "side of " + role);

        boolean read = expectedRead(side, visibility, state);
        assertEquals(read, VisibilityPolicy.mayRead(viewer, visibility, state), "mayRead");
        assertEquals(read, VisibilityPolicy.readable(viewer, state).contains(visibility), "readable");
        assertEquals(expectedWrite(side, visibility, state, providerMayReply),
                VisibilityPolicy.mayWrite(viewer, visibility, state, providerMayReply), "mayWrite");
        assertEquals(expectedOpen(side, state), VisibilityPolicy.mayOpen(viewer, state), "mayOpen");
    }

    @Test
    void readableIsExactlyTheReadableRowsOfTheTable() {
        for (Role role : Role.values()) {
            for (EscalationState state : EscalationState.values()) {
                Set<Visibility> expected = EnumSet.noneOf(Visibility.class);
                for (Visibility visibility : Visibility.values()) {
                    if (expectedRead(SIDE_OF_ROLE.get(role), visibility, state)) {
                        expected.add(visibility);
                    }
                }
                assertEquals(expected, VisibilityPolicy.readable(Viewer.of(actor(role)), state), role + " " + state);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} providerMayReply={3}")
    @MethodSource("everyCombination")
    void nobodyWritesWhatItCannotReadOrOnATicketItCannotOpen(Role role, Visibility visibility, EscalationState state,
            boolean providerMayReply) {
        Viewer viewer = Viewer.of(actor(role));
        if (VisibilityPolicy.mayWrite(viewer, visibility, state, providerMayReply)) {
            assertTrue(VisibilityPolicy.mayRead(viewer, visibility, state));
            assertTrue(VisibilityPolicy.mayOpen(viewer, state));
        }
        if (!VisibilityPolicy.mayOpen(viewer, state)) {
            assertTrue(VisibilityPolicy.readable(viewer, state).isEmpty());
        }
    }

    @Test
    void theReadableSetIsTheCallersOwnCopy() {
        Set<Visibility> first = VisibilityPolicy.readable(Viewer.CUSTOMER, EscalationState.NONE);
        first.add(Visibility.PROVIDER_NOTE);
        assertEquals(Set.of(Visibility.PUBLIC), VisibilityPolicy.readable(Viewer.CUSTOMER, EscalationState.NONE));
    }

    // --- the laws, spelled out ------------------------------------------------------------------

    @Test
    void aCustomerNeverReadsNotesOrTheEscalationThread() {
        for (EscalationState state : EscalationState.values()) {
            assertEquals(Set.of(Visibility.PUBLIC), VisibilityPolicy.readable(Viewer.CUSTOMER, state));
        }
    }

    @Test
    void theProviderLosesTheTicketWhenItIsReturned() {
        assertTrue(VisibilityPolicy.mayOpen(Viewer.PROVIDER, EscalationState.OPEN));
        assertFalse(VisibilityPolicy.mayOpen(Viewer.PROVIDER, EscalationState.RETURNED));
        assertFalse(VisibilityPolicy.mayOpen(Viewer.PROVIDER, EscalationState.NONE));
        assertFalse(VisibilityPolicy.mayWrite(Viewer.PROVIDER, Visibility.ESCALATION, EscalationState.RETURNED, true));
        assertFalse(VisibilityPolicy.mayWrite(Viewer.PROVIDER, Visibility.PUBLIC, EscalationState.RETURNED, true));
    }

    @Test
    void theProviderAnswersTheCustomerOnlyWhereTheResellerAllowsIt() {
        assertTrue(VisibilityPolicy.mayWrite(Viewer.PROVIDER, Visibility.PUBLIC, EscalationState.OPEN, true));
        assertFalse(VisibilityPolicy.mayWrite(Viewer.PROVIDER, Visibility.PUBLIC, EscalationState.OPEN, false));
    }

    // --- who sees whom --------------------------------------------------------------------------

    @Test
    void onlyTheProviderDependsOnTheResellerSharingTheCustomer() {
        assertTrue(VisibilityPolicy.seesCustomer(Viewer.CUSTOMER, false));
        assertTrue(VisibilityPolicy.seesCustomer(Viewer.CUSTOMER, true));
        assertTrue(VisibilityPolicy.seesCustomer(Viewer.RESELLER, false));
        assertTrue(VisibilityPolicy.seesCustomer(Viewer.RESELLER, true));
        assertFalse(VisibilityPolicy.seesCustomer(Viewer.PROVIDER, false));
        assertTrue(VisibilityPolicy.seesCustomer(Viewer.PROVIDER, true));
    }

    @Test
    void aProviderAgentsRealNameStaysWithTheProvider() {
        Map<AuthorKind, Set<Viewer>> seenBy = new EnumMap<>(AuthorKind.class);
        seenBy.put(AuthorKind.CUSTOMER, EnumSet.allOf(Viewer.class));
        seenBy.put(AuthorKind.RESELLER, EnumSet.allOf(Viewer.class));
        seenBy.put(AuthorKind.SYSTEM, EnumSet.allOf(Viewer.class));
        seenBy.put(AuthorKind.PROVIDER, EnumSet.of(Viewer.PROVIDER));
        assertEquals(EnumSet.allOf(AuthorKind.class), seenBy.keySet(), "a new author kind needs a row");

        for (AuthorKind author : AuthorKind.values()) {
            for (Viewer viewer : Viewer.values()) {
                assertEquals(seenBy.get(author).contains(viewer), VisibilityPolicy.seesAuthorName(viewer, author),
                        viewer + " sees the name of a " + author);
            }
        }
    }

    // --- sides from roles -----------------------------------------------------------------------

    @Test
    void anActorWithoutRolesHasNoSide() {
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> Viewer.of(actor()));
        assertEquals("No ticket role", e.getMessage());
    }

    @Test
    void staffRolesWinOverTheCustomerRole() {
        assertEquals(Viewer.RESELLER, Viewer.of(actor(Role.CUSTOMER, Role.RESELLER_AGENT)));
        assertEquals(Viewer.RESELLER, Viewer.of(actor(Role.CUSTOMER, Role.RESELLER_ADMIN)));
        assertEquals(Viewer.PROVIDER, Viewer.of(actor(Role.CUSTOMER, Role.PROVIDER_AGENT)));
        assertEquals(Viewer.PROVIDER, Viewer.of(actor(Role.CUSTOMER, Role.PROVIDER_ADMIN)));
        assertEquals(Viewer.RESELLER, Viewer.of(actor(Role.RESELLER_AGENT, Role.RESELLER_ADMIN)));
    }

    @Test
    void eachSideWritesAsItsOwnAuthorKind() {
        assertEquals(AuthorKind.CUSTOMER, Viewer.CUSTOMER.authorKind());
        assertEquals(AuthorKind.RESELLER, Viewer.RESELLER.authorKind());
        assertEquals(AuthorKind.PROVIDER, Viewer.PROVIDER.authorKind());
    }
}
