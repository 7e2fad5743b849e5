package io.dailies.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.it.DailiesClient;
import io.dailies.it.Deployments;
import io.dailies.shotlist.sheet.TestWorkbooks;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two producers edit a project's thresholds from the same reading: the second save would silently
 * overwrite the first, so it is refused with a 409 and nothing of it is kept.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LostUpdateIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    URL base;

    @Test
    void aSaveBasedOnAStaleReadingIsRefusedWith409AndTheFirstSaveStands() {
        DailiesClient api = new DailiesClient(base);
        JsonObject imported = api.importShotlist("one-shot.xlsx", TestWorkbooks.shots(1), "Lost update " + UUID.randomUUID());
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        String thresholds = "api/projects/" + imported.getJsonNumber("projectId").longValue() + "/thresholds";

        DailiesClient.Answer read = api.get(thresholds);
        String etag = read.header("ETag");
        assertNotNull(etag, "the thresholds carry the project's version");

        DailiesClient.Answer first = api.put(thresholds, "{\"passMark\": 80}", "If-Match", etag);
        assertEquals(200, first.status(), first.body());
        assertNotEquals(etag, first.header("ETag"), "a saved change moves the version on");

        DailiesClient.Answer second = api.put(thresholds, "{\"passMark\": 60}", "If-Match", etag);
        assertEquals(409, second.status(), second.body());
        assertTrue(second.json().getString("detail").contains("at the same time"), second.body());

        JsonObject now = api.get(thresholds).json();
        assertEquals(80, now.getJsonObject("overrides").getJsonNumber("passMark").intValue(), now.toString());

        DailiesClient.Answer fresh = api.put(thresholds, "{\"passMark\": 60}", "If-Match", first.header("ETag"));
        assertEquals(200, fresh.status(), "a save from the current reading goes through: " + fresh.body());
    }
}
