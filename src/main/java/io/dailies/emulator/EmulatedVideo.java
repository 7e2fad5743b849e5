package io.dailies.emulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

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

    public void fail(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
    }

    public int width() { return Integer.parseInt(size.substring(0, size.indexOf('x'))); }
    public int height() { return Integer.parseInt(size.substring(size.indexOf('x') + 1)); }
    public long doneAtMillis() { return createdAtMillis + queuedMillis + renderMillis; }
}
