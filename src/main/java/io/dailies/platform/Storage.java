package io.dailies.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The folder Dailies keeps its files in: uploaded workbooks, takes, reports, the emulator's renders. */
@ApplicationScoped
public class Storage {

    @Inject
    @ConfigProperty(name = "dailies.storage.dir")
    String root;

    /** A sub-folder of the storage dir, created on first use. */
    public Path dir(String name) {
        Path dir = Path.of(root).resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create storage folder " + dir, e);
        }
    }

    /**
     * Which server this is: a crashed job is recovered only by the node that ran it. A stable name, set
     * with -Ddailies.node=... on each node of a cluster; a single server is simply "standalone" (the host
     * name would change with every container restart and orphan the runs of a crash).
     */
    public static String node() {
        return System.getProperty("dailies.node", "standalone");
    }
}
