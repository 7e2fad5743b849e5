package io.dailies.emulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A character uploaded to the emulator (POST /videos/characters): a named clip that generations can
 * reference by id. Kept in the database so that ids handed out survive a restart like video ids do.
 */
@Entity
@Table(name = "emulator_character")
public class EmulatedCharacter {

    @Id
    @Column(length = 64)
    private String id;
    @Column(nullable = false, length = 80) private String name;
    private long createdAtMillis;
    /** The uploaded clip, a file in the emulator's characters folder. */
    @Column(nullable = false, length = 200) private String clipFile;
    private double clipSeconds;

    protected EmulatedCharacter() {
    }

    public EmulatedCharacter(String id, String name, long createdAtMillis, String clipFile, double clipSeconds) {
        this.id = id;
        this.name = name;
        this.createdAtMillis = createdAtMillis;
        this.clipFile = clipFile;
        this.clipSeconds = clipSeconds;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public long getCreatedAtMillis() { return createdAtMillis; }
    public String getClipFile() { return clipFile; }
    public double getClipSeconds() { return clipSeconds; }
}
