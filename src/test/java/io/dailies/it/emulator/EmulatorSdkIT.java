package io.dailies.it.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.Deployments;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official OpenAI Node SDK (npm "openai", pinned in emulator/sdk-check/package.json), unchanged,
 * drives the emulator: create, retrieve, list, download of video and thumbnail with the SDK's own
 * Accept headers, remix, files and batches (emulator/sdk-check/check.mjs). Needs node and npm (CI
 * installs them); the SDK comes from the npm registry on first run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmulatorSdkIT {

    private static final Path CHECK = Path.of(System.getProperty("dailies.emulator.sdk-check", "emulator/sdk-check"));

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void theOfficialNodeSdkPassesEveryCallAgainstTheEmulator() throws Exception {
        if (!Files.isDirectory(CHECK.resolve("node_modules/openai"))) {
            Run install = run(List.of("npm", "install", "--no-package-lock", "--no-audit", "--no-fund"), 300);
            assertEquals(0, install.exit, "npm install of the SDK failed:\n" + install.output);
        }
        String emulator = base.toString().replaceAll("/+$", "") + "/emulator/v1";
        Run check = run(List.of("node", "check.mjs", emulator), 400);
        assertTrue(check.output.contains("0 failed"), check.output);
        assertEquals(0, check.exit, check.output);
        // Each call printed its own line: a check that silently did nothing would not reach 12.
        assertTrue(check.output.contains("12 passed, 0 failed"), check.output);
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("sdk-check", ".log");
        Process p = new ProcessBuilder(command).directory(CHECK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + seconds + " s:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
