package io.dailies.access;

import io.dailies.access.Users.Caller;
import io.dailies.platform.ApiProblem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a caller proves who they are, for every request to /api:
 * <ul>
 * <li>scripts send HTTP Basic with each request;</li>
 * <li>the console signs in once ({@code POST /api/session} with {"username","password"}) and then carries an
 * HttpOnly, SameSite session cookie, with its CSRF token echoed as {@code X-CSRF-Token} on every request that
 * changes something;</li>
 * <li>a state-changing request from another site (its Origin or Sec-Fetch-Site says so) is refused however it
 * is signed in, so a browser's remembered credentials cannot be used by a page elsewhere.</li>
 * </ul>
 * Failed passwords are throttled ({@link SignInThrottle}); anonymous calls to /api get 401 with a problem
 * detail. Roles are checked per method afterwards ({@link io.dailies.platform.RoleCheck}).
 */
@ApplicationScoped
public class SignIn implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "dailies.user";
    static final String SESSION_CSRF = "dailies.csrf";
    static final String CSRF_COOKIE = "dailies-csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The console sends it; an answer 401 to it carries no Basic challenge, so no browser dialog pops up. */
    static final String CONSOLE_HEADER = "X-Requested-With";
    static final String SESSION_PATH = "/api/session";

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final int MAX_SIGN_IN_BODY = 8192;

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "dailies.security.max-failed-sign-ins", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "dailies.security.lockout-s", defaultValue = "30")
    int lockoutSeconds;

    private SignInThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    @PostConstruct
    void init() {
        throttle = new SignInThrottle(maxFailures, Duration.ofSeconds(lockoutSeconds), Clock.systemUTC());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !context.isProtected()) {
            return context.doNothing(); // the console's files and the API's description are public
        }
        boolean unsafe = !SAFE.contains(request.getMethod());
        if (unsafe && fromAnotherSite(request)) {
            return refuse(request, response, 403, "Forbidden", "A request that changes something must come from Dailies' own"
                    + " pages or a script, not from another site (Origin: " + request.getHeader("Origin") + ").");
        }
        if (unsafe && SESSION_PATH.equals(path) && "POST".equals(request.getMethod())) {
            return signIn(request, response, context);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).strip(), request, response, context);
        }
        HttpSession session = request.getSession(false);
        String username = session == null ? null : (String) session.getAttribute(SESSION_USER);
        if (username != null) {
            Caller caller = users.active(username);
            if (caller == null) {
                session.invalidate(); // disabled or removed since signing in
            } else {
                if (unsafe && !csrfMatches(request, session)) {
                    return refuse(request, response, 403, "Forbidden", "This request changes something but carries no valid "
                            + CSRF_HEADER + " header; send the value of the " + CSRF_COOKIE + " cookie in it (the console"
                            + " does). Reload the page if you signed in again elsewhere.");
                }
                return context.notifyContainerAboutLogin(caller.username(), new HashSet<>(caller.roles()));
            }
        }
        if (context.isProtected()) {
            return refuse(request, response, 401, "Unauthorized", "Sign in first: send HTTP Basic credentials, or sign in"
                    + " through the console (POST /api/session).");
        }
        return context.doNothing();
    }

    /** POST /api/session {"username","password"}: a new session (its id changed) and a new CSRF token. */
    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        JsonObject body = jsonBody(request);
        String username = body == null ? null : text(body, "username");
        String password = body == null ? null : text(body, "password");
        if (username == null || password == null) {
            return refuse(request, response, 400, "Bad Request", "Send {\"username\": \"...\", \"password\": \"...\"} as JSON.");
        }
        Caller caller = check(username, password, request, response);
        if (caller == null) {
            return AuthenticationStatus.SEND_FAILURE; // answered
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_USER, caller.username());
        byte[] token = new byte[24];
        random.nextBytes(token);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        session.setAttribute(SESSION_CSRF, csrf);
        // Secure exactly when the session cookie is (SessionCookies reads dailies.security.secure-cookies).
        boolean secure = request.getServletContext().getSessionCookieConfig().isSecure();
        response.addHeader("Set-Cookie", CSRF_COOKIE + "=" + csrf + "; Path=/; SameSite=Strict" + (secure ? "; Secure" : ""));
        LOG.info(() -> caller.username() + " signed in from " + request.getRemoteAddr());
        return context.notifyContainerAboutLogin(caller.username(), new HashSet<>(caller.roles()));
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return refuse(request, response, 401, "Unauthorized", "The Authorization header is not HTTP Basic"
                    + " (base64 of username:password).");
        }
        Caller caller = check(decoded.substring(0, colon), decoded.substring(colon + 1), request, response);
        return caller == null ? AuthenticationStatus.SEND_FAILURE
                : context.notifyContainerAboutLogin(caller.username(), new HashSet<>(caller.roles()));
    }

    /** The caller, or null once a 401 or 429 has been answered. */
    private Caller check(String username, String password, HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        Duration wait = throttle.wait(username, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            refuse(request, response, 429, "Too Many Requests", "Too many failed sign-ins for " + username
                    + " or from this address; try again in " + seconds + " s.");
            return null;
        }
        Caller caller = users.verify(username, password);
        if (caller == null) {
            throttle.failed(username, address);
            LOG.warning(() -> "Failed sign-in for '" + username.replaceAll("[\\r\\n]", "_") + "' from " + address);
            refuse(request, response, 401, "Unauthorized", "Wrong user name or password, or the account is disabled.");
            return null;
        }
        throttle.succeeded(username);
        return caller;
    }

    private static boolean csrfMatches(HttpServletRequest request, HttpSession session) {
        String expected = (String) session.getAttribute(SESSION_CSRF);
        String sent = request.getHeader(CSRF_HEADER);
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** A browser says where a request comes from; a page of another origin may not change anything here. */
    static boolean fromAnotherSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false; // not a browser, or a same-origin GET-like navigation
        }
        String host = request.getHeader("Host");
        try {
            URI o = URI.create(origin.strip());
            String authority = o.getRawAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /**
     * Answers with a problem detail through the container's error handling (sendError, then {@link ProblemPage}
     * writes the JSON), as a mechanism's refusal must be: the container then ends the exchange itself.
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail) {
        if (status == 401 && request.getHeader(CONSOLE_HEADER) == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Dailies\", charset=\"UTF-8\"");
        }
        request.setAttribute(ProblemPage.PROBLEM, ApiProblem.body(status, title, detail));
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static JsonObject jsonBody(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_SIGN_IN_BODY + 1);
            if (bytes.length > MAX_SIGN_IN_BODY) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
                return reader.read() instanceof JsonObject o ? o : null;
            }
        } catch (IOException | JsonException e) {
            return null;
        }
    }

    private static String text(JsonObject body, String name) {
        return body.get(name) instanceof JsonString s ? s.getString() : null;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
