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
import java.util.Objects;

/**
 * One row of the shot list: the five pillars as the producer wrote them, plus the API parameters.
 * Keyed by sequence + shot code, so a re-import updates it instead of duplicating it.
 */
@Entity
@Table(name = "shot", uniqueConstraints = @UniqueConstraint(columnNames = {"sequence_id", "code"}))
@NamedQuery(name = "Shot.byProject", query = "select s from Shot s join fetch s.sequence q where q.project.id = :projectId order by q.position, s.position")
@NamedQuery(name = "Shot.activeByProject", query = "select s from Shot s join fetch s.sequence q where q.project.id = :projectId and s.omitted = false order by q.position, s.position")
public class Shot {

    public static final int TEXT = 32000;
    /** A compiled prompt joins several pillars, each up to TEXT long. */
    public static final int PROMPT = 400_000;

    @Id
    @GeneratedValue
    private Long id;

    /** A re-import, a retake and a reviewer may change a shot at once: the later commit must not overwrite blindly. */
    @Version
    private int version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "sequence_id")
    private Sequence sequence;

    @Column(nullable = false, length = 200)
    private String code;

    /** Order within the workbook; sequences and shots are shot and reported in this order. */
    private int position;

    /** The producer's own columns on the Shots sheet (header → text, JSON): kept, never dropped. */
    @Column(length = 100_000) private String producerColumns;
    @Column(length = TEXT) private String subjectAction;
    @Column(length = TEXT) private String cameraMovement;
    @Column(length = TEXT) private String settingTime;
    @Column(length = TEXT) private String lightingPalette;
    @Column(length = TEXT) private String styleTechnical;
    @Column(length = TEXT) private String dialogue;
    @Column(length = TEXT) private String shotType;
    @Column(length = TEXT) private String sound;
    @Column(length = TEXT) private String audioCues;
    @Column(length = TEXT) private String physics;
    /** Names of the characters the shot references, as written. */
    @Column(length = TEXT) private String characters;
    /** Style-spine overrides, e.g. "lens: 85mm; palette: teal, sand, rust". */
    @Column(length = TEXT) private String overrides;
    @Column(length = TEXT) private String inputReference;

    @Column(nullable = false, length = 100) private String model;
    @Column(nullable = false, length = 20) private String size;
    private int seconds;

    /** Excel row the shot came from in the last import, for error messages and write-back. */
    private int sourceRow;
    /** Set when the shot disappeared from a re-imported workbook; its takes and scores are kept. */
    private boolean omitted;
    private Long lastImportId;
    private Instant updatedAt;

    protected Shot() {
    }

    public Shot(Sequence sequence, String code) {
        this.sequence = sequence;
        this.code = code;
    }

    /** Copies the row's content; answers whether anything the producer wrote changed. */
    public boolean update(ShotContent c, int position, int sourceRow, long importId) {
        boolean changed = !Objects.equals(subjectAction, c.subjectAction())
                || !Objects.equals(cameraMovement, c.cameraMovement())
                || !Objects.equals(settingTime, c.settingTime())
                || !Objects.equals(lightingPalette, c.lightingPalette())
                || !Objects.equals(styleTechnical, c.styleTechnical())
                || !Objects.equals(dialogue, c.dialogue())
                || !Objects.equals(model, c.model())
                || !Objects.equals(size, c.size())
                || seconds != c.seconds()
                || !Objects.equals(shotType, c.shotType())
                || !Objects.equals(sound, c.sound())
                || !Objects.equals(audioCues, c.audioCues())
                || !Objects.equals(physics, c.physics())
                || !Objects.equals(characters, c.characters())
                || !Objects.equals(overrides, c.overrides())
                || !Objects.equals(inputReference, c.inputReference())
                || omitted;
        subjectAction = c.subjectAction();
        cameraMovement = c.cameraMovement();
        settingTime = c.settingTime();
        lightingPalette = c.lightingPalette();
        styleTechnical = c.styleTechnical();
        dialogue = c.dialogue();
        model = c.model();
        size = c.size();
        seconds = c.seconds();
        shotType = c.shotType();
        sound = c.sound();
        audioCues = c.audioCues();
        physics = c.physics();
        characters = c.characters();
        overrides = c.overrides();
        inputReference = c.inputReference();
        this.position = position;
        this.sourceRow = sourceRow;
        this.lastImportId = importId;
        this.omitted = false;
        if (changed) {
            updatedAt = Instant.now();
        }
        return changed;
    }

    public ShotContent content() {
        return new ShotContent(subjectAction, cameraMovement, settingTime, lightingPalette, styleTechnical,
                dialogue, model, size, seconds, shotType, sound, audioCues, physics, characters, overrides, inputReference);
    }

    /** A retake changed one element: the shot now reads as the retake left it. */
    public void revise(ShotContent c) {
        boolean wasOmitted = omitted;
        update(c, position, sourceRow, lastImportId == null ? 0 : lastImportId);
        omitted = wasOmitted; // a retake of a shot the workbook dropped does not bring it back
    }

    /** The compiled prompt of the shot as it stands, and what the linter said of it. */
    /** Room for every pillar at its longest: an over-long prompt is kept and linted, never sent. */
    @Column(length = PROMPT) private String prompt;
    @Column(length = 64) private String promptHash;
    private int promptVersion;
    @Column(length = 20000) private String lint;
    private int lintErrors;
    private int lintWarnings;

    public void setPrompt(String prompt, String hash, int version) {
        this.prompt = prompt;
        this.promptHash = hash;
        this.promptVersion = version;
    }

    public void setLint(String json, int errors, int warnings) {
        this.lint = json;
        this.lintErrors = errors;
        this.lintWarnings = warnings;
    }

    public String getPrompt() { return prompt; }
    public String getPromptHash() { return promptHash; }
    public int getPromptVersion() { return promptVersion; }
    public String getLint() { return lint; }
    public int getLintErrors() { return lintErrors; }
    public int getLintWarnings() { return lintWarnings; }

    public void omit() { this.omitted = true; this.updatedAt = Instant.now(); }
    /** A producer's choice in the console: left out of runs, or back in (a later import of the workbook decides again). */
    public void setOmitted(boolean omitted) { this.omitted = omitted; this.updatedAt = Instant.now(); }

    public Long getId() { return id; }
    public Sequence getSequence() { return sequence; }
    public String getCode() { return code; }
    public int getPosition() { return position; }
    public String getModel() { return model; }
    public String getSize() { return size; }
    public int getSeconds() { return seconds; }
    public int getSourceRow() { return sourceRow; }
    public String getProducerColumns() { return producerColumns; }
    public void setProducerColumns(String json) { this.producerColumns = json; }
    public boolean isOmitted() { return omitted; }
    public Long getLastImportId() { return lastImportId; }
    public Instant getUpdatedAt() { return updatedAt; }
}
