package io.dailies.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The emulator's bookkeeping: accepted generations, their lifecycle, and their counters. */
@ApplicationScoped
public class Emulator {

    /** What the emulated provider accepts, per model (the guide's API limits). */
    static final Map<String, Set<String>> SIZES = Map.of(
            "sora-2", Set.of("720x1280", "1280x720"),
            "sora-2-pro", Set.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080"));
    static final Set<String> SECONDS = Set.of("4", "8", "12", "16", "20");
    private static final SecureRandom IDS = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Defects defects;

    @Inject
    @ConfigProperty(name = "dailies.emulator.queued-seconds", defaultValue = "1")
    double queuedSeconds;

    @Inject
    @ConfigProperty(name = "dailies.emulator.render-seconds", defaultValue = "4")
    double renderSeconds;

    /** The base model a dated snapshot name belongs to ("sora-2-pro-2025-10-06" → "sora-2-pro"). */
    static String baseModel(String model) {
        return model.replaceFirst("-\\d{4}-\\d{2}-\\d{2}$", "");
    }

    @Transactional
    public EmulatedVideo create(String model, String prompt, String size, String seconds, String idempotencyKey) {
        if (idempotencyKey != null) {
            List<EmulatedVideo> same = em.createNamedQuery("EmulatedVideo.byIdempotencyKey", EmulatedVideo.class)
                    .setParameter("key", idempotencyKey).getResultList();
            if (!same.isEmpty()) {
                return same.get(0);
            }
        }
        EmulatedVideo video = new EmulatedVideo("video_" + HexFormat.of().formatHex(randomBytes()), model, prompt, size,
                seconds, System.currentTimeMillis(), Math.round(queuedSeconds * 1000), Math.round(renderSeconds * 1000),
                idempotencyKey);
        em.persist(video);
        return video;
    }

    public Optional<EmulatedVideo> find(String id) {
        EmulatedVideo v = em.find(EmulatedVideo.class, id);
        return v == null || v.isDeleted() ? Optional.empty() : Optional.of(v);
    }

    /** Newest first, after the given id (the API's cursor). */
    public List<EmulatedVideo> page(String order, String after, int limit) {
        return ListPage.after(em.createNamedQuery("EmulatedVideo.page", EmulatedVideo.class).getResultList(), order, after, limit,
                EmulatedVideo::getId);
    }

    @Transactional
    public void fail(String id, String code, String message) {
        EmulatedVideo v = em.find(EmulatedVideo.class, id);
        if (v != null) {
            v.fail(code, message);
        }
    }

    @Transactional
    public boolean delete(String id) {
        EmulatedVideo v = em.find(EmulatedVideo.class, id);
        if (v == null || v.isDeleted()) {
            return false;
        }
        v.delete();
        return true;
    }

    /** Every generation ever accepted, deleted ones included: what a client has paid for. */
    public long createdCount() {
        return em.createNamedQuery("EmulatedVideo.count", Long.class).getSingleResult();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        IDS.nextBytes(b);
        return b;
    }

    // Videos: remix, extensions, edits, characters

    /**
     * Accepts a generation made from a prompt or from another video, records the defects its take is to
     * have ({@link Defects}), and, when the fault plan says so ({@code fault}, null for none), marks it to
     * fail or to stay stuck in progress (it is still accepted and counted: the client paid for it). A key
     * that was seen before returns the earlier generation unchanged; {@code idempotencyKey} is null unless
     * the client's keys are honoured ({@link IdempotencyKeys}) or the key is a batch request's own.
     */
    @Transactional
    public EmulatedVideo create(String model, String prompt, String size, String seconds, String idempotencyKey,
                                EmulatedVideo.Origin origin, Faults.GenerationFault fault) {
        if (idempotencyKey != null) {
            Optional<EmulatedVideo> earlier = byIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        EmulatedVideo video = create(model, prompt, size, seconds, idempotencyKey);
        video.madeFrom(origin == null ? EmulatedVideo.Origin.PROMPT : origin);
        video.bake(defects.forGeneration(model, prompt));
        applyFault(video, fault);
        return video;
    }

    /** Records on a new generation what the fault plan decided for it (null: nothing). */
    static void applyFault(EmulatedVideo video, Faults.GenerationFault fault) {
        if (fault == null) {
            return;
        }
        if (fault.isStuck()) {
            video.stick(fault.stuckAtProgress());
        } else {
            video.fail(fault.failure().code(), fault.failure().message());
        }
    }

    /** The generation an Idempotency-Key created before, if any. */
    public Optional<EmulatedVideo> byIdempotencyKey(String idempotencyKey) {
        return em.createNamedQuery("EmulatedVideo.byIdempotencyKey", EmulatedVideo.class)
                .setParameter("key", idempotencyKey).getResultList().stream().findFirst();
    }

    /**
     * The videos a generation was made from, nearest first (a remix of a remix: its source, then that one's
     * source). Deleted sources still count: their look lives on in what was made from them.
     */
    public List<EmulatedVideo> lineage(EmulatedVideo video) {
        List<EmulatedVideo> ancestors = new java.util.ArrayList<>();
        String next = video.getSourceVideoId();
        // Ids are random, so a cycle cannot happen; the bound only guards against a corrupted row.
        while (next != null && ancestors.size() < 50) {
            EmulatedVideo source = em.find(EmulatedVideo.class, next);
            if (source == null) {
                break;
            }
            ancestors.add(source);
            next = source.getSourceVideoId();
        }
        return ancestors;
    }

    @Transactional
    public EmulatedCharacter createCharacter(String name, String clipFile, double clipSeconds) {
        EmulatedCharacter character = new EmulatedCharacter("char_" + HexFormat.of().formatHex(randomBytes()), name,
                System.currentTimeMillis(), clipFile, clipSeconds);
        em.persist(character);
        return character;
    }

    public Optional<EmulatedCharacter> character(String id) {
        return Optional.ofNullable(em.find(EmulatedCharacter.class, id));
    }

    // Batches

    /** Every batch a client created, failed and cancelled ones included. */
    public long batchesCreated() {
        return em.createNamedQuery("EmulatedBatch.count", Long.class).getSingleResult();
    }

    /** Every file a client uploaded, deleted ones included (the output files batches write are not uploads). */
    public long filesUploaded() {
        return em.createNamedQuery("EmulatedFile.uploadedCount", Long.class).getSingleResult();
    }

    /** A new provider-style id: the prefix and 24 random hex digits ("file-", "batch_", "batch_req_", "req_"). */
    static String newId(String prefix) {
        return prefix + HexFormat.of().formatHex(randomBytes());
    }
}
