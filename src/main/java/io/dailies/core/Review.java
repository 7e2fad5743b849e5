package io.dailies.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reviewer's verdict on a take. It overrides the automated verdict; every review is kept, with who
 * gave it and when, and the latest one counts.
 */
@Entity
@Table(name = "take_review")
@NamedQuery(name = "Review.byTake", query = "select r from Review r where r.take.id = :takeId order by r.reviewedAt desc, r.id desc")
@NamedQuery(name = "Review.byRun", query = "select r from Review r join fetch r.take t where t.run.id = :runId order by r.reviewedAt desc, r.id desc")
public class Review {

    public enum Source { CONSOLE, WORKBOOK }

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "take_id")
    private Take take;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Verdict verdict;

    @Column(length = 4000)
    private String notes;

    @Column(nullable = false, length = 200)
    private String reviewer;

    @Column(nullable = false)
    private Instant reviewedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Source source;

    protected Review() {
    }

    public Review(Take take, Verdict verdict, String notes, String reviewer, Source source) {
        this.take = take;
        this.verdict = verdict;
        this.notes = notes;
        this.reviewer = reviewer;
        this.source = source;
        this.reviewedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Take getTake() { return take; }
    public Verdict getVerdict() { return verdict; }
    public String getNotes() { return notes; }
    public String getReviewer() { return reviewer; }
    public Instant getReviewedAt() { return reviewedAt; }
    public Source getSource() { return source; }
}
