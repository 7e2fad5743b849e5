package io.dailies.access;

import io.dailies.platform.ApiProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of sign-in's refusals (web.xml maps 400, 401, 403 and 429 here): the problem detail {@link SignIn}
 * left on the request, or one made from the status, as JSON like every other answer of the API.
 */
@WebServlet("/error/problem")
public class ProblemPage extends HttpServlet {

    static final String PROBLEM = "dailies.problem";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object problem = request.getAttribute(PROBLEM);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String body = problem != null ? problem.toString()
                : ApiProblem.body(status, known == null ? "Error" : known.getReasonPhrase(), null);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
