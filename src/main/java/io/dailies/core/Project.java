package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A film being produced: the shots of one shot list, across its sequences. */
@Entity
@Table(name = "project")
@NamedQuery(name = "Project.byName", query = "select p from Project p where p.name = :name")
@NamedQuery(name = "Project.all", query = "select p from Project p order by p.id desc")
public class Project {

    @Id
    @GeneratedValue
    private Long id;

    /** An import, a producer changing the budget or thresholds, and a run may change a project at once. */
    @Version
    private int version;

    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant updatedAt;

    /** The Characters sheet (name → verbatim description) and the Style Spine sheet, as JSON (read by the prompt component's ProjectLook). */
    @Column(length = 100_000)
    private String characterBible;
    /** The most the project may spend (its workbook's Settings sheet), in USD; null when not set. */
    @Column(precision = 12, scale = 2)
    private java.math.BigDecimal budgetUsd;
    @Column(length = 10_000)
    private String styleSpine;

    /** The project's own scoring thresholds, as JSON overrides of the defaults (see ProjectThresholds). */
    @Column(length = 4000)
    private String scoringOverrides;

    protected Project() {
    }

    public Project(String name) {
        this.name = name;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public Long getId() { return id; }

    /** Changes with every committed change: what a client read is still current only while it is equal. */
    public int getVersion() { return version; }
    public String getName() { return name; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void touch() { this.updatedAt = Instant.now(); }
    public String getCharacterBible() { return characterBible; }
    public java.math.BigDecimal getBudgetUsd() { return budgetUsd; }
    public void setBudgetUsd(java.math.BigDecimal budgetUsd) { this.budgetUsd = budgetUsd; }
    public String getStyleSpine() { return styleSpine; }
    public void setLook(String characterBible, String styleSpine) {
        this.characterBible = characterBible;
        this.styleSpine = styleSpine;
    }
    public String getScoringOverrides() { return scoringOverrides; }
    public void setScoringOverrides(String scoringOverrides) { this.scoringOverrides = scoringOverrides; }
}
