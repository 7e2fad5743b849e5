package io.dailies.platform;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters of the list endpoints, read from their query parameters: a value the list does not know is
 * a 400 naming the parameter and what it may be, never an empty list that looks like "nothing matched".
 */
public final class Filters {

    private Filters() {
    }

    /**
     * Values of an enum, comma-separated ({@code ?status=FAILED,STOPPED}), case ignored; empty when the
     * parameter is absent, which filters nothing.
     */
    public static <E extends Enum<E>> Set<E> anyOf(String name, String value, Class<E> type) {
        Set<E> chosen = EnumSet.noneOf(type);
        for (String v : values(value)) {
            try {
                chosen.add(Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.of(Response.Status.BAD_REQUEST, name + " must be one or more of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + " (comma-separated), was '" + PageRequest.shorten(v) + "'.");
            }
        }
        return chosen;
    }

    /** Names from a fixed list, comma-separated, as they are spelled there (case ignored); empty when absent. */
    public static Set<String> anyOf(String name, String value, Set<String> known) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String v : values(value)) {
            String match = known.stream().filter(k -> k.equalsIgnoreCase(v)).findFirst()
                    .orElseThrow(() -> ApiProblem.of(Response.Status.BAD_REQUEST, name + " must be one or more of "
                            + String.join(", ", known) + " (comma-separated), was '" + PageRequest.shorten(v) + "'."));
            chosen.add(match);
        }
        return chosen;
    }

    /** true or false; null when absent, which filters nothing. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.of(Response.Status.BAD_REQUEST, name + " must be true or false, was '"
                    + PageRequest.shorten(value) + "'.");
        };
    }

    /** An id (a positive whole number); null when absent, which filters nothing. */
    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiProblem.of(Response.Status.BAD_REQUEST, name + " must be an id (a whole number above 0), was '"
                + PageRequest.shorten(value) + "'.");
    }

    /**
     * A list of ids, comma-separated ("12,13,20"), each as {@link #id}, at most {@link PageRequest#MAX_LIMIT} of
     * them; an empty set when absent. 400 naming the filter otherwise.
     */
    public static Set<Long> ids(String name, String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String part : value.split(",")) {
            ids.add(id(name, part));
        }
        if (ids.size() > PageRequest.MAX_LIMIT) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, name + " names at most " + PageRequest.MAX_LIMIT + " ids, was "
                    + ids.size() + ".");
        }
        return Set.copyOf(ids);
    }

    /** Free text matched exactly (e.g. a sequence's code); null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Set<String> values(String value) {
        Set<String> values = new LinkedHashSet<>();
        if (value != null) {
            for (String v : value.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
        }
        return values;
    }
}
