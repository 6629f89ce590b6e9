package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Which answer a body the container could not parse gets. */
class MultipartGuardTest {

    /** Named as Undertow's is: the guard matches the container's exceptions by simple name. */
    static class RequestTooBigException extends IOException {
    }

    static class FileTooLargeException extends IOException {
    }

    @Test
    void aBodyOverTheContainersLimitIsTooLarge() {
        assertEquals(413, MultipartGuard.refusal(new IllegalStateException(new RequestTooBigException())));
        assertEquals(413, MultipartGuard.refusal(new IllegalStateException(new FileTooLargeException())));
    }

    @Test
    void aMalformedBodyIsABadRequest() {
        assertEquals(400, MultipartGuard.refusal(new RuntimeException(new IOException("UT000055: Could not find boundary"))));
        assertEquals(400, MultipartGuard.refusal(new IOException("connection terminated reading multipart data")));
        assertEquals(400, MultipartGuard.refusal(new jakarta.servlet.ServletException("not a multipart request")));
    }

    @Test
    void aTargetWithoutMultipartIsLeftToItself() {
        assertEquals(0, MultipartGuard.refusal(new IllegalStateException("UT010057: multipart config was not present")));
    }
}
