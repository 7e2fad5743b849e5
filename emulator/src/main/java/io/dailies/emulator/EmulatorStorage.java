package io.dailies.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The folder the emulator keeps its renders, uploads and files in: its own, never the product's storage. */
@ApplicationScoped
public class EmulatorStorage {

    @Inject
    @ConfigProperty(name = "dailies.emulator.storage.dir")
    String root;

    /** A sub-folder of the emulator's storage dir, created on first use ("" for the dir itself). */
    public Path dir(String name) {
        Path dir = Path.of(root).resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the emulator's folder " + dir, e);
        }
    }
}
