package io.dailies.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The product's REST API under /api; the console and scripts use it. Every resource and provider of
 * the WAR belongs to it (the emulator is a WAR of its own), so none is listed here: each component
 * brings its own resources without this class knowing them. The server describes it at /openapi
 * (MicroProfile OpenAPI, from the resources themselves), browsable at /api-docs/.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Dailies", version = "0.1",
        description = "Shot lists in, prompts compiled, takes rendered through a video-generation API, scored and "
                + "reported. Errors are RFC 9457 problem details; every list pages with limit and offset.",
        license = @License(name = "Proprietary")))
public class DailiesApi extends Application {
}
