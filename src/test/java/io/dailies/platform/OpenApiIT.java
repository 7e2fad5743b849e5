package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch", HEAD.class, "head");

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
        List<String> endpoints = endpoints();
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

    /** "get /api/shotlists/{id}" for every resource method of the product's classes. */
    static List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dailies")) {
            Class<?> type = c.reflect();
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.getPackageName().startsWith("io.dailies.emulator")) {
                continue;
            }
            for (Method m : type.getMethods()) {
                for (Map.Entry<Class<? extends Annotation>, String> verb : VERBS.entrySet()) {
                    if (m.isAnnotationPresent(verb.getKey())) {
                        Path sub = m.getAnnotation(Path.class);
                        out.add(verb.getValue() + " " + normal("/api/" + root.value() + "/" + (sub == null ? "" : sub.value())));
                    }
                }
            }
        }
        return out;
    }

    /** "/api//projects/{id: [0-9]+}/" → "/api/projects/{id}". */
    static String normal(String path) {
        String p = path.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
