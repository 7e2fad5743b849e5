package io.dailies.emulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Set;

/**
 * A file of the emulated Files API: an uploaded batch input (or any other purpose), or the output and
 * error file a batch wrote (purpose batch_output). The bytes live under the storage dir, named by id.
 */
@Entity
@Table(name = "emulator_file")
@NamedQuery(name = "EmulatedFile.page", query = "select f from EmulatedFile f where f.deleted = false order by f.createdAtMillis desc, f.id desc")
@NamedQuery(name = "EmulatedFile.pageOfPurpose", query = "select f from EmulatedFile f where f.deleted = false and f.purpose = :purpose order by f.createdAtMillis desc, f.id desc")
@NamedQuery(name = "EmulatedFile.uploadedCount", query = "select count(f) from EmulatedFile f where f.purpose <> 'batch_output'")
public class EmulatedFile {

    /** What a client may upload: the reference's CreateFileRequest purposes. */
    public static final Set<String> UPLOAD_PURPOSES = Set.of("assistants", "batch", "fine-tune", "vision",
            "user_data", "evals");
    /** The purpose of the files a batch writes. */
    public static final String BATCH_OUTPUT = "batch_output";

    @Id
    @Column(length = 64)
    private String id;
    @Column(nullable = false, length = 255) private String filename;
    @Column(nullable = false, length = 32) private String purpose;
    private long bytes;
    private long createdAtMillis;
    /** Unix seconds after which the file is gone; null: kept until deleted. */
    private Long expiresAt;
    private boolean deleted;

    protected EmulatedFile() {
    }

    public EmulatedFile(String id, String filename, String purpose, long bytes, long createdAtMillis, Long expiresAt) {
        this.id = id;
        this.filename = filename;
        this.purpose = purpose;
        this.bytes = bytes;
        this.createdAtMillis = createdAtMillis;
        this.expiresAt = expiresAt;
    }

    public String getId() { return id; }
    public String getFilename() { return filename; }
    public String getPurpose() { return purpose; }
    public long getBytes() { return bytes; }
    public long getCreatedAtMillis() { return createdAtMillis; }
    public Long getExpiresAt() { return expiresAt; }
    public boolean isDeleted() { return deleted; }
    public void delete() { deleted = true; }

    /** Deleted, or past its expiry: to a client the file no longer exists. */
    public boolean isGone(long nowMillis) {
        return deleted || expiresAt != null && nowMillis / 1000 >= expiresAt;
    }
}
