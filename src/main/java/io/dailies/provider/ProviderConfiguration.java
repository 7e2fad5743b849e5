package io.dailies.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The provider settings in force, each read here and nowhere else, from MicroProfile Config (system properties, environment, microprofile-config.properties). */
@ApplicationScoped
public class ProviderConfiguration {

    @Inject @ConfigProperty(name = "dailies.provider.base-url") String baseUrl;
    @Inject @ConfigProperty(name = "dailies.provider.api-key") Optional<String> apiKey;
    @Inject @ConfigProperty(name = "dailies.provider.organization") Optional<String> organization;
    @Inject @ConfigProperty(name = "dailies.provider.project") Optional<String> project;
    @Inject @ConfigProperty(name = "dailies.provider.connect-timeout-ms", defaultValue = "5000") long connectTimeoutMs;
    @Inject @ConfigProperty(name = "dailies.provider.read-timeout-ms", defaultValue = "60000") long readTimeoutMs;
    @Inject @ConfigProperty(name = "dailies.provider.max-retries", defaultValue = "6") int maxRetries;
    @Inject @ConfigProperty(name = "dailies.provider.backoff-base-ms", defaultValue = "500") long backoffBaseMs;
    @Inject @ConfigProperty(name = "dailies.provider.backoff-cap-ms", defaultValue = "30000") long backoffCapMs;
    @Inject @ConfigProperty(name = "dailies.provider.poll-interval-ms", defaultValue = "2000") long pollIntervalMs;
    @Inject @ConfigProperty(name = "dailies.provider.generation-timeout-s", defaultValue = "3600") long generationTimeoutSeconds;

    @Produces
    public ProviderSettings settings() {
        return new ProviderSettings(baseUrl, apiKey, organization, project, connectTimeoutMs, readTimeoutMs, maxRetries,
                backoffBaseMs, backoffCapMs);
    }

    @Produces
    public ProviderTiming timing() {
        return new ProviderTiming(pollIntervalMs, generationTimeoutSeconds);
    }
}
