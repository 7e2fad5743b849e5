package io.dailies.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.it.Workbooks;
import io.dailies.it.Endpoints;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in and roles on the real server: every /api endpoint refuses anonymous callers with 401, each role gets
 * 403 where it falls short, the console's session needs its CSRF token for every change, a request from another
 * site is refused, failed passwords are throttled, users are managed by admins only, the emulator's control API
 * is an admin's, and the provider key is never shown.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyApiEndpointAnswersAnAnonymousCaller401() {
        DailiesClient anonymous = new DailiesClient(base).anonymous();
        List<String> endpoints = Endpoints.all();
        assertTrue(endpoints.size() > 40, "the product's endpoints were found: " + endpoints);
        List<String> open = new ArrayList<>();
        for (String endpoint : endpoints) {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1").substring(1);
            if (path.equals("api/session")) {
                continue; // signing in comes before having a user; GET answers 401 itself (below)
            }
            DailiesClient.Answer a = switch (verb) {
                case "get" -> anonymous.get(path);
                case "delete" -> anonymous.delete(path);
                case "put" -> anonymous.put(path, "{}");
                default -> anonymous.postJson(path, "{}");
            };
            if (a.status() != 401 || !a.body().contains("\"detail\"")) {
                open.add(endpoint + " → " + a.status() + " " + a.body());
            } else if (a.header("WWW-Authenticate") == null || !a.header("WWW-Authenticate").startsWith("Basic")) {
                open.add(endpoint + " → 401 without a Basic challenge");
            }
        }
        assertEquals(List.of(), open, "endpoints that did not answer an anonymous call 401 with a problem detail");
        assertEquals(401, anonymous.get("api/session").status());
        // The console asks without a challenge, so the browser never pops up its own password dialog.
        assertNull(anonymous.get("api/projects", "X-Requested-With", "dailies-console").header("WWW-Authenticate"));
        // Wrong credentials are 401 too, and the console's files stay public.
        assertEquals(401, new DailiesClient(base).as("admin", "not-the-password").get("api/projects").status());
        assertEquals(200, anonymous.get("").status());
        assertEquals(200, anonymous.get("console.js").status());
    }

    @Test
    void eachRoleGetsOnlyWhatItAllows() {
        DailiesClient admin = new DailiesClient(base);
        String t = tag();
        JsonObject imported = admin.importShotlist("roles-" + t + ".xlsx", Workbooks.shots(t, 1), "Roles " + t);
        long projectId = imported.getJsonNumber("projectId").longValue();
        DailiesClient viewer = admin.withNewUser("viewer-" + t, "viewer");
        DailiesClient reviewer = admin.withNewUser("reviewer-" + t, "reviewer");
        DailiesClient producer = admin.withNewUser("producer-" + t, "producer");

        assertEquals(200, viewer.get("api/projects/" + projectId + "/shots").status());
        DailiesClient.Answer noRun = viewer.post("api/projects/" + projectId + "/runs", null, new byte[0]);
        assertEquals(403, noRun.status(), noRun.body());
        assertTrue(noRun.json().getString("detail").contains("producer"), noRun.body());
        assertEquals(403, viewer.postMultipart("api/shotlists", "file", "x.xlsx", Workbooks.shots(t, 1), "project", "No").status());
        assertEquals(403, viewer.get("api/users").status());
        assertEquals(403, reviewer.post("api/projects/" + projectId + "/runs", null, new byte[0]).status());
        assertEquals(403, reviewer.put("api/projects/" + projectId + "/thresholds", "{}").status());
        assertEquals(403, producer.get("api/users").status());
        assertEquals(403, producer.postJson("api/users", "{\"username\":\"x" + t + "\",\"password\":\"long enough pw\",\"roles\":[\"admin\"]}").status());

        // A budget is a producer's to set; it holds the next run.
        assertEquals(403, reviewer.put("api/projects/" + projectId + "/budget", "{\"budgetUsd\":250}").status());
        DailiesClient.Answer budget = producer.put("api/projects/" + projectId + "/budget", "{\"budgetUsd\":0.01}");
        assertEquals(200, budget.status(), budget.body());
        assertEquals(0.01, budget.json().getJsonNumber("budgetUsd").doubleValue(), 1e-9);
        DailiesClient.Answer overBudget = producer.post("api/projects/" + projectId + "/runs", null, new byte[0]);
        assertEquals(409, overBudget.status(), "the new budget holds: " + overBudget.body());
        assertEquals(400, producer.put("api/projects/" + projectId + "/budget", "{\"budgetUsd\":-5}").status());
        assertEquals(200, producer.put("api/projects/" + projectId + "/budget", "{\"budgetUsd\":null}").status());

        DailiesClient.Answer run = producer.post("api/projects/" + projectId + "/runs", null, new byte[0]);
        assertEquals(202, run.status(), run.body());
        long runId = run.json().getJsonNumber("id").longValue();
        JsonObject finished = admin.awaitStatus("api/runs/" + runId, java.util.Set.of("COMPLETED", "FAILED"), Duration.ofMinutes(3));
        assertEquals("COMPLETED", finished.getString("status"), finished.toString());
        long takeId = admin.all("api/runs/" + runId + "/takes").getJsonObject(0).getJsonNumber("id").longValue();

        assertEquals(403, viewer.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\":\"ACCEPT\"}").status());
        DailiesClient.Answer review = reviewer.postJson("api/takes/" + takeId + "/reviews",
                "{\"verdict\":\"RETAKE\",\"notes\":\"soft focus\",\"reviewer\":\"Somebody Else\"}");
        assertEquals(201, review.status(), review.body());
        assertEquals("reviewer-" + t, review.json().getString("reviewer"), "the verdict is the signed-in user's, not a name sent");
        assertEquals(206, viewer.get("api/takes/" + takeId + "/video", "Range", "bytes=0-99").status());

        // The emulator's control API is an admin's.
        assertEquals(401, admin.anonymous().get("emulator/v1/control/counters").status());
        assertEquals(403, producer.get("emulator/v1/control/counters").status());
        assertEquals(200, admin.get("emulator/v1/control/counters").status());
    }

    @Test
    void theConsoleSessionNeedsItsCsrfTokenForEveryChange() throws Exception {
        DailiesClient admin = new DailiesClient(base);
        String t = tag();
        admin.withNewUser("csrf-" + t, "producer");
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        URI root = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");

        HttpResponse<String> before = browser.send(HttpRequest.newBuilder(root.resolve("api/projects")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, before.statusCode());
        HttpResponse<String> signedIn = signIn(browser, root, "csrf-" + t, "password-of-csrf-" + t);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        JsonObject me = Json.createReader(new StringReader(signedIn.body())).readObject();
        assertEquals(List.of("viewer", "reviewer", "producer"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        String csrf = me.getString("csrfToken");
        List<String> setCookies = signedIn.headers().allValues("Set-Cookie");
        String session = setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow(() -> new AssertionError(setCookies.toString()));
        assertTrue(session.contains("HttpOnly"), session);
        assertTrue(session.toLowerCase().contains("samesite=lax"), session);
        String token = setCookies.stream().filter(c -> c.startsWith("dailies-csrf=")).findFirst().orElseThrow();
        assertTrue(token.contains("SameSite=Strict") && !token.contains("HttpOnly"), "the console's script reads it: " + token);
        assertTrue(token.startsWith("dailies-csrf=" + csrf + ";"), token);

        HttpRequest.Builder change = HttpRequest.newBuilder(root.resolve("api/shots/987654321/retakes"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"change\":\"x\"}"));
        HttpResponse<String> noToken = browser.send(change.copy().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertTrue(noToken.body().contains("X-CSRF-Token"), noToken.body());
        HttpResponse<String> wrongToken = browser.send(change.copy().header("X-CSRF-Token", "forged").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        HttpResponse<String> withToken = browser.send(change.copy().header("X-CSRF-Token", csrf).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, withToken.statusCode(), "past the CSRF check, the shot is looked up: " + withToken.body());
        assertEquals(200, browser.send(HttpRequest.newBuilder(root.resolve("api/projects")).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "reading needs no token");

        // A page of another site cannot make a signed-in browser change anything, by session or remembered Basic.
        HttpResponse<String> crossSite = browser.send(change.copy().header("X-CSRF-Token", csrf).header("Origin", "https://evil.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        DailiesClient.Answer basicCrossSite = admin.post("api/shots/987654321/retakes", "application/json", "{}".getBytes());
        assertEquals(404, basicCrossSite.status(), "a script's Basic call carries no Origin and passes");
        HttpResponse<String> basicFromEvil = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("api/shots/987654321/retakes"))
                .header("Authorization", DailiesClient.basic(DailiesClient.ADMIN_USER, DailiesClient.ADMIN_PASSWORD))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, basicFromEvil.statusCode());

        // A new sign-in is a new session id (no fixation); signing out ends it.
        String firstId = sessionId(cookies);
        assertEquals(200, signIn(browser, root, "csrf-" + t, "password-of-csrf-" + t).statusCode());
        String secondId = sessionId(cookies);
        assertNotEquals(firstId, secondId);
        String csrf2 = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("dailies-csrf")).findFirst().orElseThrow().getValue();
        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(root.resolve("api/session")).header("X-CSRF-Token", csrf2).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, out.statusCode(), out.body());
        assertEquals(401, browser.send(HttpRequest.newBuilder(root.resolve("api/session")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        // A disabled user's session ends at once.
        assertEquals(200, signIn(browser, root, "csrf-" + t, "password-of-csrf-" + t).statusCode());
        assertEquals(200, admin.post("api/users/csrf-" + t + "/disable", null, new byte[0]).status());
        assertEquals(401, browser.send(HttpRequest.newBuilder(root.resolve("api/projects")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void failedSignInsAreThrottled() throws Exception {
        DailiesClient admin = new DailiesClient(base);
        String t = tag();
        DailiesClient right = admin.withNewUser("guess-" + t, "viewer");
        DailiesClient wrong = admin.as("guess-" + t, "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, wrong.get("api/projects").status(), "failure " + (i + 1));
        }
        DailiesClient.Answer locked = right.get("api/projects");
        assertEquals(429, locked.status(), "even the right password waits out the lockout: " + locked.body());
        assertNotNull(locked.header("Retry-After"));
        assertTrue(locked.json().getString("detail").contains("Too many failed sign-ins"), locked.body());
        HttpClient browser = HttpClient.newHttpClient();
        URI root = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        assertEquals(429, signIn(browser, root, "guess-" + t, "password-of-guess-" + t).statusCode(), "the console's sign-in too");
        assertEquals(200, admin.get("api/projects").status(), "other users are not locked out");
        // The test server's lockout is 2 s (dailies.pom.xml); the right password works again after it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 429;
        while (status == 429 && System.nanoTime() < deadline) {
            DailiesClient.pause(250);
            status = right.get("api/projects").status();
        }
        assertEquals(200, status);
    }

    @Test
    void adminsManageUsers() {
        DailiesClient admin = new DailiesClient(base);
        String t = tag();
        DailiesClient.Answer made = admin.postJson("api/users", "{\"username\":\"ana-" + t + "\",\"password\":\"a long password\",\"roles\":[\"reviewer\"]}");
        assertEquals(201, made.status(), made.body());
        assertFalse(made.body().contains("password\""), "no password or hash in the answer: " + made.body());
        assertEquals(409, admin.postJson("api/users", "{\"username\":\"ana-" + t + "\",\"password\":\"a long password\",\"roles\":[\"viewer\"]}").status());
        DailiesClient.Answer bad = admin.postJson("api/users", "{\"username\":\"bad name\",\"password\":\"short\",\"roles\":[\"director\"]}");
        assertEquals(400, bad.status());
        String detail = bad.json().getString("detail");
        assertTrue(detail.contains("username") && detail.contains("at least 10 characters") && detail.contains("'director' is not a role"), detail);

        DailiesClient ana = admin.as("ana-" + t, "a long password");
        assertEquals(403, ana.put("api/projects/1/thresholds", "{}").status());
        assertEquals(200, admin.put("api/users/ana-" + t + "/roles", "{\"roles\":[\"producer\"]}").status());
        assertTrue(admin.get("api/users").array().stream().map(v -> (JsonObject) v)
                .anyMatch(u -> u.getString("username").equals("ana-" + t) && u.getJsonArray("roles").toString().equals("[\"producer\"]")));
        assertEquals(204, ana.put("api/users/ana-" + t + "/password", "{\"password\":\"another long password\"}").status(), "her own");
        assertEquals(401, ana.get("api/projects").status(), "the old password no longer works");
        DailiesClient ana2 = admin.as("ana-" + t, "another long password");
        assertEquals(200, ana2.get("api/projects").status());
        assertEquals(403, ana2.put("api/users/" + DailiesClient.ADMIN_USER + "/password", "{\"password\":\"taken over!!\"}").status());

        // One enabled admin always remains.
        DailiesClient.Answer lastAdmin = admin.post("api/users/" + DailiesClient.ADMIN_USER + "/disable", null, new byte[0]);
        if (admin.get("api/users").array().stream().map(v -> (JsonObject) v)
                .filter(u -> u.getBoolean("enabled") && u.getJsonArray("roles").toString().contains("admin")).count() <= 1) {
            assertEquals(409, lastAdmin.status(), lastAdmin.body());
            assertTrue(lastAdmin.json().getString("detail").contains("at least one enabled admin"), lastAdmin.body());
        }
        assertEquals(200, admin.post("api/users/ana-" + t + "/disable", null, new byte[0]).status());
        assertEquals(401, ana2.get("api/projects").status());
        assertEquals(200, admin.post("api/users/ana-" + t + "/enable", null, new byte[0]).status());
        assertEquals(200, ana2.get("api/projects").status());
        assertEquals(404, admin.put("api/users/nobody-" + t + "/roles", "{\"roles\":[\"viewer\"]}").status());
    }

    @Test
    void theProviderKeyIsNeverShown() {
        DailiesClient.Answer provider = new DailiesClient(base).withNewUser("key-" + tag(), "viewer").get("api/provider");
        assertEquals(200, provider.status(), provider.body());
        assertTrue(provider.json().getString("baseUrl").endsWith("/emulator/v1"), provider.body());
        assertFalse(provider.json().getBoolean("keySet"), "the test server has no key: " + provider.body());
        assertEquals(2, provider.json().size(), "the base URL and whether a key is set, nothing else: " + provider.body());
    }

    private static HttpResponse<String> signIn(HttpClient browser, URI root, String username, String password) throws Exception {
        return browser.send(HttpRequest.newBuilder(root.resolve("api/session")).header("Content-Type", "application/json")
                .header("X-Requested-With", "dailies-console")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", username).add("password", password)
                        .build().toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
                .findFirst().orElseThrow();
    }

    private static void assertNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNull(o);
    }
}
