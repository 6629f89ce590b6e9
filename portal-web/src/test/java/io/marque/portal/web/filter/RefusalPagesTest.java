package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.marque.portal.platform.ForbiddenException;
import io.marque.portal.platform.NotFoundException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** Which failures of a page are the reader's refusal, and with which status and page. */
class RefusalPagesTest {

    @Test
    void aViewThatCannotBeRestoredIsABadRequestFoundInsideTheContainersWrapping() {
        assertEquals(new RefusalPages.Refusal(400, "/error/expired.xhtml"),
                RefusalPages.refusal(new ServletException(new ViewExpiredException("/customer/ticket"))));
        assertEquals(400, RefusalPages.refusal(new ServletException(new RuntimeException(new ViewExpiredException())))
                .status());
    }

    @Test
    void aServicesRefusalIsItsStatusPage() {
        assertEquals(new RefusalPages.Refusal(403, "/error/403.xhtml"),
                RefusalPages.refusal(new ServletException(new ForbiddenException("RESELLER_ADMIN"))));
        assertEquals(new RefusalPages.Refusal(404, "/error/404.xhtml"),
                RefusalPages.refusal(new ServletException(new RuntimeException(new NotFoundException("ticket")))));
    }

    @Test
    void anyOtherFailureStaysTheServersOwn() {
        assertNull(RefusalPages.refusal(new ServletException("boom")));
        assertNull(RefusalPages.refusal(new ServletException(new IllegalStateException("no"))));
    }
}
