package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.Endpoints;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's description at /openapi, from the server's MicroProfile OpenAPI: every resource method of the product
 * is in it (found in the compiled classes, not listed by hand, so a new endpoint cannot be left out), with its
 * problem-detail errors; Swagger UI is served from its WebJar at /api-docs/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyResourceMethodIsDescribed() {
        DailiesClient api = new DailiesClient(base);
        DailiesClient.Answer answer = api.get("openapi?format=JSON");
        assertEquals(200, answer.status(), answer.body());
        JsonObject document = answer.json();
        assertEquals("Dailies", document.getJsonObject("info").getString("title"));
        JsonObject paths = document.getJsonObject("paths");
        List<String> endpoints = Endpoints.all();
        assertTrue(endpoints.size() > 30, "the product's resource methods were found: " + endpoints);
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints) {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (!paths.containsKey(path) || !paths.getJsonObject(path).containsKey(verb)) {
                missing.add(endpoint);
            }
        }
        assertEquals(List.of(), missing, "resource methods missing from /openapi; its paths: " + paths.keySet());
        assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/api/")), "only Dailies' API, not the emulator's: " + paths.keySet());
    }

    @Test
    void everyOperationNamesTheRoleItNeeds() {
        JsonObject document = new DailiesClient(base).anonymous().get("openapi?format=JSON").json();
        assertEquals("basic", document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("basic").getString("scheme"));
        JsonObject paths = document.getJsonObject("paths");
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint e : Endpoints.methods()) {
            String verb = e.name().substring(0, e.name().indexOf(' '));
            JsonObject operation = paths.getJsonObject(e.name().substring(verb.length() + 1)).getJsonObject(verb);
            jakarta.annotation.security.RolesAllowed roles = RoleCheck.declared(e.method(), e.resource());
            String expected = roles == null ? "[]" : "[{\"basic\":" + jakarta.json.Json.createArrayBuilder(List.of(roles.value())).build() + "}]";
            String described = operation.containsKey("security") ? operation.getJsonArray("security").toString() : "[]";
            if (!expected.equals(described)) {
                wrong.add(e.name() + ": described " + described + ", declared " + expected);
            }
        }
        assertEquals(List.of(), wrong, "operations whose described roles are not the ones RoleCheck enforces");
    }

    @Test
    void swaggerUiIsServedFromItsWebJar() {
        DailiesClient api = new DailiesClient(base);
        DailiesClient.Answer page = api.get("api-docs/");
        assertEquals(200, page.status());
        String script = page.body().replaceAll("(?s).*<script src=\"\\.\\./(webjars/[^\"]+)\".*", "$1");
        assertTrue(script.startsWith("webjars/swagger-ui/"), page.body());
        DailiesClient.Answer bundle = api.get(script);
        assertEquals(200, bundle.status(), "the page's Swagger UI version is the WebJar's (dailies.pom.xml): " + script);
        assertTrue(bundle.body().contains("SwaggerUIBundle"));
        assertTrue(api.get("api-docs/api-docs.js").body().contains("openapi"));
    }
}
