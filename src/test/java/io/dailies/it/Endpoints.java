package io.dailies.it;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The product's REST endpoints, found in its compiled classes (not listed by hand, so a new one cannot be left
 * out of the tests that walk them all): the API description's and the sign-in's.
 */
public final class Endpoints {

    /** A resource method and the endpoint it answers: "get /api/shotlists/{id}". */
    public record Endpoint(String name, Class<?> resource, Method method) {
    }

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch", HEAD.class, "head");

    private Endpoints() {
    }

    /** "get /api/shotlists/{id}" for every resource method of the product's classes. */
    public static List<String> all() {
        return methods().stream().map(Endpoint::name).toList();
    }

    public static List<Endpoint> methods() {
        List<Endpoint> out = new ArrayList<>();
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
                        out.add(new Endpoint(verb.getValue() + " " + normal("/api/" + root.value() + "/" + (sub == null ? "" : sub.value())),
                                type, m));
                    }
                }
            }
        }
        return out;
    }

    /** "/api//projects/{id: [0-9]+}/" → "/api/projects/{id}". */
    public static String normal(String path) {
        String p = path.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
