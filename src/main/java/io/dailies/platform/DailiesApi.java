package io.dailies.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The product's REST API under /api; the console and scripts use it. Every resource and provider of
 * the WAR belongs to it (the emulator is a WAR of its own), so none is listed here: each component
 * brings its own resources without this class knowing them.
 */
@ApplicationPath("api")
public class DailiesApi extends Application {
}
