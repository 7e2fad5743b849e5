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
import java.time.Instant;

/** One version of a shot's compiled prompt: kept with its hash, the compiler version and what changed. */
@Entity
@Table(name = "shot_prompt", uniqueConstraints = @UniqueConstraint(columnNames = {"shot_id", "number"}))
@NamedQuery(name = "ShotPrompt.byShot", query = "select p from ShotPrompt p where p.shot.id = :shotId order by p.number")
public class ShotPrompt {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "shot_id")
    private Shot shot;

    private int number;
    @Column(nullable = false, length = Shot.PROMPT) private String text;
    @Column(nullable = false, length = 64) private String hash;
    @Column(nullable = false, length = 10) private String compilerVersion;
    /** "imported", "re-imported", or the retake's one change ("lens: 85mm"). */
    @Column(length = 500) private String change;
    /** The take a retake revises, if any. */
    private Long revisesTakeId;
    @Column(nullable = false) private Instant createdAt;

    protected ShotPrompt() {
    }

    public ShotPrompt(Shot shot, int number, CompiledPrompt prompt, String change, Long revisesTakeId) {
        this.shot = shot;
        this.number = number;
        this.text = prompt.text();
        this.hash = prompt.hash();
        this.compilerVersion = prompt.compilerVersion();
        this.change = change;
        this.revisesTakeId = revisesTakeId;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public Shot getShot() { return shot; }
    public int getNumber() { return number; }
    public String getText() { return text; }
    public String getHash() { return hash; }
    public String getCompilerVersion() { return compilerVersion; }
    public String getChange() { return change; }
    public Long getRevisesTakeId() { return revisesTakeId; }
    public Instant getCreatedAt() { return createdAt; }
    public CompiledPrompt compiled() { return new CompiledPrompt(text, hash, compilerVersion); }
}
