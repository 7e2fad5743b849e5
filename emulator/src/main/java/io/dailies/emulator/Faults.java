package io.dailies.emulator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Faults the emulator injects on purpose, so tests can prove a client survives what real gateways do.
 * The plan comes from {@code dailies.emulator.faults} at startup or from PUT /control/faults. The
 * HTTP-level faults (429, 5xx, slow, dropped) are applied by {@link FaultFilter}; the methods here are
 * asked by the endpoints for faults inside the provider's own logic. Every decision is repeatable: a
 * rule fires on its first {@code count} matches, or by a Random seeded with the plan's seed plus the
 * rule's index, so the same plan and the same requests give the same faults.
 */
@ApplicationScoped
public class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class.getName());
    static final long DEFAULT_CONTENT_LIFETIME_SECONDS = 3600;
    private static final long RATE_WINDOW_MS = 60_000;

    /** Why a generation or a batch line failed, in the provider's terms. */
    public record Failure(String code, String message) {
    }

    /**
     * What the fault plan does to a new generation, decided once when it is accepted and kept with it:
     * it fails ({@code failure}, content_policy), or it never finishes, its progress stopping at
     * {@code stuckAtProgress} (stuck; null otherwise). Exactly one of the two is set.
     */
    public record GenerationFault(Failure failure, Integer stuckAtProgress) {
        public GenerationFault {
            if ((failure == null) == (stuckAtProgress == null)) {
                throw new IllegalArgumentException("A generation fault either fails it or leaves it stuck");
            }
        }

        public static GenerationFault failed(Failure failure) {
            return new GenerationFault(Objects.requireNonNull(failure), null);
        }

        public static GenerationFault stuck(int progress) {
            return new GenerationFault(null, progress);
        }

        public boolean isStuck() {
            return stuckAtProgress != null;
        }
    }

    /**
     * What the filter does to one request: hold it back (before and/or after the endpoint ran), then
     * maybe replace the answer with {@code rule}'s fault. {@code rule} is null when only delays apply.
     */
    public record HttpFault(FaultPlan.Rule rule, long delayBeforeMs, long delayAfterMs) {
        static final HttpFault NONE = new HttpFault(null, 0, 0);

        /** The endpoint runs unless a "before" fault replaces it. */
        public boolean processes() {
            return rule == null || rule.phase() == FaultPlan.Phase.AFTER;
        }

        /** The endpoint's answer has to be held in memory (to be replaced, cut or delayed). */
        public boolean holdsAnswer() {
            return delayAfterMs > 0 || (rule != null && rule.phase() == FaultPlan.Phase.AFTER);
        }
    }

    @Inject
    @ConfigProperty(name = "dailies.emulator.faults")
    Optional<String> configured = Optional.empty();

    @Inject
    RequestCounters counters;

    /** The clock of the per-model rate window; tests move it. */
    LongSupplier clock = System::currentTimeMillis;

    private final Object lock = new Object();
    private FaultPlan plan = FaultPlan.NONE;
    private List<Armed> armed = List.of();
    /** Asked again about the same batch (every poll does), the answer must not change. */
    private final Map<String, Boolean> expiring = new HashMap<>();
    private final Map<String, Optional<Failure>> lines = new HashMap<>();

    /** One rule of the current plan with its own draw of chance and its tally. */
    private static final class Armed {
        final FaultPlan.Rule rule;
        final Random random;
        int fired;
        /** model_rate_limit: when each admitted create happened, per model, within the last minute. */
        final Map<String, Deque<Long>> creates = new HashMap<>();

        Armed(FaultPlan.Rule rule, long seed) {
            this.rule = rule;
            this.random = new Random(seed + rule.index());
        }
    }

    /** A broken plan in the configuration stops the deployment: a test that thinks it injects faults must not pass without them. */
    @PostConstruct
    void load() {
        FaultPlan p;
        try {
            p = FaultPlan.parse(configured.orElse(""));
        } catch (FaultPlan.Invalid e) {
            throw new IllegalStateException("dailies.emulator.faults is not a usable fault plan (" + e.param() + "): " + e.getMessage(), e);
        }
        replace(p);
        if (!p.isEmpty()) {
            LOG.info(() -> "Emulator fault plan from configuration: " + p.toJson());
        }
    }

    /** Loads the configured plan when the application starts rather than at the first request. */
    void startup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // The observer only makes the container create this bean (and run load()) now.
    }

    /** Replaces the plan; every rule's tally and Random start afresh. */
    public void replace(FaultPlan next) {
        Objects.requireNonNull(next);
        synchronized (lock) {
            List<Armed> a = new ArrayList<>();
            for (FaultPlan.Rule r : next.rules()) {
                a.add(new Armed(r, next.seed()));
            }
            plan = next;
            armed = List.copyOf(a);
            expiring.clear();
            lines.clear();
        }
    }

    public void clear() {
        replace(FaultPlan.NONE);
    }

    public FaultPlan plan() {
        synchronized (lock) {
            return plan;
        }
    }

    /** {"seed": n, "rules": [{...the rule as written..., "fired": n}]} */
    public JsonObject describe() {
        synchronized (lock) {
            JsonArrayBuilder rules = Json.createArrayBuilder();
            for (Armed a : armed) {
                rules.add(Json.createObjectBuilder(a.rule.source()).add("fired", a.fired));
            }
            return Json.createObjectBuilder().add("seed", plan.seed()).add("rules", rules).build();
        }
    }

    /** How often each rule fired since the plan was set, by rule index. */
    public int fired(int ruleIndex) {
        synchronized (lock) {
            return armed.get(ruleIndex).fired;
        }
    }

    /** The emulator's own control requests are never faulted: a test must always be able to reset. */
    static boolean isControl(String path) {
        return path.equals("/control") || path.startsWith("/control/");
    }

    /**
     * The HTTP-level fault for one request (path: after /emulator/v1). "slow" rules add up and the
     * first status/drop rule that fires ends the search; rules are tried in the plan's order.
     * {@code model} is the request body's model, or null when the body was not read or has none.
     */
    public HttpFault httpFault(String method, String path, String model) {
        if (isControl(path)) {
            return HttpFault.NONE;
        }
        synchronized (lock) {
            long before = 0;
            long after = 0;
            for (Armed a : armed) {
                FaultPlan.Rule r = a.rule;
                if (!r.matchesRequest(method, path, model) || !fires(a)) {
                    continue;
                }
                if (r.fault() == FaultPlan.Kind.SLOW) {
                    if (r.phase() == FaultPlan.Phase.AFTER) after += r.delayMs(); else before += r.delayMs();
                    continue;
                }
                return new HttpFault(r, before, after);
            }
            return before == 0 && after == 0 ? HttpFault.NONE : new HttpFault(null, before, after);
        }
    }

    /** Whether some HTTP rule that could apply to this request names a model (then the filter reads the body). */
    public boolean wantsModel(String method, String path) {
        if (isControl(path)) {
            return false;
        }
        for (Armed a : armedNow()) {
            FaultPlan.Rule r = a.rule;
            if (r.fault().http() && r.needsModel() && r.matchesRequest(method, path, r.model())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What becomes of a new generation (sync create, remix, edit, extension, or one batch line): nothing,
     * a failure by content policy (content_policy), or never finishing (stuck). The content_policy and
     * stuck rules are tried in the plan's order and the first that matches and fires decides; each call
     * is one decision (it uses up a "count" or a draw of chance), so ask once per generation and keep the
     * answer with it.
     */
    public Optional<GenerationFault> generationFault(String model, String prompt) {
        synchronized (lock) {
            for (Armed a : armed) {
                FaultPlan.Rule r = a.rule;
                if (r.fault() != FaultPlan.Kind.CONTENT_POLICY && r.fault() != FaultPlan.Kind.STUCK) {
                    continue;
                }
                if (!r.matchesModel(model) || !r.matchesPrompt(prompt) || !fires(a)) {
                    continue;
                }
                if (r.fault() == FaultPlan.Kind.STUCK) {
                    return Optional.of(GenerationFault.stuck(r.progress()));
                }
                return Optional.of(GenerationFault.failed(new Failure(or(r.code(), "moderation_blocked"), or(r.message(),
                        "Your request was blocked by our moderation system: the prompt may violate the content policy."))));
            }
            return Optional.empty();
        }
    }

    /**
     * Whether a batch line is to fail at validation/processing (goes to the error file). Each call is
     * one decision (it uses up a "count" or a draw of chance): ask once per line and keep the answer,
     * or use {@link #batchLineFailure(String, String)}, which answers the same for the same line.
     */
    public Optional<Failure> batchLineFailure(String customId) {
        synchronized (lock) {
            for (Armed a : armed) {
                FaultPlan.Rule r = a.rule;
                if (r.fault() == FaultPlan.Kind.BATCH_LINE && r.matchesCustomId(customId) && fires(a)) {
                    return Optional.of(new Failure(or(r.code(), "server_error"), or(r.message(),
                            "The server had an error while processing the request with custom_id '" + customId + "'.")));
                }
            }
            return Optional.empty();
        }
    }

    /** Like {@link #batchLineFailure(String)}, decided once per line of a batch and remembered for the plan's life. */
    public Optional<Failure> batchLineFailure(String batchId, String customId) {
        synchronized (lock) {
            String key = batchId + '\n' + customId;
            Optional<Failure> known = lines.get(key);
            if (known == null) {
                known = batchLineFailure(customId);
                lines.put(key, known);
            }
            return known;
        }
    }

    /** Whether this batch is to expire (its window closes before it finishes). Decided once per batch id. */
    public boolean batchExpires(String batchId) {
        synchronized (lock) {
            Boolean known = expiring.get(batchId);
            if (known == null) {
                known = false;
                for (Armed a : armed) {
                    if (a.rule.fault() == FaultPlan.Kind.BATCH_EXPIRED && a.rule.matchesBatchId(batchId) && fires(a)) {
                        known = true;
                        break;
                    }
                }
                expiring.put(batchId, known);
            }
            return known;
        }
    }

    /**
     * Called by the create endpoints (sync create, remix, extension, edit) before a generation is accepted:
     * throws the provider's 429 (with Retry-After) when a per-model rate limit is injected and exceeded.
     * The limit is a sliding window: more than {@code rpm} admitted creates for the model in the last
     * 60 seconds; refused creates do not count.
     */
    public void admitCreate(String model) {
        String key = Objects.toString(model, "");
        synchronized (lock) {
            long now = clock.getAsLong();
            List<Deque<Long>> windows = new ArrayList<>();
            for (Armed a : armed) {
                FaultPlan.Rule r = a.rule;
                if (r.fault() != FaultPlan.Kind.MODEL_RATE_LIMIT || !r.matchesModel(model)) {
                    continue;
                }
                Deque<Long> window = a.creates.computeIfAbsent(key, k -> new ArrayDeque<>());
                while (!window.isEmpty() && window.peekFirst() <= now - RATE_WINDOW_MS) {
                    window.pollFirst();
                }
                if (window.size() >= r.rpm()) {
                    a.fired++;
                    counters.faultFired();
                    long retryAfter = r.retryAfter() != null ? r.retryAfter()
                            : window.isEmpty() ? RATE_WINDOW_MS / 1000
                            : Math.max(1, (window.peekFirst() + RATE_WINDOW_MS - now + 999) / 1000);
                    throw rateLimited(or(r.message(), "Rate limit reached for " + key + " on requests per min (RPM): Limit "
                            + r.rpm() + ", Used " + window.size() + ", Requested 1. Please try again in " + retryAfter + "s."), retryAfter);
                }
                windows.add(window);
            }
            windows.forEach(w -> w.addLast(now));
        }
    }

    /** How long a completed video's content (and a batch's output) can be downloaded, in seconds. */
    public long contentLifetimeSeconds() {
        for (Armed a : armedNow()) {
            if (a.rule.fault() == FaultPlan.Kind.CONTENT_EXPIRED) {
                return a.rule.lifetimeSeconds();
            }
        }
        return DEFAULT_CONTENT_LIFETIME_SECONDS;
    }

    /** The provider's 429 in its envelope, with the Retry-After header a client is to honour. */
    static WebApplicationException rateLimited(String message, long retryAfterSeconds) {
        WebApplicationException e = EmulatorErrors.error(429, "requests", null, "rate_limit_exceeded", message);
        return new WebApplicationException(message, Response.fromResponse(e.getResponse())
                .header("Retry-After", Long.toString(retryAfterSeconds)).build());
    }

    /** Under the lock: whether a matching rule fires now, and if so it is tallied. */
    private boolean fires(Armed a) {
        FaultPlan.Rule r = a.rule;
        if (r.count() != null && a.fired >= r.count()) {
            return false;
        }
        if (r.probability() != null && !(a.random.nextDouble() < r.probability())) {
            return false;
        }
        a.fired++;
        counters.faultFired();
        return true;
    }

    private List<Armed> armedNow() {
        synchronized (lock) {
            return armed;
        }
    }

    private static String or(String given, String otherwise) {
        return given == null ? otherwise : given;
    }
}
