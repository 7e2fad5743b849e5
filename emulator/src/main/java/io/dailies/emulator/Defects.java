package io.dailies.emulator;

import io.dailies.emulator.media.Defect;
import io.dailies.emulator.media.DefectMarker;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The defects the emulator bakes into its takes on request: the rules of a {@link DefectPlan} (from
 * {@code dailies.emulator.defects} at startup or PUT /control/defects) and the prompt's own
 * {@code [[defect: ...]]} marker ({@link DefectMarker}). Decided once, when a generation is accepted,
 * and kept with it, so a take rendered again after a restart has the same defects.
 */
@ApplicationScoped
public class Defects {

    private static final Logger LOG = Logger.getLogger(Defects.class.getName());

    @Inject
    @ConfigProperty(name = "dailies.emulator.defects")
    Optional<String> configured = Optional.empty();

    private final Object lock = new Object();
    private DefectPlan plan = DefectPlan.NONE;
    private int[] applied = new int[0];

    /** A broken plan in the configuration stops the deployment, as a broken fault plan does. */
    @PostConstruct
    void load() {
        DefectPlan p;
        try {
            p = DefectPlan.parse(configured.orElse(""));
        } catch (FaultPlan.Invalid e) {
            throw new IllegalStateException("dailies.emulator.defects is not usable defect rules (" + e.param() + "): "
                    + e.getMessage(), e);
        }
        replace(p);
        if (!p.isEmpty()) {
            LOG.info(() -> "Emulator defect rules from configuration: " + p.toJson());
        }
    }

    /** Loads the configured rules when the application starts rather than at the first request. */
    void startup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // The observer only makes the container create this bean (and run load()) now.
    }

    /** Replaces the rules; their tallies start afresh. */
    public void replace(DefectPlan next) {
        Objects.requireNonNull(next);
        synchronized (lock) {
            plan = next;
            applied = new int[next.rules().size()];
        }
    }

    public void clear() {
        replace(DefectPlan.NONE);
    }

    /** {"rules": [{...the rule as written..., "applied": n}]} */
    public JsonObject describe() {
        synchronized (lock) {
            JsonArrayBuilder rules = Json.createArrayBuilder();
            for (DefectPlan.Rule r : plan.rules()) {
                rules.add(Json.createObjectBuilder(r.source()).add("applied", applied[r.index()]));
            }
            return Json.createObjectBuilder().add("rules", rules).build();
        }
    }

    /**
     * The defects a new generation gets: every matching rule that has matches left (each is tallied),
     * plus the prompt's marker. Asked once per accepted generation.
     */
    public Set<Defect> forGeneration(String model, String prompt) {
        Set<Defect> chosen = EnumSet.noneOf(Defect.class);
        chosen.addAll(DefectMarker.parseLeniently(prompt));
        synchronized (lock) {
            for (DefectPlan.Rule r : plan.rules()) {
                if ((r.count() == null || applied[r.index()] < r.count()) && r.matches(model, prompt)) {
                    applied[r.index()]++;
                    chosen.addAll(r.defects());
                }
            }
        }
        return chosen;
    }

    /** How often each rule applied since the rules were set, by rule index. */
    public List<Integer> applied() {
        synchronized (lock) {
            List<Integer> out = new ArrayList<>();
            for (int n : applied) {
                out.add(n);
            }
            return out;
        }
    }
}
