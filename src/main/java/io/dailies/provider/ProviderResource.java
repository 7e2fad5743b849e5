package io.dailies.provider;

import io.dailies.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Where takes are rendered: the provider's base URL and whether a key is set. The key itself is never shown. */
@Path("provider")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class ProviderResource {

    public record ProviderView(String baseUrl, boolean keySet) {
    }

    @Inject
    ProviderSettings settings;

    @GET
    public ProviderView get() {
        return new ProviderView(settings.baseUrl(), settings.apiKey().filter(k -> !k.isBlank()).isPresent());
    }
}
