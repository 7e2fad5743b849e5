package io.dailies.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder Dailies keeps its files in: uploaded workbooks, takes, reports, the emulator's renders.
 * Where it is on the server is the server's business: what the API, the reports and the database
 * say of a file is its path relative to this folder ({@link #relative}), e.g. {@code reports/run-3.xlsx}.
 */
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
            throw new UncheckedIOException("Cannot create storage folder " + dir.getFileName(), e);
        }
    }

    /** A file's path relative to the storage dir, with '/' between names; a file outside it by its name only. */
    public String relative(Path file) {
        return relative(Path.of(root), file);
    }

    static String relative(Path root, Path file) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(absoluteRoot) ? absoluteRoot.relativize(absolute) : absolute.getFileName();
        return shown == null ? "" : shown.toString().replace('\\', '/');
    }

    /** The file a stored path names: relative to the storage dir, or as it is when absolute (older records). */
    public Path resolve(String stored) {
        return Path.of(root).resolve(stored);
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
