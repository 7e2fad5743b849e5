package io.dailies.prompt;

import io.dailies.core.CompiledPrompt;
import java.util.List;

/**
 * The linter's verdict on one shot.
 *
 * @param shot     the shot's label, e.g. "Castle-SC1-03"
 * @param prompt   the prompt the findings are about
 * @param findings every finding, in rule order
 */
public record LintReport(String shot, CompiledPrompt prompt, List<LintFinding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Whether an ERROR keeps the shot from being submitted. */
    public boolean blocksSubmission() {
        return findings.stream().anyMatch(LintFinding::blocks);
    }

    public List<LintFinding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<LintFinding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** The ids of the rules that found something, in order, each once. */
    public List<String> ruleIds() {
        return findings.stream().map(LintFinding::ruleId).distinct().toList();
    }

    public boolean has(String ruleId) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }

    public boolean isClean() {
        return findings.isEmpty();
    }
}
