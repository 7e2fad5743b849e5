package io.dailies.access;

import io.dailies.platform.ApiProblem;
import io.dailies.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The console's sign-in: POST {"username","password"} (checked by {@link SignIn} before this runs) answers who
 * signed in, their roles and the CSRF token to echo; GET answers the same for the current session, 401 without
 * one; DELETE signs out.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** Who is signed in: {"username", "roles": [every role they have], "csrfToken"}; 401 when nobody is. */
    @GET
    @PermitAll
    public JsonObject current() {
        if (security.getUserPrincipal() == null) {
            throw ApiProblem.of(401, "Unauthorized", "Nobody is signed in: POST /api/session {\"username\", \"password\"}.");
        }
        JsonArrayBuilder roles = Json.createArrayBuilder();
        Roles.ALL.stream().filter(security::isUserInRole).forEach(roles::add);
        JsonObjectBuilder me = Json.createObjectBuilder().add("username", security.getUserPrincipal().getName()).add("roles", roles);
        HttpSession session = request.getSession(false);
        Object csrf = session == null ? null : session.getAttribute(SignIn.SESSION_CSRF);
        if (csrf != null) {
            me.add("csrfToken", csrf.toString());
        }
        return me.build();
    }

    /**
     * Signs in with {"username", "password"}: a session cookie (HttpOnly, SameSite) and a {@code dailies-csrf}
     * cookie whose value every later state-changing request sends as X-CSRF-Token. 401 on a wrong password,
     * 429 with Retry-After after too many.
     */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(description = "{\"username\": \"ana\", \"password\": \"...\"}", required = true)
    public JsonObject signIn() {
        return current();
    }

    /** Signs out: the session ends and its CSRF cookie is cleared. */
    @DELETE
    @PermitAll
    public Response signOut() throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        return Response.noContent().header("Set-Cookie", SignIn.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict").build();
    }
}
