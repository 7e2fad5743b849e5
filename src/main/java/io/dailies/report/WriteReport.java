package io.dailies.report;

import io.dailies.Storage;
import io.dailies.production.Run;
import io.dailies.production.Take;
import io.dailies.scoring.Score;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Last step of a run: the dailies report, written to the storage folder and linked from the run. */
@Dependent
@Named("writeReport")
public class WriteReport extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    Storage storage;

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional
    public String process() throws Exception {
        Run run = em.find(Run.class, Long.parseLong(runId));
        List<Take> takes = em.createNamedQuery("Take.byRun", Take.class).setParameter("runId", run.getId()).getResultList();
        Map<Long, Score> scores = new HashMap<>();
        for (Score s : em.createNamedQuery("Score.byRun", Score.class).setParameter("runId", run.getId()).getResultList()) {
            scores.put(s.getTake().getId(), s);
        }
        List<ReportRow> rows = new ArrayList<>(takes.size());
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (Take t : takes) {
            Score s = scores.get(t.getId());
            rows.add(row(t, s));
            String verdict = s == null || s.getVerdict() == null ? "not scored" : s.getVerdict();
            verdicts.merge(verdict, 1, Integer::sum);
        }
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Project", run.getProject().getName());
        summary.put("Run", run.getId().toString());
        summary.put("Started", run.getCreatedAt().toString());
        summary.put("Takes", Integer.toString(takes.size()));
        summary.put("Failed takes", Long.toString(takes.stream().filter(t -> t.getStatus() == Take.Status.FAILED).count()));
        verdicts.forEach((v, n) -> summary.put("Verdict " + v, n.toString()));
        Path file = storage.dir("reports").resolve("run-" + run.getId() + ".xlsx");
        RunReport.write(file, rows, summary);
        run.setReportFile(file.toString());
        return "REPORTED";
    }

    static ReportRow row(Take t, Score s) {
        List<ReportRow.Criterion> criteria = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        if (t.getFailure() != null) {
            notes.append(t.getFailure());
        }
        if (s == null) {
            String why = t.getStatus() == Take.Status.FAILED ? "No take to measure: the generation failed." : "Not scored yet.";
            ReportRow.CRITERIA.forEach(name -> criteria.add(new ReportRow.Criterion(name, null, why)));
        } else {
            criteria.add(new ReportRow.Criterion("Prompt adherence", s.getPromptAdherence(), s.getPromptAdherenceNote()));
            criteria.add(new ReportRow.Criterion("Motion quality", s.getMotionQuality(), s.getMotionQualityNote()));
            criteria.add(new ReportRow.Criterion("Physical realism", s.getPhysicalRealism(), s.getPhysicalRealismNote()));
            criteria.add(new ReportRow.Criterion("Continuity", s.getContinuity(), s.getContinuityNote()));
            criteria.add(new ReportRow.Criterion("Audio sync", s.getAudioSync(), s.getAudioSyncNote()));
            for (ReportRow.Criterion c : criteria) {
                if (c.note() != null && !c.note().isBlank()) {
                    notes.append(notes.length() == 0 ? "" : "\n").append(c.name()).append(": ").append(c.note());
                }
            }
            if (s.getRecommendations() != null && !s.getRecommendations().isBlank()) {
                notes.append(notes.length() == 0 ? "" : "\n").append("Fix: ").append(s.getRecommendations().replace("\n", "; "));
            }
        }
        return new ReportRow(t.getShot().getSequence().getCode(), t.getShot().getCode(), t.getPrompt(), t.getVideoId(),
                t.getStatus().name(), t.getFilePath(), criteria, s == null ? null : s.getOverall(),
                s == null ? null : s.getVerdict(), notes.toString());
    }
}
