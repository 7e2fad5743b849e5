package io.dailies.schedule;

import io.dailies.core.Run;
import io.dailies.core.Take;
import io.dailies.core.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a night came to, from its takes: how many were made, accepted, to review and to retake, how many failed
 * or were deferred at the window's end, the seconds accepted, the spend against the night's budget, and the most
 * frequent reasons a take failed or is to be retaken. Plain Java over {@link Fact}s, so it is tested without a server.
 */
public record NightSummary(int takes, int made, int accepted, int toReview, int toRetake, int failed, int deferred,
                           int acceptedSeconds, BigDecimal spentUsd, BigDecimal budgetUsd, List<Reason> reasons) {

    /** How many of the night's takes failed, or are to be retaken, for one reason. */
    public record Reason(String reason, int takes) {
    }

    /**
     * One take of the night as the summary needs it.
     *
     * @param verdict          the verdict that counts (the latest reviewer's over the automated one), null when none
     * @param chargedUsd       what it cost, only when a take was delivered (null otherwise)
     * @param failure          why it failed, for a failed take
     * @param recommendations  the scorer's fixes, one a line, for a take to retake
     */
    public record Fact(Take.Status status, Verdict verdict, int seconds, BigDecimal chargedUsd, String failure, String recommendations) {
    }

    static final int TOP_REASONS = 5;

    public static NightSummary of(List<Fact> facts, BigDecimal budgetUsd) {
        int made = 0, accepted = 0, review = 0, retake = 0, failed = 0, deferred = 0, seconds = 0;
        BigDecimal spent = BigDecimal.ZERO;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (f.chargedUsd() != null) {
                spent = spent.add(f.chargedUsd());
            }
            if (f.status() == Take.Status.FAILED) {
                if (f.failure() != null && f.failure().startsWith(Run.DEFERRED)) {
                    deferred++;
                    continue;
                }
                failed++;
                reasons.merge(firstLine(f.failure(), "Failed, no reason given"), 1, Integer::sum);
                continue;
            }
            if (f.status() == Take.Status.STORED || f.status() == Take.Status.SCORED) {
                made++;
            }
            if (f.verdict() == Verdict.ACCEPT) {
                accepted++;
                seconds += f.seconds();
            } else if (f.verdict() == Verdict.REVIEW) {
                review++;
            } else if (f.verdict() == Verdict.RETAKE) {
                retake++;
                if (f.recommendations() == null || f.recommendations().isBlank()) {
                    reasons.merge("To retake (no fix named)", 1, Integer::sum);
                } else {
                    for (String line : f.recommendations().split("\n")) {
                        if (!line.isBlank()) {
                            reasons.merge(firstLine(line, line), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        List<Reason> top = new ArrayList<>();
        reasons.forEach((r, n) -> top.add(new Reason(r, n)));
        top.sort(Comparator.comparingInt(Reason::takes).reversed());
        return new NightSummary(facts.size(), made, accepted, review, retake, failed, deferred, seconds, spent, budgetUsd,
                List.copyOf(top.subList(0, Math.min(TOP_REASONS, top.size()))));
    }

    /** A reason as the summary groups it: its first line, at most 160 characters. */
    static String firstLine(String text, String absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String line = text.strip().split("\n", 2)[0].strip();
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    /** The summary as text, for the e-mail and the log. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Takes made: ").append(made).append(" of ").append(takes).append('\n');
        b.append("Accepted: ").append(accepted).append(" (").append(acceptedSeconds).append(" s)\n");
        b.append("To review: ").append(toReview).append('\n');
        b.append("To retake: ").append(toRetake).append('\n');
        b.append("Failed: ").append(failed).append('\n');
        b.append("Deferred to the next night: ").append(deferred).append('\n');
        b.append("Spend: $").append(Nights.money(spentUsd).toPlainString());
        if (budgetUsd != null) {
            b.append(" of the night's $").append(Nights.money(budgetUsd).toPlainString());
        }
        b.append('\n');
        if (!reasons.isEmpty()) {
            b.append("Most frequent reasons:\n");
            reasons.forEach(r -> b.append("  ").append(r.takes()).append(" x ").append(r.reason()).append('\n'));
        }
        return b.toString();
    }
}
