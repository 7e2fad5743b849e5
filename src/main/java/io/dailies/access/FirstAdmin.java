package io.dailies.access;

import io.dailies.platform.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No password ships with Dailies. At the first start, with no user yet, the first admin is made: from
 * DAILIES_ADMIN_USER and DAILIES_ADMIN_PASSWORD when both are set (dailies.admin.user / .password), otherwise
 * as "admin" with a random one-time password, said once in the server log and written to a file only the
 * server's user can read (dailies.security.initial-password-file). The file goes when that password is changed.
 */
@Singleton
@Startup
public class FirstAdmin {

    /** Fired by {@link Users} when a password changes. */
    public record PasswordChanged(String username) {
    }

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "dailies.admin.user")
    Optional<String> adminUser;

    @Inject
    @ConfigProperty(name = "dailies.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "dailies.security.initial-password-file")
    String passwordFile;

    @PostConstruct
    void makeTheFirstAdmin() {
        if (users.count() > 0) {
            return;
        }
        String username = adminUser.map(String::strip).filter(s -> !s.isEmpty()).orElse("admin");
        Optional<String> given = adminPassword.filter(p -> !p.isEmpty());
        if (given.isPresent()) {
            try {
                users.create(username, given.get(), List.of(Roles.ADMIN), "DAILIES_ADMIN_USER");
                LOG.info(() -> "First admin '" + username + "' created from DAILIES_ADMIN_USER and DAILIES_ADMIN_PASSWORD.");
                return;
            } catch (jakarta.ws.rs.WebApplicationException refused) {
                LOG.severe(() -> "DAILIES_ADMIN_PASSWORD was not used: " + refused.getMessage()
                        + " A one-time password is made instead.");
            }
        }
        String password = oneTimePassword();
        users.create(username, password, List.of(Roles.ADMIN), "first start");
        Path file = Path.of(passwordFile);
        String where;
        try {
            write(file, password);
            where = "It is also in " + file + " (readable only by the server's user).";
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Could not write the one-time admin password to " + file, e);
            where = "It could not be written to " + file + ".";
        }
        String said = where;
        LOG.warning(() -> "\n\n    Dailies' first admin is '" + username + "' with the one-time password " + password
                + "\n    " + said + "\n    Sign in at the console and change it (Settings → Users), or set"
                + " DAILIES_ADMIN_USER and DAILIES_ADMIN_PASSWORD before the first start.\n");
    }

    /** The one-time password is no secret to keep once it has been replaced. */
    public void passwordChanged(@Observes PasswordChanged changed) {
        Path file = Path.of(passwordFile);
        try {
            if (Files.exists(file) && Files.readString(file).startsWith(changed.username() + ":")) {
                Files.delete(file);
                LOG.info(() -> "The one-time admin password was changed; " + file + " is deleted.");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + file, e);
        }
    }

    private void write(Path file, String password) throws IOException {
        String username = adminUser.map(String::strip).filter(s -> !s.isEmpty()).orElse("admin");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        // Created owner-only, never readable by others even for a moment.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write(username + ":" + password + "\n");
        }
    }

    private static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
