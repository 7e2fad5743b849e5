package io.dailies.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and where it sits in the whole: the API answers {@link #items()} as the JSON array
 * it always was, and says the rest in headers ({@link Paging#answer}): {@code X-Total-Count} and a
 * {@code Link} header with the {@code next} and {@code prev} pages.
 *
 * @param items   the page's items, in the list's order
 * @param total   how many items the whole list has (with the request's filters)
 * @param request the page asked for
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item turned into what the API shows. */
    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        List<R> mapped = new ArrayList<>(items.size());
        items.forEach(i -> mapped.add(view.apply(i)));
        return new Page<>(mapped, total, request);
    }

    /** Whether items come after this page. */
    public boolean hasNext() {
        return (long) request.offset() + items.size() < total && !items.isEmpty();
    }

    /**
     * The RFC 8288 {@code Link} header value of the pages beside this one, relative to the server
     * ({@code </api/...?...&offset=100&limit=100>; rel="next"}): the request's own path and query with
     * {@code offset} and {@code limit} replaced, so filters stay as they were asked. Null when there is none.
     *
     * @param path     the request's raw path, e.g. {@code /api/projects/3/shots}
     * @param rawQuery the request's raw query string, or null
     */
    public String links(String path, String rawQuery) {
        List<String> links = new ArrayList<>();
        int limit = request.limit();
        if (hasNext()) {
            links.add("<" + uri(path, rawQuery, request.offset() + limit, limit) + ">; rel=\"next\"");
        }
        if (request.offset() > 0) {
            links.add("<" + uri(path, rawQuery, Math.max(0, request.offset() - limit), limit) + ">; rel=\"prev\"");
        }
        return links.isEmpty() ? null : String.join(", ", links);
    }

    static String uri(String path, String rawQuery, long offset, int limit) {
        StringBuilder query = new StringBuilder();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String name = pair.split("=", 2)[0];
                if (pair.isEmpty() || name.equals("offset") || name.equals("limit")) {
                    continue;
                }
                query.append(query.length() == 0 ? "" : "&").append(pair);
            }
        }
        query.append(query.length() == 0 ? "" : "&").append("offset=").append(offset).append("&limit=").append(limit);
        return path + "?" + query;
    }
}
