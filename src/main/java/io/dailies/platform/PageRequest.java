package io.dailies.platform;

import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The part of a list a request asks for: {@code ?limit=} items (1 to {@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}) from {@code ?offset=} (0 = the first, the default). Every list of the API
 * reads its rows with it, so no list ever loads more than {@value #MAX_LIMIT} rows whatever its size.
 *
 * @param limit  how many items at most
 * @param offset how many items of the whole list come before the first one answered
 */
public record PageRequest(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset);
        }
    }

    /** The first {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, 0);
    }

    /**
     * The page the query parameters ask for, as they came (null when absent); 400 naming the parameter when
     * one is not a whole number in range.
     */
    public static PageRequest of(String limit, String offset) {
        int l = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int o = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        return new PageRequest(l, o);
    }

    /** This page of the query's rows: the database is asked for no more than {@link #limit()} of them. */
    public <T> List<T> rows(TypedQuery<T> query) {
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * How many items the whole list has, given this page's rows: a short page that is not past the end says
     * so itself; otherwise {@code count} is asked (a count query).
     */
    public long total(List<?> rows, java.util.function.LongSupplier count) {
        if (rows.size() < limit && (!rows.isEmpty() || offset == 0)) {
            return (long) offset + rows.size();
        }
        return count.getAsLong();
    }

    /** This page of a list already in memory (a short one, e.g. a project's reference images). */
    public <T> List<T> of(List<T> all) {
        if (offset >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(offset, (int) Math.min(all.size(), (long) offset + limit)));
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, name + " must be a whole number from " + min + " to " + max
                    + ", was '" + shorten(value) + "'.");
        }
        return (int) n;
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
