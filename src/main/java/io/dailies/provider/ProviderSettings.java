package io.dailies.provider;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the provider is and how patiently to talk to it. Produced from configuration by
 * {@link ProviderConfiguration}; tests build one directly with {@link #of(String)}.
 *
 * @param baseUrl          OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/emulator/v1
 * @param apiKey           bearer key, if the provider needs one; never printed (see {@link #toString()})
 * @param organization     sent as OpenAI-Organization when set
 * @param project          sent as OpenAI-Project when set
 * @param connectTimeoutMs how long to wait for a connection
 * @param readTimeoutMs    how long to wait for an answer
 * @param maxRetries       retries of a transient failure after the first attempt
 * @param backoffBaseMs    first retry pause; doubled on each further retry (with jitter)
 * @param backoffCapMs     the longest pause between two attempts; a provider asking for more is not retried
 */
public record ProviderSettings(String baseUrl, Optional<String> apiKey, Optional<String> organization, Optional<String> project,
                               long connectTimeoutMs, long readTimeoutMs, int maxRetries, long backoffBaseMs, long backoffCapMs) {

    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    public static final long DEFAULT_READ_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_MAX_RETRIES = 6;
    public static final long DEFAULT_BACKOFF_BASE_MS = 500;
    public static final long DEFAULT_BACKOFF_CAP_MS = 30_000;

    public ProviderSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.isBlank()) {
            throw new IllegalArgumentException("dailies.provider.base-url is blank");
        }
        apiKey = nonBlank(apiKey);
        organization = nonBlank(organization);
        project = nonBlank(project);
        if (connectTimeoutMs <= 0 || readTimeoutMs <= 0) {
            throw new IllegalArgumentException("provider timeouts must be positive");
        }
        if (maxRetries < 0 || backoffBaseMs < 0 || backoffCapMs < backoffBaseMs) {
            throw new IllegalArgumentException("provider retries: max-retries >= 0 and 0 <= backoff-base-ms <= backoff-cap-ms");
        }
    }

    /** The defaults of microprofile-config.properties for this base URL, no key. */
    public static ProviderSettings of(String baseUrl) {
        return new ProviderSettings(baseUrl, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_CONNECT_TIMEOUT_MS,
                DEFAULT_READ_TIMEOUT_MS, DEFAULT_MAX_RETRIES, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_CAP_MS);
    }

    public ProviderSettings withApiKey(String key) {
        return new ProviderSettings(baseUrl, Optional.ofNullable(key), organization, project, connectTimeoutMs, readTimeoutMs,
                maxRetries, backoffBaseMs, backoffCapMs);
    }

    public ProviderSettings withOrganization(String organization, String project) {
        return new ProviderSettings(baseUrl, apiKey, Optional.ofNullable(organization), Optional.ofNullable(project),
                connectTimeoutMs, readTimeoutMs, maxRetries, backoffBaseMs, backoffCapMs);
    }

    public ProviderSettings withTimeouts(long connectTimeoutMs, long readTimeoutMs) {
        return new ProviderSettings(baseUrl, apiKey, organization, project, connectTimeoutMs, readTimeoutMs, maxRetries,
                backoffBaseMs, backoffCapMs);
    }

    public ProviderSettings withRetries(int maxRetries, long backoffBaseMs, long backoffCapMs) {
        return new ProviderSettings(baseUrl, apiKey, organization, project, connectTimeoutMs, readTimeoutMs, maxRetries,
                backoffBaseMs, backoffCapMs);
    }

    /** Says whether a key is set, never which. */
    @Override
    public String toString() {
        return "ProviderSettings[baseUrl=" + Secrets.redact(baseUrl, apiKey) + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
                + ", organization=" + organization.orElse("(none)") + ", project=" + project.orElse("(none)")
                + ", connectTimeoutMs=" + connectTimeoutMs + ", readTimeoutMs=" + readTimeoutMs + ", maxRetries=" + maxRetries
                + ", backoffBaseMs=" + backoffBaseMs + ", backoffCapMs=" + backoffCapMs + "]";
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
