package io.dailies.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last word on an API failure: whatever the JAX-RS layer let through (an {@link Error} such as
 * {@link OutOfMemoryError} thrown while an answer was written, a failure of the container itself) is
 * logged with a reference and answered in the API's problem shape, {"status","title","detail"}, never
 * as the container's bare text or HTML page. An answer already on its way cannot be taken back: then the
 * failure is only logged, and the connection is left to the container to close.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ApiErrorFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(ApiErrorFilter.class.getName());

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (Throwable e) {
            if (response.isCommitted()) {
                LOG.log(Level.SEVERE, "API failure after the answer was started; it cannot be replaced by a problem answer", e);
                throw e;
            }
            String body = ApiProblem.unexpected(e);
            response.reset();
            if (response instanceof HttpServletResponse http) {
                http.setStatus(500);
            }
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            try {
                response.getOutputStream().write(bytes);
            } catch (IllegalStateException writerInUse) {
                response.getWriter().write(body);
            }
            response.flushBuffer();
        }
    }
}
