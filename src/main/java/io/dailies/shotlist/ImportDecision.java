package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import io.dailies.shotlist.sheet.CellIssue;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.Decider;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * After validation: any issue at all rejects the whole workbook, so nothing is half-imported, unless
 * the producer asked for a partial import; then the valid rows go in and the others are listed.
 */
@Dependent
@Named("importDecision")
public class ImportDecision implements Decider {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportService imports;

    @Override
    public String decide(StepExecution[] executions) {
        long id = Long.parseLong(importId);
        ShotlistImport i = imports.find(id);
        if (i.getRowsRead() == 0 && i.getIssueCount() == 0) {
            imports.reject(id, List.of(new CellIssue("Shots", 0, null, null, null,
                    "The Shots sheet has a header row but no shots below it.")));
            return "REJECTED";
        }
        if (i.getIssueCount() > 0 && i.isPartial() && i.getRowsRead() > i.getRowsWithIssues()) {
            return "VALID";
        }
        if (i.getIssueCount() > 0) {
            imports.setStatus(id, ShotlistImport.Status.REJECTED);
            return "REJECTED";
        }
        return "VALID";
    }
}
