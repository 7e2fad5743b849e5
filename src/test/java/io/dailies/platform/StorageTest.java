package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the API and the reports say of a stored file is its path inside the storage folder, never the server's. */
class StorageTest {

    @Test
    void aFileIsNamedRelativeToTheStorageFolder() {
        Path root = Path.of("/srv/wildfly/standalone/data/dailies");
        assertEquals("reports/run-3.xlsx", Storage.relative(root, root.resolve("reports/run-3.xlsx")));
        assertEquals("takes/run-3/Castle_SC1-01_take17.mp4", Storage.relative(root, root.resolve("takes/run-3/Castle_SC1-01_take17.mp4")));
        assertEquals("elsewhere.xlsx", Storage.relative(root, Path.of("/tmp/elsewhere.xlsx")), "outside it: the name only");
    }
}
