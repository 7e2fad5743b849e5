package io.dailies.emulator;

import io.dailies.emulator.media.Defect;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A generation the emulator accepted. Kept in the database, so that its counters still tell after
 * a crash how many generations a client really created (the exactly-once tests read them).
 */
@Entity
@Table(name = "emulator_video")
@NamedQuery(name = "EmulatedVideo.page", query = "select v from EmulatedVideo v where v.deleted = false order by v.createdAtMillis desc, v.id desc")
@NamedQuery(name = "EmulatedVideo.byIdempotencyKey", query = "select v from EmulatedVideo v where v.idempotencyKey = :key")
@NamedQuery(name = "EmulatedVideo.count", query = "select count(v) from EmulatedVideo v")
public class EmulatedVideo {

    @Id
    @Column(length = 64)
    private String id;
    @Column(nullable = false, length = 100) private String model;
    @Column(nullable = false, length = 32000) private String prompt;
    @Column(nullable = false, length = 20) private String size;
    @Column(nullable = false, length = 4) private String seconds;
    private long createdAtMillis;
    /** How long this generation queues and renders, fixed at creation so restarts do not change it. */
    private long queuedMillis;
    private long renderMillis;
    @Column(length = 80, unique = true) private String idempotencyKey;
    @Column(length = 64) private String remixedFromVideoId;
    @Column(length = 100) private String errorCode;
    @Column(length = 1000) private String errorMessage;
    private boolean deleted;
    /** "remix", "edit" or "extension" when made from another video; null for a generation from a prompt alone. */
    @Column(length = 20) private String variant;
    /** The video a remix, edit or extension was made from. */
    @Column(length = 64) private String sourceVideoId;
    /** The clip a client uploaded for an edit or extension instead of naming a video (a file in the emulator's uploads). */
    @Column(length = 200) private String sourceUpload;
    /** Extensions only: the length of the newly generated segment; {@link #getSeconds()} is the stitched total. */
    @Column(length = 4) private String extensionSeconds;
    /**
     * The defects to bake into this generation's take, decided when it was accepted (the control API's
     * rules and the prompt's marker), as comma-separated wire names; null for none.
     */
    @Column(length = 400) private String defects;
    /**
     * Set when the fault plan's "stuck" fault caught this generation as it was accepted: it never
     * finishes, and its progress stops at this value (below 100). Null for a generation that runs normally.
     * Kept here, not in the plan, so the generation stays stuck after a restart or a new plan.
     */
    private Integer stuckAtProgress;

    protected EmulatedVideo() {
    }

    public EmulatedVideo(String id, String model, String prompt, String size, String seconds, long createdAtMillis,
                         long queuedMillis, long renderMillis, String idempotencyKey) {
        this.id = id;
        this.model = model;
        this.prompt = prompt;
        this.size = size;
        this.seconds = seconds;
        this.createdAtMillis = createdAtMillis;
        this.queuedMillis = queuedMillis;
        this.renderMillis = renderMillis;
        this.idempotencyKey = idempotencyKey;
    }

    public String getId() { return id; }
    public String getModel() { return model; }
    public String getPrompt() { return prompt; }
    public String getSize() { return size; }
    public String getSeconds() { return seconds; }
    public long getCreatedAtMillis() { return createdAtMillis; }
    public long getQueuedMillis() { return queuedMillis; }
    public long getRenderMillis() { return renderMillis; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getRemixedFromVideoId() { return remixedFromVideoId; }
    public String getErrorCode() { return errorCode; }
    public String getErrorMessage() { return errorMessage; }
    public boolean isDeleted() { return deleted; }
    public void delete() { deleted = true; }
    public String getVariant() { return variant; }
    public String getSourceVideoId() { return sourceVideoId; }
    public String getSourceUpload() { return sourceUpload; }
    public String getExtensionSeconds() { return extensionSeconds; }

    /**
     * Where a generation comes from: a prompt alone ({@link #PROMPT}), or another video (by id) or an
     * uploaded clip that a remix, edit or extension starts from.
     */
    public record Origin(String variant, String sourceVideoId, String sourceUpload, String extensionSeconds) {
        public static final Origin PROMPT = new Origin(null, null, null, null);

        public static Origin remix(String videoId) {
            return new Origin("remix", videoId, null, null);
        }

        public static Origin edit(String videoId, String upload) {
            return new Origin("edit", videoId, upload, null);
        }

        public static Origin extension(String videoId, String upload, String extensionSeconds) {
            return new Origin("extension", videoId, upload, extensionSeconds);
        }
    }

    /** Records what this generation was made from; a remix also names its source in remixed_from_video_id. */
    public void madeFrom(Origin origin) {
        this.variant = origin.variant();
        this.sourceVideoId = origin.sourceVideoId();
        this.sourceUpload = origin.sourceUpload();
        this.extensionSeconds = origin.extensionSeconds();
        if ("remix".equals(origin.variant())) {
            this.remixedFromVideoId = origin.sourceVideoId();
        }
    }

    public boolean isExtension() { return "extension".equals(variant); }

    /** Records the defects its take is to have (replacing any recorded before). */
    public void bake(Set<Defect> chosen) {
        this.defects = chosen == null || chosen.isEmpty() ? null
                : chosen.stream().sorted().map(Defect::wireName).collect(Collectors.joining(","));
    }

    /** The defects its take is to have; names no longer known are skipped. */
    public Set<Defect> defects() {
        Set<Defect> out = EnumSet.noneOf(Defect.class);
        if (defects != null) {
            Arrays.stream(defects.split(",")).map(Defect::byName).forEach(d -> d.ifPresent(out::add));
        }
        return out;
    }

    /**
     * The provider's status at {@code nowMillis}: queued for the queued time (even a generation that is
     * bound to fail: the provider only finds out once it starts), then failed if it failed, completed once
     * the render time has passed and its file exists, else in progress. A stuck generation stays in
     * progress for ever, file or no file.
     */
    public String status(long nowMillis, boolean rendered) {
        if (nowMillis < createdAtMillis + queuedMillis) {
            return "queued";
        }
        if (errorCode != null) {
            return "failed";
        }
        if (!isStuck() && nowMillis >= doneAtMillis() && rendered) {
            return "completed";
        }
        return "in_progress";
    }

    /**
     * The resource's progress for a {@code status} read at {@code nowMillis}: 0 while queued or once
     * failed, 100 when completed, and in between the share of the render time gone by (1 to 99). A stuck
     * generation's progress climbs the same way up to its stuck value and stays there.
     */
    public int progress(long nowMillis, String status) {
        return switch (status) {
            case "completed" -> 100;
            case "queued", "failed" -> 0;
            default -> {
                int running = (int) Math.max(1, Math.min(99,
                        (nowMillis - createdAtMillis - queuedMillis) * 100 / Math.max(1, renderMillis)));
                yield isStuck() ? Math.min(running, stuckAtProgress) : running;
            }
        };
    }

    /** The fault plan's "stuck": this generation is never to finish, its progress stopping at {@code progress} (0-99). */
    public void stick(int progress) {
        if (progress < 0 || progress > 99) {
            throw new IllegalArgumentException("A stuck generation's progress stays below 100, not " + progress);
        }
        this.stuckAtProgress = progress;
    }

    public boolean isStuck() { return stuckAtProgress != null; }
    public Integer getStuckAtProgress() { return stuckAtProgress; }

    public void fail(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
    }

    public int width() { return Integer.parseInt(size.substring(0, size.indexOf('x'))); }
    public int height() { return Integer.parseInt(size.substring(size.indexOf('x') + 1)); }
    public long doneAtMillis() { return createdAtMillis + queuedMillis + renderMillis; }
}
