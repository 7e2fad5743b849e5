package io.dailies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With a provider key configured (dailies.provider.api-key, a server property set before the product is
 * deployed, as an operator's DAILIES_PROVIDER_API_KEY would be), the key goes to the provider on every call
 * and nowhere else: no take, run, job, shot, import or error answer, no report or written-back workbook (their
 * XML, unzipped) and no line of the server log (with the product's own loggers at DEBUG) carries it. The run
 * meets the provider's errors on the way: a 500 on a create (retried), a 503 on a download, a generation refused
 * by content policy (its take fails with the provider's reason), and the judge's calls with the same key.
 *
 * <p>The product talks to the emulator through a proxy in this JVM that counts the Authorization headers it
 * sees: it proves the key was configured and sent, so the test cannot pass on a key that was never there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderKeyIT {

    private static final String DEPLOYMENT = "dailies-with-key";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    @Test
    void theKeyGoesToTheProviderAndNowhereElse() throws Exception {
        String key = "sk-dailies-it-" + UUID.randomUUID().toString().replace("-", "");
        URL web = management.getWebUri().toURL();
        DailiesClient api = new DailiesClient(web);
        ModelNode keyProperty = Operations.createAddress("system-property", "dailies.provider.api-key");
        ModelNode urlProperty = Operations.createAddress("system-property", "dailies.provider.base-url");
        ModelNode debug = Operations.createAddress("subsystem", "logging", "logger", "io.dailies");
        int logBefore = ServerFiles.log().length();
        try (RecordingProxy proxy = new RecordingProxy(web.toString().replaceAll("/$", "") + "/emulator/v1")) {
            ModelNode previousUrl = readValue(urlProperty);
            setValue(keyProperty, readValue(keyProperty), new ModelNode(key));
            setValue(urlProperty, previousUrl, new ModelNode(proxy.url()));
            boolean loggerWasThere = readResource(debug);
            if (!loggerWasThere) {
                ModelNode logger = Operations.createAddOperation(debug);
                logger.get("level").set("DEBUG");
                execute(logger);
            }
            try {
                deployer.deploy(DEPLOYMENT);
                try {
                    List<String> answers = new ArrayList<>();
                    List<byte[]> workbooks = new ArrayList<>();
                    render(api, proxy, key, answers, workbooks);
                    for (String answer : answers) {
                        assertFalse(answer.contains(key), "the key is in an answer: " + answer);
                        assertFalse(answer.contains(key.substring(0, 24)), "part of the key is in an answer: " + answer);
                    }
                    for (byte[] xlsx : workbooks) {
                        assertFalse(unzipped(xlsx).contains(key), "the key is in a workbook");
                    }
                } finally {
                    deployer.undeploy(DEPLOYMENT);
                }
            } finally {
                if (!loggerWasThere) {
                    execute(Operations.createRemoveOperation(debug));
                }
                setValue(keyProperty, readValue(keyProperty), null);
                setValue(urlProperty, readValue(urlProperty), previousUrl);
                api.delete("emulator/v1/control/faults");
            }
        }
        String log = ServerFiles.log().substring(logBefore);
        assertTrue(log.contains("dailies.war"), "the log of this test's deployment is read");
        assertFalse(log.contains(key), "the key is in the server log");
        assertFalse(log.contains(key.substring(0, 24)), "part of the key is in the server log");
    }

    private void render(DailiesClient api, RecordingProxy proxy, String key, List<String> answers, List<byte[]> workbooks)
            throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonObject imported = api.importShotlist("key-" + tag + ".xlsx", Workbooks.shots(tag, 3), "Key " + tag);
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        answers.add(imported.toString());
        long projectId = imported.getJsonNumber("projectId").longValue();
        // The provider's errors on the way: a 500 on the first create (retried), a 503 on a download (retried),
        // and the second shot refused by content policy (its take fails with the provider's reason).
        DailiesClient.Answer faults = api.put("emulator/v1/control/faults", "{\"seed\":3,\"rules\":["
                + "{\"fault\":\"server_error\",\"method\":\"POST\",\"path\":\"^/videos$\",\"count\":1},"
                + "{\"fault\":\"unavailable\",\"method\":\"GET\",\"path\":\"^/videos/[^/]+/content$\",\"count\":1,\"retry_after\":1},"
                + "{\"fault\":\"content_policy\",\"prompt\":\"" + tag + "-2 \"}]}");
        assertEquals(200, faults.status(), faults.body());

        DailiesClient.Answer started = api.post("api/projects/" + projectId + "/runs?mode=sync&judge=true", null, new byte[0]);
        assertEquals(202, started.status(), started.body());
        answers.add(started.body());
        long runId = started.json().getJsonNumber("id").longValue();
        JsonObject run = api.awaitStatus("api/runs/" + runId, Set.of("COMPLETED", "FAILED", "STOPPED"), Duration.ofMinutes(4));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        answers.add(run.toString());
        for (JsonValue rule : api.get("emulator/v1/control/faults").json().getJsonArray("rules")) {
            assertTrue(rule.asJsonObject().getInt("fired", 0) >= 1, "the provider's error happened: " + rule);
        }
        api.delete("emulator/v1/control/faults");

        Map<String, AtomicInteger> seen = proxy.authorizations();
        int withKey = seen.getOrDefault("Bearer " + key, new AtomicInteger()).get();
        assertTrue(withKey >= 6, "the provider got the key on its calls (creates, polls, downloads, judge): " + seen.keySet().size()
                + " distinct Authorization values, " + withKey + " with the key, of " + proxy.requests() + " requests");
        assertEquals(Set.of("Bearer " + key), seen.keySet(), "every call carries the key, and only it");

        DailiesClient.Answer takes = api.get("api/runs/" + runId + "/takes");
        answers.add(takes.body());
        JsonObject refused = takes.array().getValuesAs(JsonObject.class).stream().filter(t -> t.getString("shot").equals("T-02"))
                .findFirst().orElseThrow();
        assertEquals("FAILED", refused.getString("status"), refused.toString());
        assertTrue(refused.getString("failure").contains("content policy"), "the provider's reason: " + refused);
        long takeId = takes.array().getJsonObject(0).getJsonNumber("id").longValue();
        answers.add(api.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\":\"RETAKE\",\"reviewer\":\"Ana\"}").body());
        for (String path : new String[] {"api/runs/" + runId, "api/runs?limit=1000", "api/jobs?limit=1000", "api/shotlists?limit=1000",
                "api/projects?limit=1000", "api/projects/" + projectId + "/shots", "api/projects/" + projectId + "/estimate",
                "api/takes/" + takeId + "/reviews", "api/runs/" + runId + "/takes?verdict=RETAKE", "api/shotlists/" + imported.getInt("id"),
                // error answers
                "api/runs/999999999", "api/runs/" + runId + "/takes?limit=0", "api/jobs?status=SLEEPING", "api/projects/x/shots"}) {
            answers.add(api.get(path).body());
        }
        answers.add(api.post("api/runs/" + runId + "/restart", null, new byte[0]).body());
        answers.add(api.postJson("api/takes/" + takeId + "/reviews", "{\"verdict\":\"SOMETIMES\"}").body());
        DailiesClient.Answer report = api.get("api/runs/" + runId + "/report");
        assertEquals(200, report.status(), report.body());
        workbooks.add(report.bytes());
        DailiesClient.Answer workbook = api.get("api/projects/" + projectId + "/workbook");
        assertEquals(200, workbook.status(), workbook.body());
        workbooks.add(workbook.bytes());
    }

    /** Every entry of a zip (an .xlsx is one), inflated, as text: a key in a cell would be in the sheet's XML. */
    private static String unzipped(byte[] zip) throws IOException {
        StringBuilder all = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("dailies-key-", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    try (java.io.InputStream in = z.getInputStream(e)) {
                        all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                    }
                }
                assertTrue(z.size() > 3, "a workbook has its parts");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return all.toString();
    }

    private boolean readResource(ModelNode address) throws IOException {
        return Operations.isSuccessfulOutcome(management.getControllerClient().execute(Operations.createReadResourceOperation(address)));
    }

    private ModelNode readValue(ModelNode property) throws IOException {
        ModelNode result = management.getControllerClient().execute(Operations.createReadAttributeOperation(property, "value"));
        return Operations.isSuccessfulOutcome(result) ? Operations.readResult(result) : null;
    }

    /** Sets a server property to a value, adding it when it was not there; null removes it. */
    private void setValue(ModelNode property, ModelNode current, ModelNode value) throws IOException {
        if (value == null) {
            if (current != null) {
                execute(Operations.createRemoveOperation(property));
            }
        } else if (current == null) {
            ModelNode add = Operations.createAddOperation(property);
            add.get("value").set(value);
            execute(add);
        } else {
            execute(Operations.createWriteAttributeOperation(property, "value", value));
        }
    }

    private void execute(ModelNode op) throws IOException {
        ModelNode result = management.getControllerClient().execute(op);
        assertTrue(Operations.isSuccessfulOutcome(result), op + " -> " + result);
    }
}
