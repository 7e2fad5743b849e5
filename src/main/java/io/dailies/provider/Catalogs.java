package io.dailies.provider;

import io.dailies.provider.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The model catalog in force: the one shipped in the WAR, or the file named by
 * {@code dailies.catalog.file}, so adding a model is a configuration change.
 */
@ApplicationScoped
public class Catalogs {

    @Inject
    @ConfigProperty(name = "dailies.catalog.file")
    Optional<String> file;

    private volatile ModelCatalog catalog;

    @Produces
    public ModelCatalog catalog() {
        ModelCatalog c = catalog;
        if (c == null) {
            c = file.map(f -> loadFile(Path.of(f))).orElseGet(ModelCatalog::load);
            catalog = c;
        }
        return c;
    }

    private static ModelCatalog loadFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return ModelCatalog.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model catalog " + path + " (dailies.catalog.file)", e);
        }
    }
}
