package io.dailies.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Every resource method answers only callers with the role it declares ({@code @RolesAllowed} on the method or
 * its class; {@code @PermitAll} for the few open ones). Anonymous callers get 401, a signed-in user without the
 * role 403 naming the role needed; a method that declares nothing is refused to everyone, so a new endpoint
 * cannot be left open by forgetting. (The sign-in mechanism and web.xml already keep anonymous callers out of
 * /api; this is the per-method check, with a message a person can act on.)
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = declared(method, resource.getResourceClass());
        context.register(new Check(allowed == null ? List.of() : List.of(allowed.value())));
    }

    /** The method's roles, else its class's; null when neither declares any (or the class permits all). */
    public static RolesAllowed declared(Method method, Class<?> type) {
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        if (onMethod != null) {
            return onMethod;
        }
        return type.getAnnotation(RolesAllowed.class);
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext caller = request.getSecurityContext();
            if (caller.getUserPrincipal() == null) {
                request.abortWith(problem(401, "Unauthorized", "Sign in first: this needs a Dailies user"
                        + (roles.isEmpty() ? "." : " with the " + roles.get(0) + " role.")));
                return;
            }
            for (String role : roles) {
                if (caller.isUserInRole(role)) {
                    return;
                }
            }
            String name = caller.getUserPrincipal().getName();
            request.abortWith(problem(403, "Forbidden", roles.isEmpty()
                    ? "This endpoint declares no role, so nobody may call it."
                    : "This needs the " + String.join(" or ", roles) + " role; " + name + " does not have it. An admin can"
                    + " change a user's role (PUT /api/users/{username}/roles)."));
        }
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiProblem.body(status, title, detail)).build();
    }
}
