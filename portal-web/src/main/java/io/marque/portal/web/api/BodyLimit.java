package io.marque.portal.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses a request body larger than {@value #MAX_BYTES} bytes, declared or streamed, before it is parsed. */
@Provider
@ApplicationScoped
public class BodyLimit implements ReaderInterceptor {

    public static final int MAX_BYTES = 64 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String declared = context.getHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BYTES) {
            throw new TooLargeException();
        }
        context.setInputStream(new Limited(context.getInputStream()));
        return context.proceed();
    }

    /** The body passed the limit. */
    public static class TooLargeException extends RuntimeException {
        public TooLargeException() {
            super("Request body over " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLargeException();
            }
        }
    }
}
