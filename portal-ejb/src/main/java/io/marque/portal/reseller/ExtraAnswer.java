package io.marque.portal.reseller;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to one of the extra questions the provider configured, kept with the question's label as
 * it read when the applicant answered, so a later change of the form does not change old answers.
 */
public record ExtraAnswer(String label, String answer) implements java.io.Serializable {

    /**
     * One line per answer, label and answer separated by a tab. Neither can hold a tab or a line break:
     * labels are single lines of the settings and answers are single-line texts.
     */
    static String encode(List<ExtraAnswer> answers) {
        StringBuilder text = new StringBuilder();
        for (ExtraAnswer answer : answers) {
            text.append(answer.label()).append('\t').append(answer.answer()).append('\n');
        }
        return text.isEmpty() ? null : text.toString();
    }

    static List<ExtraAnswer> decode(String text) {
        List<ExtraAnswer> answers = new ArrayList<>();
        if (text == null) {
            return answers;
        }
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                answers.add(new ExtraAnswer(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return answers;
    }
}
