package io.marque.portal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a provider admin types as a reseller's API limits: a whole number, else 0, which the service refuses. */
class ResellerDetailTest {

    @Test
    void wholeNumbersAreTakenAndAnythingElseBecomesZero() {
        assertEquals(600, ResellerDetail.whole(" 600 "));
        assertEquals(1, ResellerDetail.whole("1"));
        for (String typed : new String[] {null, "", "  ", "-5", "1.5", "6e2", "ten", "1234567890"}) {
            assertEquals(0, ResellerDetail.whole(typed), "\"" + typed + "\"");
        }
    }
}
