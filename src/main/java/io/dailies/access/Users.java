package io.dailies.access;

import io.dailies.platform.ApiProblem;
import io.dailies.platform.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dailies' users: created by an admin (or the first admin at first start), their roles, whether they may sign
 * in, and the check of a password against its PBKDF2 hash. A password checked once is remembered for a few
 * minutes as an HMAC under a key that lives only in this server's memory, so a script's HTTP Basic calls do
 * not each pay for the slow hash; a new password, a new role or a disabled account takes effect at once.
 */
@ApplicationScoped
public class Users {

    /** A user who may sign in, with every role their granted roles imply. */
    public record Caller(String username, List<String> roles) {
    }

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;
    private static final long REMEMBER_MS = 5 * 60_000;

    private record Remembered(String passwordHash, byte[] proof, long until) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashing;

    @Inject
    Event<FirstAdmin.PasswordChanged> passwordChanged;

    @Inject
    @ConfigProperty(name = "dailies.security.password-iterations", defaultValue = "210000")
    int iterations;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final byte[] memoryKey = new byte[32];

    @PostConstruct
    void init() {
        hashing.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32", "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        new SecureRandom().nextBytes(memoryKey);
    }

    /** The caller these credentials name, or null when the name is unknown, disabled or the password wrong. */
    @Transactional
    public Caller verify(String username, String password) {
        UserAccount account = find(username);
        if (account == null || !account.isEnabled() || password == null) {
            return null;
        }
        byte[] proof = proof(username, password);
        Remembered known = remembered.get(account.getUsername());
        boolean fresh = known != null && known.until() > System.currentTimeMillis()
                && known.passwordHash().equals(account.getPasswordHash()) && MessageDigest.isEqual(known.proof(), proof);
        if (!fresh) {
            if (!hashing.verify(password.toCharArray(), account.getPasswordHash())) {
                return null;
            }
            remembered.put(account.getUsername(), new Remembered(account.getPasswordHash(), proof, System.currentTimeMillis() + REMEMBER_MS));
            account.signedIn(Instant.now());
        }
        return caller(account);
    }

    /** A signed-in session's user as they are now: null once disabled or removed. */
    @Transactional
    public Caller active(String username) {
        UserAccount account = find(username);
        return account == null || !account.isEnabled() ? null : caller(account);
    }

    @Transactional
    public void signedIn(String username) {
        UserAccount account = find(username);
        if (account != null) {
            account.signedIn(Instant.now());
        }
    }

    @Transactional
    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }

    @Transactional
    public List<UserAccount> all() {
        return em.createQuery("select u from UserAccount u order by u.username", UserAccount.class).getResultList();
    }

    /** The account, or 404 naming it. */
    @Transactional
    public UserAccount named(String username) {
        UserAccount account = find(username);
        if (account == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "There is no user '" + shorten(username) + "'.");
        }
        return account;
    }

    /** A new user; 400 naming what is wrong with the name, password or roles; 409 when the name is taken. */
    @Transactional
    public UserAccount create(String username, String password, Collection<String> roles, String createdBy) {
        List<String> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add("username must be 1 to 64 letters, digits or . _ @ - (starting with a letter or digit), was '"
                    + shorten(username) + "'");
        }
        passwordProblem(password, problems);
        Set<String> granted = roles(roles, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, String.join("; ", problems) + ".");
        }
        if (find(username) != null) {
            throw ApiProblem.of(Response.Status.CONFLICT, "There is already a user '" + username + "'.");
        }
        UserAccount account = new UserAccount(username, hashing.generate(password.toCharArray()), granted, createdBy, Instant.now());
        em.persist(account);
        return account;
    }

    @Transactional
    public UserAccount setRoles(String username, Collection<String> roles) {
        List<String> problems = new ArrayList<>();
        Set<String> granted = roles(roles, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, String.join("; ", problems) + ".");
        }
        UserAccount account = named(username);
        if (!granted.contains(Roles.ADMIN)) {
            keepAnAdmin(account, "take the admin role from");
        }
        account.setRoles(granted);
        return account;
    }

    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        UserAccount account = named(username);
        if (!enabled) {
            keepAnAdmin(account, "disable");
        }
        account.setEnabled(enabled);
        remembered.remove(account.getUsername());
        return account;
    }

    @Transactional
    public void setPassword(String username, String password) {
        List<String> problems = new ArrayList<>();
        passwordProblem(password, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, String.join("; ", problems) + ".");
        }
        UserAccount account = named(username);
        account.setPasswordHash(hashing.generate(password.toCharArray()), Instant.now());
        remembered.remove(account.getUsername());
        passwordChanged.fire(new FirstAdmin.PasswordChanged(account.getUsername()));
    }

    private void keepAnAdmin(UserAccount account, String what) {
        if (!account.isEnabled() || !account.getRoles().contains(Roles.ADMIN)) {
            return;
        }
        long admins = em.createQuery("select count(u) from UserAccount u join u.roles r where r = :admin and u.enabled = true", Long.class)
                .setParameter("admin", Roles.ADMIN).getSingleResult();
        if (admins <= 1) {
            throw ApiProblem.of(409, "Conflict", "Cannot " + what + " " + account.getUsername()
                    + ": at least one enabled admin must remain. Make another user admin first.");
        }
    }

    private UserAccount find(String username) {
        if (username == null) {
            return null;
        }
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultStream().findFirst().orElse(null);
    }

    private static Caller caller(UserAccount account) {
        Set<String> effective = new LinkedHashSet<>();
        for (String role : Roles.ALL) {
            for (String granted : account.getRoles()) {
                if (Roles.implied(granted).contains(role)) {
                    effective.add(role);
                }
            }
        }
        return new Caller(account.getUsername(), List.copyOf(effective));
    }

    private static Set<String> roles(Collection<String> names, List<String> problems) {
        Set<String> granted = new LinkedHashSet<>();
        if (names == null || names.isEmpty()) {
            problems.add("roles must name at least one of " + Roles.ALL);
            return granted;
        }
        for (String name : names) {
            String role = Roles.named(name);
            if (role == null) {
                problems.add("roles: '" + shorten(name) + "' is not a role; the roles are " + Roles.ALL);
            } else {
                granted.add(role);
            }
        }
        return granted;
    }

    static void passwordProblem(String password, List<String> problems) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            problems.add("password must have at least " + MIN_PASSWORD + " characters");
        } else if (password.length() > MAX_PASSWORD) {
            problems.add("password must have at most " + MAX_PASSWORD + " characters");
        }
    }

    private byte[] proof(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memoryKey, "HmacSHA256"));
            return mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
