package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import io.dailies.prompt.LintReport;
import io.dailies.shotlist.sheet.ShotRowData;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Counts the rows and records every issue with the import, in the chunk's transaction, and keeps the rows without
 * an issue for the load pass ({@link CheckedRows}).
 *
 * <p>While the reader streams the sheet, the valid rows' prompts are compiled and linted on the other cores
 * ({@link PromptsAhead}), and a row goes into the file with its prompt once it is compiled, so the load pass only
 * stores it. Only as many prompts are queued as the workers keep up with: a row that comes while
 * {@link #BACKLOG} wait goes in without its prompt, and the load pass compiles it, as it does every row after a
 * restart of the load. Nothing is compiled for a workbook that will be rejected.
 */
@Dependent
@Named("recordImportIssues")
public class RecordImportIssues extends AbstractItemWriter {

    /** Prompts queued and not started, at most: about what two workers compile while the reader reads a chunk. */
    static final int BACKLOG = 256;
    /** Rows held back for their prompts, at most (a few MB). */
    static final int HELD = 2_000;

    @Inject
    @BatchProperty
    String importId;

    @PersistenceContext
    EntityManager em;

    /** Where the prompts are compiled while the reader reads on. */
    @Inject
    StepPrompts prompts;

    private CheckedRows.Writer checked;
    /** Valid rows not yet in the file, in order, each with its prompt being compiled (or none). */
    private final ArrayDeque<Held> held = new ArrayDeque<>();

    private record Held(ShotRowData row, PromptsAhead.Job prompt) {
    }

    @Override
    public void open(Serializable checkpoint) throws Exception {
        // The validation pass always starts over, so whatever an earlier attempt recorded goes.
        ShotlistImport i = em.find(ShotlistImport.class, Long.parseLong(importId));
        i.clearIssues();
        i.resetCounts();
        checked = new CheckedRows.Writer(CheckedRows.of(i.getStoredPath()));
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        ShotlistImport i = em.find(ShotlistImport.class, Long.parseLong(importId));
        for (Object item : items) {
            RowCheck check = (RowCheck) item;
            i.countRow();
            if (!check.issues().isEmpty()) {
                i.countRowWithIssues();
            }
            check.issues().forEach(c -> i.addIssue(ImportService.toIssue(c)));
            if (check.shot() != null) {
                // What the load pass stores; its prompt compiled now unless the workbook is rejected anyway.
                boolean rejected = i.getIssueCount() > 0 && !i.isPartial();
                held.add(new Held(check.shot(), rejected ? null : compile(check.shot())));
            }
        }
        // The rows whose prompts are done go into the file, in order; past HELD, the first rows go without waiting
        // for a prompt no worker has started.
        while (!held.isEmpty() && (held.peek().prompt() == null || held.peek().prompt().isDone() || held.size() > HELD)) {
            store(held.poll());
        }
        checked.flush();
    }

    private PromptsAhead.Job compile(ShotRowData row) {
        if (prompts.ahead().waiting() >= BACKLOG) {
            return null; // the workers are behind: the load pass compiles this one
        }
        return prompts.ahead().submit(UpsertShots.content(row), row.sequence(), row.shotCode(), prompts.look());
    }

    private void store(Held h) throws IOException {
        LintReport report = null;
        try {
            report = h.prompt() == null ? null : h.prompt().reportIfStarted();
        } catch (RuntimeException e) {
            // Left to the load pass, which compiles the prompt again and fails there as it always did.
        }
        checked.write(h.row(), report);
    }

    @Override
    public void close() throws Exception {
        if (checked != null) {
            try {
                // The step's end: every row goes into the file (the prompts started are awaited, the others left
                // to the load pass) before the step completes.
                while (!held.isEmpty()) {
                    store(held.poll());
                }
            } finally {
                checked.close();
            }
        }
    }
}
