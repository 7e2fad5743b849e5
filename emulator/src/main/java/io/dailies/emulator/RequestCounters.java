package io.dailies.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * What clients asked the emulator, counted per "METHOD /path/template STATUS" ("POST /videos 429",
 * "GET /videos/{id} 200"), and how many faults fired: so a test can prove a client backed off, retried
 * or polled as often as it should. Kept in memory; the created counts come from the database instead.
 */
@ApplicationScoped
public class RequestCounters {

    /** A path segment that is an id rather than a word of the API: provider ids carry '_' or '-' or digits. */
    private static final Pattern ID = Pattern.compile(".*[_\\-0-9].*");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder faultsFired = new LongAdder();

    /** Counts one answered request; outcome is the HTTP status, or e.g. "dropped" when no answer arrived. */
    public void count(String method, String path, String outcome) {
        requests.computeIfAbsent(method + " " + template(path) + " " + outcome, k -> new LongAdder()).increment();
    }

    public void faultFired() {
        faultsFired.increment();
    }

    /** A snapshot, sorted by key. */
    public Map<String, Long> requests() {
        Map<String, Long> snapshot = new TreeMap<>();
        requests.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    public long requests(String key) {
        LongAdder n = requests.get(key);
        return n == null ? 0 : n.sum();
    }

    public long faultsFired() {
        return faultsFired.sum();
    }

    /** Starts counting afresh (requests and fired faults; never the created generations). */
    public void reset() {
        requests.clear();
        faultsFired.reset();
    }

    /** "/videos/video_68d2…/content" → "/videos/{id}/content"; the query string is not part of it. */
    static String template(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int query = path.indexOf('?');
        String p = query < 0 ? path : path.substring(0, query);
        String[] segments = p.split("/", -1);
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                t.append('/');
            }
            t.append(ID.matcher(segments[i]).matches() ? "{id}" : segments[i]);
        }
        return t.toString();
    }
}
