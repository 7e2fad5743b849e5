package io.dailies.provider;

import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import io.dailies.platform.Paging;
import io.dailies.platform.Roles;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The model catalog in force, read-only (GET /api/models): each model's sizes, clip lengths, price per second
 * by size (sync and Batch API), rate limits and defaults, in catalog order, a page at a time (?limit=, ?offset=).
 * It changes by configuration ({@code dailies.catalog.file}), never through the API.
 */
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@SecurityRequirement(name = "basic", scopes = Roles.VIEWER)
public class ModelsResource {

    @Inject
    ModelCatalog catalog;

    @GET
    public Response models(@BeanParam Paging paging) {
        PageRequest page = paging.request();
        List<ModelSpec> all = catalog.models();
        return paging.answer(new Page<>(page.of(all), all.size(), page));
    }
}
