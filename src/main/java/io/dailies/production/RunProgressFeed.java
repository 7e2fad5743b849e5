package io.dailies.production;

import io.dailies.core.Run;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A run's progress as server-sent events, for the console: each follower gets the run as {@code GET /api/runs/{id}}
 * shows it (event {@code progress}) whenever it changes, and a last one when the run ends, then the stream closes. The
 * batch job's threads write progress to the database; this reads it there at a short interval on the server, one
 * read per follower, so no browser polls and any node can serve the stream.
 */
@ApplicationScoped
public class RunProgressFeed {

    private static final Set<String> FINAL = Set.of(Run.Status.COMPLETED.name(), Run.Status.FAILED.name(), Run.Status.STOPPED.name());
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RunViews views;

    @Inject
    @ConfigProperty(name = "dailies.console.progress-interval-ms", defaultValue = "500")
    long intervalMs;

    /** Keeps proxies from closing a quiet stream: a comment line this often. */
    @Inject
    @ConfigProperty(name = "dailies.console.keep-alive-s", defaultValue = "15")
    long keepAliveSeconds;

    private final Set<ScheduledFuture<?>> followers = ConcurrentHashMap.newKeySet();

    /** Streams run {@code runId}'s progress into {@code sink} until the run ends or the client goes. */
    void follow(long runId, SseEventSink sink, Sse sse) {
        AtomicReference<String> last = new AtomicReference<>();
        AtomicLong sentAt = new AtomicLong(System.nanoTime());
        AtomicLong ids = new AtomicLong();
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        Runnable tick = () -> {
            try {
                if (sink.isClosed()) {
                    stop(self.get(), sink);
                    return;
                }
                RunView view = views.get(runId);
                String json = JSON.toJson(view);
                if (!json.equals(last.get())) {
                    last.set(json);
                    sentAt.set(System.nanoTime());
                    sink.send(sse.newEventBuilder().name("progress").id(Long.toString(ids.incrementAndGet()))
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(json).build());
                } else if (System.nanoTime() - sentAt.get() > TimeUnit.SECONDS.toNanos(keepAliveSeconds)) {
                    sentAt.set(System.nanoTime());
                    sink.send(sse.newEventBuilder().comment("still running").build());
                }
                if (FINAL.contains(view.status())) {
                    stop(self.get(), sink);
                }
            } catch (RuntimeException e) {
                // The run is gone or the database failed: the client sees the stream end and can ask GET /api/runs/{id}.
                stop(self.get(), sink);
            }
        };
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(tick, 0, intervalMs, TimeUnit.MILLISECONDS);
        self.set(future);
        followers.add(future);
    }

    private void stop(ScheduledFuture<?> future, SseEventSink sink) {
        if (future != null) {
            future.cancel(false);
            followers.remove(future);
        }
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    @PreDestroy
    void closeAll() {
        followers.forEach(f -> f.cancel(false));
    }
}
