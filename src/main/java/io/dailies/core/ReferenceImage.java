package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An image a shot's Input reference cell names (e.g. "references/throne-room.png"), uploaded to the
 * project once; the provider's file id is remembered, so each image is sent to the provider once and a
 * restarted run refers to the same file (the ledger's request hash stays the same).
 */
@Entity
@Table(name = "reference_image", uniqueConstraints = @UniqueConstraint(columnNames = {"project_id", "name"}))
@NamedQuery(name = "ReferenceImage.byProject", query = "select r from ReferenceImage r where r.project.id = :projectId order by r.name")
@NamedQuery(name = "ReferenceImage.byName", query = "select r from ReferenceImage r where r.project.id = :projectId and r.name = :name")
public class ReferenceImage {

    @Id
    @GeneratedValue
    private Long id;

    /** A producer replacing the image and a run uploading it to the provider may change it at once. */
    @Version
    private int version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    private Project project;

    /** The file name, lower case: what an Input reference cell is matched by (its last path segment). */
    @Column(nullable = false, length = 255) private String name;
    @Column(nullable = false, length = 1000) private String storedPath;
    @Column(nullable = false, length = 64) private String sha256;
    @Column(nullable = false, length = 50) private String contentType;
    private long bytes;
    /** The provider's id for this image (Files API), once uploaded; cleared when the image is replaced. */
    @Column(length = 200) private String providerFileId;
    private Instant uploadedAt;

    protected ReferenceImage() {
    }

    public ReferenceImage(Project project, String name) {
        this.project = project;
        this.name = name;
    }

    public void replace(String storedPath, String sha256, String contentType, long bytes) {
        if (!sha256.equals(this.sha256)) {
            this.providerFileId = null;
        }
        this.storedPath = storedPath;
        this.sha256 = sha256;
        this.contentType = contentType;
        this.bytes = bytes;
        this.uploadedAt = Instant.now();
    }

    public void recordProviderFile(String fileId) { this.providerFileId = fileId; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getStoredPath() { return storedPath; }
    public String getSha256() { return sha256; }
    public String getContentType() { return contentType; }
    public long getBytes() { return bytes; }
    public String getProviderFileId() { return providerFileId; }
    public Instant getUploadedAt() { return uploadedAt; }
}
