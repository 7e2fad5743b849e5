package io.dailies.prompt;

import java.util.List;

/**
 * One linter rule: an id, a severity, what it catches (a failure mode of the guide's pillar or
 * troubleshooting table) and its usual fix, plus the check itself.
 *
 * @param id       stable identifier, e.g. "PALETTE-ANCHORS"
 * @param severity ERROR blocks the shot from being submitted; WARNING does not
 * @param section  the part of the prompt the rule is about
 * @param catches  the failure mode, in a sentence
 * @param fix      the usual fix, used when a finding gives none of its own
 * @param check    finds the rule's problems in one shot
 */
public record LintRule(String id, Severity severity, PromptSection section, String catches, String fix, Check check) {

    /** The rule's test: the problems it sees in one shot, each with its message and, optionally, its own fix. */
    @FunctionalInterface
    public interface Check {
        List<Hit> run(LintContext shot);
    }

    /** A problem found by a check; a null fix means the rule's fix, a null section the rule's section. */
    public record Hit(String message, String fix, PromptSection section) {
        public Hit(String message, String fix) {
            this(message, fix, null);
        }

        public static Hit of(String message) {
            return new Hit(message, null, null);
        }
    }

    LintFinding finding(Hit hit) {
        return new LintFinding(id, severity, hit.section() == null ? section : hit.section(), hit.message(),
                hit.fix() == null ? fix : hit.fix());
    }

    @Override
    public String toString() {
        return id + " (" + severity + ")";
    }
}
