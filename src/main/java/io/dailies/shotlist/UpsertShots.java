package io.dailies.shotlist;

import io.dailies.core.Project;
import io.dailies.core.Review;
import io.dailies.core.Score;
import io.dailies.core.Sequence;
import io.dailies.core.Shot;
import io.dailies.core.ShotContent;
import io.dailies.core.ShotPrompt;
import io.dailies.core.ShotlistImport;
import io.dailies.core.Take;
import io.dailies.core.TakeResult;
import io.dailies.core.Verdict;
import io.dailies.platform.CrashPoints;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptBook;
import io.dailies.review.Reviews;
import io.dailies.shotlist.sheet.ShotRowData;
import io.dailies.shotlist.sheet.WorkbookReviewColumns;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Stores the rows as shots, keyed by sequence + shot code: new shots are added, changed ones updated,
 * and takes and scores already recorded are never touched. Each stored shot's prompt is compiled and
 * linted against the workbook's look in the same chunk, so a 100,000-row import never holds more than
 * a chunk of shots in memory.
 */
@Dependent
@Named("upsertShots")
public class UpsertShots extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportService imports;

    @PersistenceContext
    EntityManager em;

    @Inject
    PromptBook prompts;

    @Inject
    StepContext step;

    @Inject
    Reviews reviews;

    /** The persistence unit's data source: in the chunk's transaction it hands out the entity manager's connection. */
    @Resource(lookup = "java:jboss/datasources/DailiesDS")
    DataSource dataSource;

    private long projectId;
    private PromptBook.Look look;
    private String change;
    private final Map<String, Long> sequences = new HashMap<>();
    /** The project's shots by sequence id + shot code, read once: one lookup per row instead of a query. */
    private final Map<String, Long> shotIds = new HashMap<>();

    @Override
    public void open(Serializable checkpoint) {
        long id = Long.parseLong(importId);
        projectId = imports.projectFor(id).getId();
        change = "import #" + id + " (" + imports.find(id).getFilename() + ")";
        for (Sequence s : em.createNamedQuery("Sequence.byProject", Sequence.class).setParameter("projectId", projectId).getResultList()) {
            sequences.put(key(s.getCode()), s.getId());
        }
        for (Object[] s : em.createQuery("select s.id, s.sequence.id, s.code from Shot s where s.sequence.project.id = :p", Object[].class)
                .setParameter("p", projectId).getResultList()) {
            shotIds.put(s[1] + "\u0000" + key((String) s[2]), (Long) s[0]);
        }
    }

    @Override
    public void writeItems(List<Object> items) throws SQLException {
        CrashPoints.reach("import.load"); // with #2: the first chunk committed, the second not
        try (Connection connection = dataSource.getConnection()) {
            ShotInserts inserts = ShotInserts.of(connection);
            try {
                write(items, inserts);
                if (inserts != null) {
                    inserts.flush();
                }
            } finally {
                if (inserts != null) {
                    inserts.close();
                }
            }
        }
    }

    /** Stores the chunk's rows; new shots go to {@code inserts} when there is one, else through JPA. */
    private void write(List<Object> items, ShotInserts inserts) throws SQLException {
        long id = Long.parseLong(importId);
        /** Shots of this chunk queued in {@code inserts} and not yet sent. */
        Set<Long> queued = new HashSet<>();
        ShotlistImport record = em.find(ShotlistImport.class, id);
        Project project = em.getReference(Project.class, projectId);
        RowContext context = (RowContext) step.getTransientUserData();
        if (look == null) {
            // The look this workbook brings (its Characters and Style Spine sheets, read by the step's reader);
            // the project takes it on at the finish.
            look = new PromptBook.Look(context.sheets().spine(), context.sheets().bible());
        }
        for (Object item : items) {
            ShotRowData row = ((PromptsAhead.Row) item).data();
            PromptsAhead.Job prompt = ((PromptsAhead.Row) item).prompt();
            // Shots and sequences are ordered across the sheets of a shot list spread over several.
            int position = context.layout().position(row.sourceSheet(), row.sourceRow());
            Sequence sequence = sequence(project, row, position);
            // Shot codes match like the duplicate check does: "sc1-01 " is the shot SC1-01.
            String shotKey = sequence.getId() + "\u0000" + key(row.shotCode());
            Long knownId = shotIds.get(shotKey);
            if (knownId != null && queued.contains(knownId)) {
                inserts.flush(); // a second row of a shot this chunk added: read back what was stored
                queued.clear();
            }
            Shot shot = knownId == null ? null : em.find(Shot.class, knownId);
            ShotContent content = content(row);
            if (shot != null && Long.valueOf(id).equals(shot.getLastImportId()) && shot.getPosition() != position) {
                // A second row with this sequence + shot code; in a partial import it is listed, not stored.
                continue;
            }
            WorkbookReviewColumns.Reading reading = WorkbookReviewColumns.read(row, context.layout());
            // The producer's own columns are theirs: stored with the shot (the workbook itself is kept as uploaded).
            String producerColumns = reading.producerColumns().isEmpty() ? null : json(reading.producerColumns());
            if (shot == null) {
                // Complete before it is persisted (prompt, lint, columns): one insert, no update after it.
                shot = new Shot(sequence, row.shotCode());
                shot.update(content, position, row.sourceRow(), id);
                shot.setProducerColumns(producerColumns);
                ShotPrompt version = prompts.apply(shot, report(shot, prompt), change, null);
                if (inserts != null) {
                    long shotId = inserts.add(shot, sequence.getId(), version);
                    queued.add(shotId);
                    shotIds.put(shotKey, shotId);
                } else {
                    em.persist(shot);
                    if (version != null) {
                        em.persist(version);
                    }
                    shotIds.put(shotKey, shot.getId());
                }
                record.countCreated();
            } else {
                if (shot.update(content, position, row.sourceRow(), id)) {
                    record.countUpdated();
                } else {
                    record.countUnchanged();
                }
                ShotPrompt version = prompts.apply(shot, report(shot, prompt), change, null);
                if (version != null) {
                    em.persist(version);
                }
                shot.setProducerColumns(producerColumns);
            }
            if (reading.reviewed().isPresent()) {
                recordReview(shot, reading.reviewed().get(), record);
            }
        }
    }

    /** The prompt compiled ahead for this row, unless the stored shot reads otherwise (its codes spelt differently). */
    private LintReport report(Shot shot, PromptsAhead.Job prompt) {
        return prompt.isFor(shot.content(), shot.getSequence().getCode(), shot.getCode(), look) ? prompt.report()
                : prompts.lint(shot, look);
    }

    /** What the row says of the shot, as it is stored: blank text as null. */
    static ShotContent content(ShotRowData row) {
        return new ShotContent(blank(row.subjectAction()), blank(row.cameraMovement()),
                blank(row.settingTime()), blank(row.lightingPalette()), blank(row.styleTechnical()), blank(row.dialogue()),
                row.model(), row.size(), row.seconds(), blank(row.shotType()), blank(row.sound()), blank(row.audioCues()),
                blank(row.physics()), blank(row.characters()), blank(row.overrides()), blank(row.inputReference()));
    }

    /**
     * A Verdict or Notes the producer typed into the written-back workbook becomes a review of the take
     * that row showed (source WORKBOOK), when it says something the take's current verdict does not.
     */
    private void recordReview(Shot shot, WorkbookReviewColumns.WorkbookReview review, ShotlistImport record) {
        Take take = review.selectedTakeId() != null ? em.find(Take.class, review.selectedTakeId()) : null;
        if (take == null && review.videoId() != null) {
            take = em.createQuery("select t from Take t where t.videoId = :v", Take.class).setParameter("v", review.videoId())
                    .getResultStream().findFirst().orElse(null);
        }
        if (take == null || !take.getShot().getId().equals(shot.getId())) {
            return; // the row's take is not this shot's (a copied row): nothing to review
        }
        Score score = em.createNamedQuery("Score.byTake", Score.class).setParameter("takeId", take.getId())
                .getResultStream().findFirst().orElse(null);
        Review latest = em.createNamedQuery("Review.byTake", Review.class).setParameter("takeId", take.getId())
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        Verdict current = Verdict.effective(score, latest);
        // What Dailies wrote in the Notes cell; only what the producer added to it is their note.
        String added = review.notesAddedTo(TakeResult.of(take, score, latest).notes());
        Verdict verdict = review.verdict() != null ? review.verdict() : current;
        if (verdict == null || (verdict == current && added == null)) {
            return;
        }
        // Uploaded again: the latest review already says this (its note is in the cell).
        if (latest != null && latest.getVerdict() == verdict && (latest.getNotes() == null ? added == null
                : review.notes() != null && review.notes().contains(latest.getNotes()))) {
            return;
        }
        reviews.add(take.getId(), verdict, added, "workbook " + record.getFilename(), Review.Source.WORKBOOK);
        record.countReviewed();
    }

    /** Made once: each {@code Json.create...} call looks the JSON provider up again (a service-loader scan). */
    private static final jakarta.json.JsonBuilderFactory JSON = jakarta.json.Json.createBuilderFactory(Map.of());

    private static String json(Map<String, String> columns) {
        jakarta.json.JsonObjectBuilder o = JSON.createObjectBuilder();
        columns.forEach(o::add);
        return o.build().toString();
    }

    private Sequence sequence(Project project, ShotRowData row, int position) {
        Long known = sequences.get(key(row.sequence()));
        if (known != null) {
            return em.find(Sequence.class, known);
        }
        Sequence s = new Sequence(project, row.sequence(), position);
        em.persist(s);
        em.flush();
        sequences.put(key(row.sequence()), s.getId());
        return s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }
}
