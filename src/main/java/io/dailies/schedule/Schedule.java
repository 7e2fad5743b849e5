package io.dailies.schedule;

import io.dailies.core.Project;
import io.dailies.core.Run;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A project's overnight runs: on its days, when its window opens (in its time zone), a run of the chosen
 * shots starts within the night's budget; at the window's end nothing new is submitted. Its timer is a
 * persistent EJB timer ({@link ScheduleTimers}); the database is what the timers are rebuilt from.
 */
@Entity
@Table(name = "schedule")
public class Schedule {

    @Id
    @GeneratedValue
    private Long id;

    /** A person editing it and a firing reading it may meet: the later edit must not overwrite blindly. */
    @Version
    private int version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    private Project project;

    /** MON,TUE,... in week order. */
    @Column(nullable = false, length = 40)
    private String days;
    @Column(name = "starts_at", nullable = false)
    private LocalTime start;
    @Column(name = "ends_at", nullable = false)
    private LocalTime end;
    @Column(nullable = false, length = 60)
    private String zone;
    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal budgetUsd;
    /** Null: auto (the Batch API, as every scheduled run by default). */
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Run.Mode mode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Run.Shots shots;
    /** Who gets the morning summary, comma-separated; empty: nobody. */
    @Column(length = 2000)
    private String recipients;
    private boolean paused;
    @Column(nullable = false)
    private Instant createdAt;
    /** When it was created, changed or resumed: windows before this are not its own to catch up or call missed. */
    @Column(nullable = false)
    private Instant armedAt;

    protected Schedule() {
    }

    public Schedule(Project project, Instant now) {
        this.project = project;
        this.createdAt = now;
        this.armedAt = now;
    }

    /** The new settings, all at once (PUT replaces them). */
    public void set(ScheduleRequest.Parsed p, Instant now) {
        this.days = p.days().stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        this.start = p.start();
        this.end = p.end();
        this.zone = p.zone().getId();
        this.budgetUsd = p.budgetUsd();
        this.mode = p.mode();
        this.shots = p.shots();
        this.recipients = String.join(",", p.recipients());
        this.paused = p.paused();
        this.armedAt = now;
    }

    public Long getId() { return id; }
    public int getVersion() { return version; }
    public Project getProject() { return project; }
    public LocalTime getStart() { return start; }
    public LocalTime getEnd() { return end; }
    public String getZone() { return zone; }
    public BigDecimal getBudgetUsd() { return budgetUsd; }
    public Run.Mode getMode() { return mode; }
    public Run.Shots getShots() { return shots; }
    public boolean isPaused() { return paused; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getArmedAt() { return armedAt; }

    public List<String> getDayNames() {
        return List.of(days.split(","));
    }

    public Set<DayOfWeek> getDays() {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days.split(",")) {
            set.add(ScheduleRequest.day(d));
        }
        return set;
    }

    public List<String> getRecipients() {
        return recipients == null || recipients.isBlank() ? List.of() : Arrays.asList(recipients.split(","));
    }

    public ScheduleWindow window() {
        return new ScheduleWindow(getDays(), start, end, ZoneId.of(zone));
    }
}
