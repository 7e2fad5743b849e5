package io.dailies.scoring;

import io.dailies.core.Project;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Inputs;
import io.dailies.scoring.media.ScoringThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scoring thresholds per project: the defaults, with whatever the project overrides. Overrides are
 * kept as a small JSON object on the project, so a new threshold gets its default everywhere at once.
 */
@ApplicationScoped
public class ProjectThresholds {

    @PersistenceContext
    EntityManager em;

    @Inject
    Inputs inputs;

    @Transactional
    public ScoringThresholds forProject(long projectId) {
        return apply(overrides(project(projectId)));
    }

    /** The effective thresholds, and which of them the project set itself. */
    /** The project's version, the ETag of its thresholds. */
    @Transactional
    public int version(long projectId) {
        return project(projectId).getVersion();
    }

    @Transactional
    public ThresholdsView describe(long projectId) {
        Map<String, Double> overrides = overrides(project(projectId));
        return new ThresholdsView(numbers(apply(overrides)), numbers(overrides), numbers(ScoringThresholds.defaults()));
    }

    /**
     * Replaces the project's overrides; {} goes back to the defaults. Unknown names and values that are no
     * numbers are refused naming each (the body's constraints, checked once the project is found), and so are
     * values that do not fit together.
     */
    @Transactional
    public ThresholdsView update(long projectId, ThresholdOverrides requested) {
        return update(projectId, requested, null);
    }

    /**
     * As {@link #update(long, ThresholdOverrides)}, refused with a lost update (409) when the client read the
     * project at another version than the one now stored ({@code readVersion}, from If-Match; null: no check).
     */
    @Transactional
    public ThresholdsView update(long projectId, ThresholdOverrides requested, Integer readVersion) {
        Project project = project(projectId);
        if (readVersion != null && readVersion != project.getVersion()) {
            throw new OptimisticLockException("Project " + projectId + " is at version " + project.getVersion()
                    + "; the client read version " + readVersion, null, project);
        }
        ApiProblem.require(requested != null, "Send a JSON object of thresholds, e.g. {\"passMark\": 75}; {} restores the defaults.");
        Map<String, Double> overrides = inputs.valid(requested).values();
        try {
            apply(overrides);
        } catch (IllegalArgumentException invalid) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "These thresholds do not fit together: " + invalid.getMessage() + ".");
        }
        project.setScoringOverrides(overrides.isEmpty() ? null : stored(overrides));
        return describe(projectId);
    }

    /** The defaults with the overrides applied, component by component. */
    static ScoringThresholds apply(Map<String, Double> overrides) {
        ScoringThresholds defaults = ScoringThresholds.defaults();
        RecordComponent[] components = ScoringThresholds.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                Double o = overrides.get(c.getName());
                if (o == null) {
                    values[i] = c.getAccessor().invoke(defaults);
                } else if (c.getType() == int.class) {
                    if (o != Math.rint(o)) {
                        throw new IllegalArgumentException(c.getName() + " must be a whole number");
                    }
                    values[i] = (int) Math.round(o);
                } else {
                    values[i] = o;
                }
            }
            return ScoringThresholds.class.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : ScoringThresholds.class.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private Project project(long id) {
        Project p = em.find(Project.class, id);
        if (p == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + id + ".");
        }
        return p;
    }

    private static Map<String, Double> overrides(Project p) {
        Map<String, Double> overrides = new TreeMap<>();
        if (p.getScoringOverrides() != null) {
            try (JsonReader r = Json.createReader(new StringReader(p.getScoringOverrides()))) {
                r.readObject().forEach((k, v) -> {
                    if (v instanceof JsonNumber n && names().contains(k)) {
                        overrides.put(k, n.doubleValue());
                    }
                });
            }
        }
        return overrides;
    }

    /** How the overrides are kept on the project: a JSON object of name to number. */
    private static String stored(Map<String, Double> values) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        values.forEach(o::add);
        return o.build().toString();
    }

    /** The values as the API writes them: decimals exactly as {@code BigDecimal.valueOf(double)} spells them. */
    private static Map<String, Number> numbers(Map<String, Double> values) {
        Map<String, Number> numbers = new LinkedHashMap<>();
        values.forEach((name, value) -> numbers.put(name, BigDecimal.valueOf(value)));
        return numbers;
    }

    /** Every threshold by name, in declaration order: the marks as integers, the others as decimals. */
    private static Map<String, Number> numbers(ScoringThresholds t) {
        Map<String, Number> numbers = new LinkedHashMap<>();
        try {
            for (RecordComponent c : ScoringThresholds.class.getRecordComponents()) {
                Object v = c.getAccessor().invoke(t);
                if (v instanceof Integer i) {
                    numbers.put(c.getName(), i);
                } else if (v instanceof Number n) {
                    numbers.put(c.getName(), BigDecimal.valueOf(n.doubleValue()));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return numbers;
    }
}
