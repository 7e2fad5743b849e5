package io.dailies.shotlist;

import io.dailies.prompt.PromptBook;
import io.dailies.shotlist.sheet.ProjectSheets;
import io.dailies.shotlist.sheet.ShotSheetFormatException;
import java.io.IOException;
import java.nio.file.Path;
import io.dailies.production.Project;
import io.dailies.production.Sequence;
import io.dailies.production.Shot;
import io.dailies.production.ShotContent;
import io.dailies.shotlist.sheet.ShotRowData;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private long projectId;
    private PromptBook.Look look;
    private String change;
    private final Map<String, Long> sequences = new HashMap<>();

    @Override
    public void open(Serializable checkpoint) {
        long id = Long.parseLong(importId);
        projectId = imports.projectFor(id).getId();
        ShotlistImport record = imports.find(id);
        // The look this workbook brings (its Characters and Style Spine sheets); the project takes it on at the finish.
        ProjectSheets sheets;
        try {
            sheets = ProjectSheets.read(Path.of(record.getStoredPath()));
        } catch (IOException | ShotSheetFormatException e) {
            throw new IllegalStateException("The workbook's Characters / Style Spine sheets could not be read again: " + e.getMessage(), e);
        }
        look = new PromptBook.Look(sheets.spine(), sheets.bible());
        change = "import #" + id + " (" + record.getFilename() + ")";
        for (Sequence s : em.createNamedQuery("Sequence.byProject", Sequence.class).setParameter("projectId", projectId).getResultList()) {
            sequences.put(key(s.getCode()), s.getId());
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        long id = Long.parseLong(importId);
        ShotlistImport record = em.find(ShotlistImport.class, id);
        Project project = em.getReference(Project.class, projectId);
        for (Object item : items) {
            ShotRowData row = (ShotRowData) item;
            Sequence sequence = sequence(project, row);
            Shot shot = em.createNamedQuery("Shot.byKey", Shot.class)
                    .setParameter("sequenceId", sequence.getId())
                    // Shot codes match like the duplicate check does: "sc1-01 " is the shot SC1-01.
                    .setParameter("code", key(row.shotCode()))
                    .getResultStream().findFirst().orElse(null);
            ShotContent content = new ShotContent(blank(row.subjectAction()), blank(row.cameraMovement()),
                    blank(row.settingTime()), blank(row.lightingPalette()), blank(row.styleTechnical()), blank(row.dialogue()),
                    row.model(), row.size(), row.seconds(), blank(row.shotType()), blank(row.sound()), blank(row.audioCues()),
                    blank(row.physics()), blank(row.characters()), blank(row.overrides()), blank(row.inputReference()));
            if (shot != null && Long.valueOf(id).equals(shot.getLastImportId()) && shot.getSourceRow() != row.sourceRow()) {
                // A second row with this sequence + shot code; in a partial import it is listed, not stored.
                continue;
            }
            if (shot == null) {
                shot = new Shot(sequence, row.shotCode());
                shot.update(content, row.sourceRow(), row.sourceRow(), id);
                em.persist(shot);
                record.countCreated();
            } else if (shot.update(content, row.sourceRow(), row.sourceRow(), id)) {
                record.countUpdated();
            } else {
                record.countUnchanged();
            }
            prompts.refresh(shot, look, change, null);
        }
    }

    private Sequence sequence(Project project, ShotRowData row) {
        Long known = sequences.get(key(row.sequence()));
        if (known != null) {
            return em.find(Sequence.class, known);
        }
        Sequence s = new Sequence(project, row.sequence(), row.sourceRow());
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
