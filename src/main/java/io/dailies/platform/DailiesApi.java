package io.dailies.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The product's REST API under /api; the console and scripts use it. Every resource and provider of
 * the WAR belongs to it (the emulator is a WAR of its own), so none is listed here: each component
 * brings its own resources without this class knowing them. The server describes it at /openapi
 * (MicroProfile OpenAPI, from the resources themselves), browsable at /api-docs/.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Dailies", version = "0.1",
        description = "Shot lists in, prompts compiled, takes rendered through a video-generation API, scored and "
                + "reported. Errors are RFC 9457 problem details; every list pages with limit and offset. "
                + "Every call needs a Dailies user: HTTP Basic for scripts, or the console's session (POST /api/session), "
                + "whose state-changing requests carry the dailies-csrf cookie's value as X-CSRF-Token. Each operation "
                + "names the least role it needs (viewer < reviewer < producer < admin, each allowing the ones before it).",
        license = @License(name = "Proprietary")))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A Dailies user's name and password; the roles are the operation's security scopes.")
public class DailiesApi extends Application {
}
