package io.dailies.emulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The built-in provider: the OpenAI Videos API shape under /emulator/v1, in the same WAR, so a fresh
 * checkout renders takes with no key and no network. Its classes are listed so that the product's
 * API (under /api) and the emulator never see each other's resources.
 */
@ApplicationPath("emulator/v1")
public class EmulatorApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(VideosEndpoint.class, CharactersEndpoint.class, FilesEndpoint.class, BatchesEndpoint.class,
                ChatCompletionsEndpoint.class, ControlEndpoint.class, EmulatorErrors.class);
    }
}
