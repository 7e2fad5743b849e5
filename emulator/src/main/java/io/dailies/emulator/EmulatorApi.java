package io.dailies.emulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The provider emulator's JAX-RS application: the OpenAI Videos, Files and Batches API shape at
 * /emulator/v1 (the WAR's context root /emulator, this path v1), plus its own /v1/control endpoints.
 * It is a WAR of its own (emulator.war), deployed beside the product so that a fresh checkout renders
 * takes with no key and no network, and simply not deployed on a server that talks to a real provider.
 * Its resources are listed explicitly, so nothing else on the class path is picked up.
 */
@ApplicationPath("v1")
public class EmulatorApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(VideosEndpoint.class, CharactersEndpoint.class, FilesEndpoint.class, BatchesEndpoint.class,
                ChatCompletionsEndpoint.class, ControlEndpoint.class, EmulatorErrors.class);
    }
}
