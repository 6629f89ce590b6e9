package io.marque.portal.web.program;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.theme.Messages;
import java.util.List;
import java.util.Map;

/**
 * Shows a refused application form field by field. The extra questions are the provider's own labels,
 * which have no {@code field.*} message: their problems ({@code extra.<n>}) are named by the label.
 */
final class ApplicationProblems {

    private ApplicationProblems() {
    }

    static void show(Feedback feedback, Messages messages, InvalidInputException refused, List<String> labels) {
        for (Map.Entry<String, String> problem : refused.problems().entrySet()) {
            String field = problem.getKey();
            if (field.startsWith("extra.")) {
                int index = Integer.parseInt(field.substring("extra.".length()));
                String label = index < labels.size() ? labels.get(index) : field;
                feedback.error(label + ": " + messages.text(problem.getValue()));
            } else {
                feedback.refused(new InvalidInputException(field, problem.getValue()));
            }
        }
    }
}
