package io.dailies.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.ManualServerTest;
import io.dailies.it.ServerFiles;
import io.dailies.it.ServerProcess;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No password ships with Dailies: the first start makes the first admin from DAILIES_ADMIN_USER and
 * DAILIES_ADMIN_PASSWORD (the environment this server inherits from failsafe's restart-tests execution), or,
 * without a password, as "admin" with a one-time password said once in the log and written to an owner-only
 * file, which goes when the password is changed. A later start with users makes nobody.
 */
class FirstAdminRestartIT extends ManualServerTest {

    private static final Pattern ONE_TIME = Pattern.compile("first admin is 'admin' with the one-time password (\\S+)");

    @Test
    void theFirstAdminComesFromTheEnvironmentOrIsSaidOnceWithAOneTimePassword() throws IOException {
        assertEquals(DailiesClient.ADMIN_PASSWORD, System.getenv("DAILIES_ADMIN_PASSWORD"), "the server inherits the variables");
        Path base = Path.of(System.getProperty("it.server.base")).toAbsolutePath();

        Path fromEnvironment = base.resolve("data/first-admin-env-" + UUID.randomUUID());
        bootAndDeploy("-Ddailies.data.dir=" + fromEnvironment);
        DailiesClient.Answer me = api.get("api/session");
        assertEquals(200, me.status(), me.body());
        assertEquals(DailiesClient.ADMIN_USER, me.json().getString("username"));
        JsonArray users = api.get("api/users").array();
        assertEquals(1, users.size(), users.toString());
        assertEquals("DAILIES_ADMIN_USER", users.getJsonObject(0).getString("createdBy"));
        assertFalse(Files.exists(fromEnvironment.resolve("initial-admin-password")), "no one-time password when one is given");
        stopServer();

        // Without a password (an empty property hides the inherited variable) a one-time password is made.
        Path oneTime = base.resolve("data/first-admin-one-time-" + UUID.randomUUID());
        int logBefore = ServerFiles.log().length();
        bootAndDeploy("-Ddailies.data.dir=" + oneTime, "-Ddailies.admin.password=");
        Path file = oneTime.resolve("initial-admin-password");
        assertTrue(Files.exists(file), "the one-time password's file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "only the server's user reads it");
        String content = Files.readString(file).strip();
        Matcher said = ONE_TIME.matcher(logSince(logBefore));
        assertTrue(said.find(), "the log says it once");
        String password = said.group(1);
        assertFalse(said.find(), "only once");
        assertEquals("admin:" + password, content);
        assertTrue(password.length() >= 20, password);

        assertEquals(401, api.get("api/projects").status(), "the test password was not used");
        DailiesClient admin = api.as("admin", password);
        assertEquals(200, admin.get("api/projects").status());
        assertEquals(204, admin.put("api/users/admin/password", "{\"password\":\"a password of my own\"}").status());
        assertFalse(Files.exists(file), "the file goes once the one-time password is replaced");
        DailiesClient mine = api.as("admin", "a password of my own");
        assertEquals(200, mine.get("api/projects").status());

        // A later start finds users and makes nobody.
        stopServer();
        int logAgain = ServerFiles.log().length();
        bootAndDeploy("-Ddailies.data.dir=" + oneTime, "-Ddailies.admin.password=");
        ServerProcess.awaitApplication(mine);
        assertFalse(ONE_TIME.matcher(logSince(logAgain)).find());
        assertFalse(Files.exists(file));
        assertEquals(1, mine.get("api/users").array().size());
        assertNotNull(mine.get("api/session").json().getString("username"));
    }

    /** The log written since it had this length (all of it when it was rotated in between). */
    private static String logSince(int length) {
        String log = ServerFiles.log();
        return log.length() >= length ? log.substring(length) : log;
    }
}
