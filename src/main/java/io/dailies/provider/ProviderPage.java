package io.dailies.provider;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a provider list (files, batches) with the API's cursor: the next page starts after
 * {@link #lastId()}.
 */
public record ProviderPage<T>(List<T> data, boolean hasMore, String lastId) {

    public ProviderPage {
        data = List.copyOf(data);
    }

    /** Reads a list object {"data": [...], "has_more", "last_id"}; last_id may be null or absent. */
    static <T> ProviderPage<T> from(jakarta.json.JsonObject page, Function<jakarta.json.JsonObject, T> item) {
        jakarta.json.JsonArray data = page.getJsonArray("data");
        java.util.List<T> items = new java.util.ArrayList<>(data.size());
        for (jakarta.json.JsonValue v : data) {
            items.add(item.apply(v.asJsonObject()));
        }
        String lastId = page.containsKey("last_id") && !page.isNull("last_id") ? page.getString("last_id", null) : null;
        return new ProviderPage<>(items, page.getBoolean("has_more", false), lastId);
    }

    /**
     * Every item of a list, page after page, fetched lazily as the stream is consumed: stop early and no
     * further page is asked for. A page that ends without a usable cursor ends the stream.
     *
     * @param fetch the page after a cursor (null: the first page)
     * @param idOf  an item's id, the cursor when the provider gives no last_id
     */
    public static <T> Stream<T> stream(Function<String, ProviderPage<T>> fetch, Function<T, String> idOf) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String cursor;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    ProviderPage<T> page = fetch.apply(cursor);
                    String next = page.lastId() != null ? page.lastId()
                            : page.data().isEmpty() ? null : idOf.apply(page.data().get(page.data().size() - 1));
                    if (cursor != null && Objects.equals(next, cursor)) {
                        // The provider ignored the cursor and sent the same page again: stop rather than loop.
                        more = false;
                        break;
                    }
                    more = page.hasMore() && next != null && !page.data().isEmpty();
                    cursor = next;
                    current = page.data().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
