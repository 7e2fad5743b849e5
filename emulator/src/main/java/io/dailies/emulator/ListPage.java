package io.dailies.emulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The API's cursor lists, one way for videos, files and batches: {@code limit} and {@code order}
 * checked, items after the {@code after} id, and {"object": "list", "data", "first_id", "last_id",
 * "has_more"}.
 */
final class ListPage {

    private ListPage() {
    }

    static void check(int limit, int maxLimit, String order) {
        if (limit < 1 || limit > maxLimit) {
            throw EmulatorErrors.invalid("limit", "'limit' must be between 1 and " + maxLimit + ".");
        }
        if (order != null && !order.equals("desc") && !order.equals("asc")) {
            throw EmulatorErrors.invalid("order", "'order' must be 'asc' or 'desc'.");
        }
    }

    /** The items after {@code after} in {@code newestFirst} (reversed for "asc"), one more than asked, to tell has_more. */
    static <T> List<T> after(List<T> newestFirst, String order, String after, int limit, Function<T, String> id) {
        List<T> all = newestFirst;
        if ("asc".equals(order)) {
            all = new ArrayList<>(newestFirst);
            Collections.reverse(all);
        }
        int from = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(after)) {
                    from = i + 1;
                    break;
                }
            }
        }
        return all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit + 1));
    }

    /**
     * The list object of a page fetched with {@link #after} (one item more than {@code limit}). The Files and
     * Batches references type first_id and last_id as strings: they are left out rather than null when the
     * page is empty.
     */
    static <T> String json(List<T> pagePlusOne, int limit, Function<T, String> id, Function<T, JsonObject> resource) {
        return json(pagePlusOne, limit, id, resource, false);
    }

    /** As above; with {@code nullIds} an empty page says first_id and last_id are null (the Videos reference). */
    static <T> String json(List<T> pagePlusOne, int limit, Function<T, String> id, Function<T, JsonObject> resource,
                           boolean nullIds) {
        boolean hasMore = pagePlusOne.size() > limit;
        List<T> shown = hasMore ? pagePlusOne.subList(0, limit) : pagePlusOne;
        JsonArrayBuilder data = Json.createArrayBuilder();
        shown.forEach(item -> data.add(resource.apply(item)));
        JsonObjectBuilder list = Json.createObjectBuilder().add("object", "list").add("data", data);
        if (!shown.isEmpty()) {
            list.add("first_id", id.apply(shown.get(0))).add("last_id", id.apply(shown.get(shown.size() - 1)));
        } else if (nullIds) {
            list.addNull("first_id").addNull("last_id");
        }
        return list.add("has_more", hasMore).build().toString();
    }
}
