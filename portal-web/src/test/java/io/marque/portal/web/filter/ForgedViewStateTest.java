package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** Which failures of a post are a made-up view state. */
class ForgedViewStateTest {

    @Test
    void aViewThatCannotBeRestoredIsFoundInsideTheContainersWrapping() {
        assertTrue(ForgedViewState.isViewExpired(new ServletException(new ViewExpiredException("/customer/ticket"))));
        assertTrue(ForgedViewState.isViewExpired(new ServletException(new RuntimeException(new ViewExpiredException()))));
    }

    @Test
    void anyOtherFailureStaysTheServersOwn() {
        assertFalse(ForgedViewState.isViewExpired(new ServletException("boom")));
        assertFalse(ForgedViewState.isViewExpired(new ServletException(new IllegalStateException("no"))));
    }
}
