package io.dailies.access;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
        String body = problem != null ? problem.toString() : Json.createObjectBuilder().add("status", status)
                .add("title", title(status)).add("detail", detail(status)).build().toString();
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 401 -> "Sign in first: send HTTP Basic credentials, or sign in through the console (POST /api/session).";
            case 403 -> "This user may not do this.";
            default -> title(status) + ".";
        };
    }
}
