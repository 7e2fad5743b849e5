package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.Endpoints;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint declares the role it needs (RoleCheck refuses one that does not), and only roles that exist. */
class RoleDeclarationsTest {

    @Test
    void everyEndpointDeclaresARoleThatExists() {
        List<Endpoints.Endpoint> endpoints = Endpoints.methods();
        assertTrue(endpoints.size() > 40, endpoints.toString());
        List<String> undeclared = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Endpoints.Endpoint e : endpoints) {
            RolesAllowed roles = RoleCheck.declared(e.method(), e.resource());
            if (e.method().isAnnotationPresent(PermitAll.class)) {
                open.add(e.name());
            } else if (roles == null || roles.value().length == 0) {
                undeclared.add(e.name());
            } else {
                for (String role : roles.value()) {
                    assertTrue(Roles.ALL.contains(role), e.name() + " names the role '" + role + "'");
                }
            }
        }
        assertEquals(List.of(), undeclared, "endpoints without @RolesAllowed");
        assertEquals(List.of("delete /api/session", "get /api/session", "post /api/session"), open.stream().sorted().toList(),
                "only signing in, out and asking who is signed in are open");
    }

    @Test
    void eachRoleImpliesTheOnesBeforeIt() {
        assertEquals(List.of("viewer"), Roles.implied("viewer"));
        assertEquals(List.of("viewer", "reviewer", "producer"), Roles.implied("producer"));
        assertEquals(Roles.ALL, Roles.implied("admin"));
        assertEquals(List.of(), Roles.implied("director"));
        assertEquals("admin", Roles.named(" Admin "));
    }
}
