package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A take measured against the guide's acceptance criteria. A criterion that could not be
 * measured keeps a null score and says why in its note; nothing here is ever invented.
 */
@Entity
@Table(name = "score")
@NamedQuery(name = "Score.byRun", query = "select s from Score s join fetch s.take t where t.run.id = :runId")
@NamedQuery(name = "Score.byTake", query = "select s from Score s where s.take.id = :takeId")
public class Score {

    static final int NOTE = 2000;

    @Id
    @GeneratedValue
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "take_id", unique = true)
    private Take take;

    private Integer promptAdherence;
    @Column(length = NOTE) private String promptAdherenceNote;
    private Integer motionQuality;
    @Column(length = NOTE) private String motionQualityNote;
    private Integer physicalRealism;
    @Column(length = NOTE) private String physicalRealismNote;
    private Integer continuity;
    @Column(length = NOTE) private String continuityNote;
    private Integer audioSync;
    @Column(length = NOTE) private String audioSyncNote;

    /** The judge model's opinion, shown beside the measured criteria, never in their place. */
    private Integer judgePromptAdherence;
    private Integer judgePhysicalRealism;
    @Column(length = NOTE) private String judgeRationale;
    @Column(length = 200) private String judgeModel;

    private Integer overall;
    @Column(length = 20) private String verdict;
    @Column(length = 4000) private String recommendations;

    /** Everything measured on the decoded take, as JSON, so continuity and re-scoring need no second decode. */
    @Column(length = 1_000_000)
    private String measurements;

    private Instant scoredAt;

    protected Score() {
    }

    public Score(Take take) {
        this.take = take;
    }

    public Long getId() { return id; }
    public Take getTake() { return take; }
    public Integer getPromptAdherence() { return promptAdherence; }
    public String getPromptAdherenceNote() { return promptAdherenceNote; }
    public Integer getMotionQuality() { return motionQuality; }
    public String getMotionQualityNote() { return motionQualityNote; }
    public Integer getPhysicalRealism() { return physicalRealism; }
    public String getPhysicalRealismNote() { return physicalRealismNote; }
    public Integer getContinuity() { return continuity; }
    public String getContinuityNote() { return continuityNote; }
    public Integer getAudioSync() { return audioSync; }
    public String getAudioSyncNote() { return audioSyncNote; }
    public Integer getJudgePromptAdherence() { return judgePromptAdherence; }
    public Integer getJudgePhysicalRealism() { return judgePhysicalRealism; }
    public String getJudgeRationale() { return judgeRationale; }
    public String getJudgeModel() { return judgeModel; }
    public Integer getOverall() { return overall; }
    public String getVerdict() { return verdict; }
    public String getRecommendations() { return recommendations; }
    public String getMeasurements() { return measurements; }
    public Instant getScoredAt() { return scoredAt; }

    public void setPromptAdherence(Integer score, String note) { promptAdherence = score; promptAdherenceNote = clip(note); }
    public void setMotionQuality(Integer score, String note) { motionQuality = score; motionQualityNote = clip(note); }
    public void setPhysicalRealism(Integer score, String note) { physicalRealism = score; physicalRealismNote = clip(note); }
    public void setContinuity(Integer score, String note) { continuity = score; continuityNote = clip(note); }
    public void setAudioSync(Integer score, String note) { audioSync = score; audioSyncNote = clip(note); }

    public void setOutcome(Integer overall, String verdict, String recommendations) {
        this.overall = overall;
        this.verdict = verdict;
        this.recommendations = recommendations == null || recommendations.length() <= 4000 ? recommendations : recommendations.substring(0, 4000);
        this.scoredAt = Instant.now();
    }

    public void setMeasurements(String measurements) { this.measurements = measurements; }

    public void setJudgement(Integer promptAdherence, Integer physicalRealism, String rationale, String model) {
        this.judgePromptAdherence = promptAdherence;
        this.judgePhysicalRealism = physicalRealism;
        this.judgeRationale = clip(rationale);
        this.judgeModel = model;
    }

    private static String clip(String note) {
        return note == null || note.length() <= NOTE ? note : note.substring(0, NOTE);
    }
}
