package io.dailies.prompt;

/**
 * One problem the linter found in a shot.
 *
 * @param ruleId   the rule, e.g. "CAMERA-MULTIPLE-MOVES"
 * @param severity ERROR blocks submission, WARNING does not
 * @param section  the part of the prompt it is about
 * @param message  what is wrong and what it will do to the take, in the producer's words
 * @param fix      a concrete change to make, quoting the guide where it can
 */
public record LintFinding(String ruleId, Severity severity, PromptSection section, String message, String fix) {

    public boolean blocks() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + ": " + message + " Fix: " + fix;
    }
}
