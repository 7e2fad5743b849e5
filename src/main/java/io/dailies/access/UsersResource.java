package io.dailies.access;

import io.dailies.platform.ApiProblem;
import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Users and their roles, managed by admins: create, list, change roles, disable and enable; and a password
 * change, by an admin for anyone or by a user for themselves. One enabled admin always remains.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "basic", scopes = Roles.ADMIN)
public class UsersResource {

    private static final Logger LOG = Logger.getLogger(UsersResource.class.getName());

    @Inject
    Users users;

    @Context
    SecurityContext security;

    /** Every user, by name, with the roles granted (each implies the lesser ones). */
    @GET
    public List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{username}")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(users.named(username));
    }

    /** {"username", "password", "roles": ["reviewer"]} → 201 with the user. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        ApiProblem.require(body != null, "Send {\"username\": \"ana\", \"password\": \"at least 10 characters\", \"roles\": [\"reviewer\"]}.");
        UserAccount account = users.create(text(body, "username"), text(body, "password"), roles(body), me());
        LOG.info(() -> me() + " created user " + account.getUsername() + " with roles " + account.getRoles());
        return Response.created(URI.create("/api/users/" + account.getUsername())).entity(UserView.of(account)).build();
    }

    /** {"roles": ["producer"]}: the roles granted from now on. */
    @PUT
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView setRoles(@PathParam("username") String username, JsonObject body) {
        ApiProblem.require(body != null, "Send {\"roles\": [\"producer\"]}.");
        UserView changed = UserView.of(users.setRoles(username, roles(body)));
        LOG.info(() -> me() + " gave " + username + " the roles " + changed.roles());
        return changed;
    }

    /** The user can no longer sign in; their open sessions end at their next request. */
    @POST
    @Path("{username}/disable")
    @Consumes(MediaType.WILDCARD)
    public UserView disable(@PathParam("username") String username) {
        LOG.info(() -> me() + " disabled " + username);
        return UserView.of(users.setEnabled(username, false));
    }

    @POST
    @Path("{username}/enable")
    @Consumes(MediaType.WILDCARD)
    public UserView enable(@PathParam("username") String username) {
        LOG.info(() -> me() + " enabled " + username);
        return UserView.of(users.setEnabled(username, true));
    }

    /** {"password"}: an admin sets anyone's, any user their own. 204. */
    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
    public Response setPassword(@PathParam("username") String username, JsonObject body) {
        if (!username.equals(me()) && !security.isUserInRole(Roles.ADMIN)) {
            throw ApiProblem.of(403, "Forbidden", "Only an admin can change another user's password.");
        }
        ApiProblem.require(body != null, "Send {\"password\": \"at least 10 characters\"}.");
        users.setPassword(username, text(body, "password"));
        LOG.info(() -> me() + " changed the password of " + username);
        return Response.noContent().build();
    }

    private String me() {
        return security.getUserPrincipal().getName();
    }

    private static String text(JsonObject body, String name) {
        return body.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static List<String> roles(JsonObject body) {
        JsonValue value = body.get("roles");
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue v : array) {
                out.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
        } else if (value instanceof JsonString s) {
            out.add(s.getString());
        }
        return out;
    }
}
