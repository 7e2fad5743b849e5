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

/** A run of consecutive shots (a scene); continuity is judged between neighbouring shots of one sequence. */
@Entity
@Table(name = "shot_sequence", uniqueConstraints = @UniqueConstraint(columnNames = {"project_id", "code"}))
@NamedQuery(name = "Sequence.byProject", query = "select s from Sequence s where s.project.id = :projectId order by s.position")
public class Sequence {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    private Project project;

    /** The producer's name for it, as typed in the Sequence column. */
    @Column(nullable = false, length = 200)
    private String code;

    /** Order of first appearance in the shot list. */
    private int position;

    protected Sequence() {
    }

    public Sequence(Project project, String code, int position) {
        this.project = project;
        this.code = code;
        this.position = position;
    }

    public Long getId() { return id; }
    public Project getProject() { return project; }
    public String getCode() { return code; }
    public int getPosition() { return position; }
}
