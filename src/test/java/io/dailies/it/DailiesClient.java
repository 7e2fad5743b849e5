package io.dailies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * A plain HTTP client for the REST API, as a script would use it: HTTP Basic on every request, as the test
 * server's first admin unless told otherwise ({@link #as}, {@link #anonymous}).
 */
public final class DailiesClient {

    /** The test server's first admin (dailies.admin.user / DAILIES_ADMIN_USER, arquillian.xml and dailies.pom.xml). */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    public record Answer(int status, String body, byte[] bytes, String contentType, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse(body);
        }

        public JsonArray array() {
            return (JsonArray) parse(body);
        }

        /** A list's X-Total-Count: how many items the whole list has; fails when the answer has none. */
        public long total() {
            String total = header("X-Total-Count");
            if (total == null) {
                fail("no X-Total-Count header in a list answer (" + status + "): " + body);
            }
            return Long.parseLong(total);
        }

        /** The link of the page after this one (Link: <...>; rel="next"), or null on the last page. */
        public String next() {
            return link("next");
        }

        /** The link of a relation in the Link header, or null. */
        public String link(String rel) {
            for (String value : headers.allValues("Link")) {
                for (String link : value.split(",\\s*(?=<)")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";]+)\"?").matcher(link.strip());
                    if (m.find() && m.group(2).equals(rel)) {
                        return m.group(1);
                    }
                }
            }
            return null;
        }
    }

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public DailiesClient(URL base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), basic(ADMIN_USER, ADMIN_PASSWORD));
    }

    private DailiesClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same server, as this user. */
    public DailiesClient as(String username, String password) {
        return new DailiesClient(base, basic(username, password));
    }

    /** The same server, signed in as nobody. */
    public DailiesClient anonymous() {
        return new DailiesClient(base, null);
    }

    /** The Authorization header's value for HTTP Basic. */
    public static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Makes a user with these roles (as the admin) and answers a client signed in as them. */
    public DailiesClient withNewUser(String username, String... roles) {
        String password = "password-of-" + username;
        Answer made = postJson("api/users", Json.createObjectBuilder().add("username", username).add("password", password)
                .add("roles", Json.createArrayBuilder(java.util.List.of(roles))).build().toString());
        assertEquals(201, made.status(), made.body());
        return as(username, password);
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with request headers, name and value in turn: "Range", "bytes=0-99". */
    public Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).headers(headers).GET());
    }

    public Answer post(String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    public Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A PUT with extra headers, given as name, value pairs. */
    public Answer put(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").headers(headers)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Answer postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** multipart/form-data with a file part and any text parts (name, value pairs). */
    public Answer postMultipart(String path, String fileField, String filename, byte[] file, String... textParts) {
        String boundary = "----dailies" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (int i = 0; i + 1 < textParts.length; i += 2) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + textParts[i] + "\"\r\n\r\n"
                        + textParts[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(file);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /**
     * Every item of a list, page after page, following each answer's Link rel="next" as a client of the API
     * would; checks each page answers 200 and that the pages add up to X-Total-Count.
     */
    public JsonArray all(String path) {
        jakarta.json.JsonArrayBuilder all = Json.createArrayBuilder();
        int count = 0;
        long total = -1;
        String next = path;
        for (int pages = 0; next != null; pages++) {
            if (pages > 10_000) {
                fail("more than 10,000 pages of " + path);
            }
            Answer page = get(next);
            assertEquals(200, page.status(), next + ": " + page.body());
            total = page.total();
            for (jakarta.json.JsonValue v : page.array()) {
                all.add(v);
                count++;
            }
            next = page.next();
        }
        assertEquals(total, count, "the pages of " + path + " add up to X-Total-Count");
        return all.build();
    }

    /** Uploads a shot list and waits for its import to finish either way. */
    public JsonObject importShotlist(String filename, byte[] workbook, String project) {
        return importShotlist(filename, workbook, "project", project);
    }

    /** Uploads a shot list with more form fields (name, value, ...) and waits for its import to finish either way. */
    public JsonObject importShotlist(String filename, byte[] workbook, String... fields) {
        Answer started = postMultipart("api/shotlists", "file", filename, workbook, fields);
        assertEquals(202, started.status(), started.body());
        return awaitStatus("api/shotlists/" + started.json().getInt("id"), Set.of("COMPLETED", "REJECTED", "FAILED"), Duration.ofSeconds(120));
    }

    /** Polls a resource until its "status" is one of the given values, or fails after the timeout. */
    public JsonObject awaitStatus(String path, Set<String> finished, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Answer a = get(path);
            if (a.status() == 200) {
                last = a.json();
                if (finished.contains(last.getString("status"))) {
                    return last;
                }
            }
            pause(250);
        }
        fail("Timed out after " + timeout + " waiting for " + path + " to reach " + finished + "; last seen: " + last);
        return null;
    }

    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        if (authorization != null && built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", authorization).build();
        }
        try {
            HttpResponse<byte[]> r = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonStructure parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }
}
