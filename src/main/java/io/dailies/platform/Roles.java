package io.dailies.platform;

import java.util.List;
import java.util.Locale;

/**
 * The four roles of a Dailies user, each allowing what the ones before it allow: a viewer reads; a reviewer
 * also gives verdicts and notes; a producer also imports, runs, retakes and sets budgets and thresholds; an
 * admin also manages users and settings. Resources name the least role a method needs ({@code @RolesAllowed}).
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String REVIEWER = "reviewer";
    public static final String PRODUCER = "producer";
    public static final String ADMIN = "admin";

    /** From the least to the most trusted. */
    public static final List<String> ALL = List.of(VIEWER, REVIEWER, PRODUCER, ADMIN);

    private Roles() {
    }

    /** The role named, in any case, or null when it is none of {@link #ALL}. */
    public static String named(String name) {
        String role = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
        return ALL.contains(role) ? role : null;
    }

    /** A granted role and every role it implies: producer → [viewer, reviewer, producer]. */
    public static List<String> implied(String role) {
        int rank = ALL.indexOf(role);
        return rank < 0 ? List.of() : ALL.subList(0, rank + 1);
    }
}
