package io.marque.portal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canned replies: the four placeholders are filled, everything else stays exactly as the agent wrote it. */
class CannedTextTest {

    private static String fill(String template) {
        return CannedText.fill(template, "Ada Lovelace", 1042, "Server does not boot", "Sam (Acme support)");
    }

    @Test
    void fillsEveryPlaceholder() {
        assertEquals("Hello Ada Lovelace, about #1042 \"Server does not boot\": fixed. Sam (Acme support)",
                fill("Hello {{customer.name}}, about #{{ticket.number}} \"{{ticket.subject}}\": fixed. {{agent.name}}"));
    }

    @Test
    void spacesInsideTheBracesAreAllowed() {
        assertEquals("Hi Ada Lovelace / Ada Lovelace / Ada Lovelace",
                fill("Hi {{ customer.name }} / {{customer.name   }} / {{\tcustomer.name}}"));
    }

    @Test
    void aPlaceholderMayRepeat() {
        assertEquals("1042 1042 1042", fill("{{ticket.number}} {{ticket.number}} {{ticket.number}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{customer.email}}", "{{Customer.Name}}", "{{customer_name}}", "{{ customer.nam }}",
        "{customer.name}", "{{customer.name}", "{{}}", "{{ }}", "{{customer.name2}}"})
    void unknownOrMisspeltPlaceholdersStayAsTheyAre(String template) {
        assertEquals("Dear " + template + ",", fill("Dear " + template + ","));
    }

    @Test
    void aTemplateWithoutPlaceholdersIsUnchanged() {
        String template = "Thanks!\n\nWe rebooted the server. Price: $5 \\ month; regex chars .*+?()[]";
        assertEquals(template, fill(template));
        assertEquals("", fill(""));
    }

    @Test
    void dollarSignsAndBackslashesInValuesAreLiteral() {
        assertEquals("Hi $1 \\n ${x} \\",
                CannedText.fill("Hi {{customer.name}}", "$1 \\n ${x} \\", 1, "s", "a"));
    }

    @Test
    void valuesAreNotFilledAgain() {
        // a customer called "{{agent.name}}" must not pull in the agent's name
        assertEquals("Hi {{agent.name}}, #7 {{customer.name}}",
                CannedText.fill("Hi {{customer.name}}, #{{ticket.number}} {{ticket.subject}}", "{{agent.name}}", 7,
                        "{{customer.name}}", "Sam"));
    }

    @Test
    void markupInValuesIsLeftForTheViewToEscape() {
        assertEquals("Re: <b>urgent</b>", CannedText.fill("Re: {{ticket.subject}}", "c", 1, "<b>urgent</b>", "a"));
    }

    @Test
    void largeTicketNumbersAreWrittenInFull() {
        assertEquals("#9007199254740993", CannedText.fill("#{{ticket.number}}", "c", 9_007_199_254_740_993L, "s", "a"));
    }
}
