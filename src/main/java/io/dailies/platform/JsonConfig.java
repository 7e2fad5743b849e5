package io.dailies.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API writes its JSON-B records: a missing value stays an explicit {@code null} (clients read
 * {@code "videoId": null}, not an absent key), and the order of fields is left to JSON-B (clients read JSON objects by name).
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .withPropertyOrderStrategy(PropertyOrderStrategy.ANY));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
