package io.dailies.emulator;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Not part of the provider protocol: the emulator's own counters, so tests can prove what a client
 * really created (and paid for), e.g. that a crash never made a take twice.
 */
@Path("control")
@Produces(MediaType.APPLICATION_JSON)
public class ControlEndpoint {

    @PersistenceContext
    EntityManager em;

    @Inject
    Emulator emulator;

    /** {"videos_created": n, "created_per_prompt": {sha256(prompt): count}} */
    @GET
    @Path("counters")
    public String counters() {
        JsonObjectBuilder perPrompt = Json.createObjectBuilder();
        List<Object[]> rows = em.createQuery("select v.prompt, count(v) from EmulatedVideo v group by v.prompt", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            perPrompt.add(sha256((String) row[0]), (Long) row[1]);
        }
        return Json.createObjectBuilder()
                .add("videos_created", emulator.createdCount())
                .add("created_per_prompt", perPrompt)
                .build().toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
