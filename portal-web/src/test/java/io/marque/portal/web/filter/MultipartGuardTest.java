package io.marque.portal.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
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

    /** A url-encoded post to a page with a file field: the container's request throws, the guard's has no parts. */
    @Test
    void aPostThatIsNotMultipartHasNoParts() throws Exception {
        HttpServletRequest container = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("getPart")) {
                        throw new ServletException("UT010016: Not a multi part request");
                    }
                    return method.getName().equals("getMethod") ? "POST" : null;
                });
        assertThrows(ServletException.class, container::getParts, "as the container answers");
        MultipartGuard.WithoutParts guarded = new MultipartGuard.WithoutParts(container);
        assertTrue(guarded.getParts().isEmpty());
        assertNull(guarded.getPart("reply:files"));
        assertEquals("POST", guarded.getMethod());
    }
}
