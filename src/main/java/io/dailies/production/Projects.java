package io.dailies.production;

import io.dailies.core.Project;
import io.dailies.core.Shot;
import io.dailies.core.ShotContent;
import io.dailies.platform.ApiProblem;
import io.dailies.prompt.CostEstimate;
import io.dailies.prompt.VideoParameters;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Projects as the API shows them: their active shot counts, their shots, and what a run of them would cost. */
@ApplicationScoped
public class Projects {

    @PersistenceContext
    EntityManager em;

    @Inject
    ModelCatalog catalog;

    /**
     * Every project, newest first, with its active shots counted: two queries however many projects there
     * are, the shot counts of all projects grouped by project, then the projects' own columns.
     */
    @Transactional
    public List<ProjectView> list() {
        Map<Long, Long> shots = new HashMap<>();
        for (Object[] row : em.createQuery("select q.project.id, count(s) from Shot s join s.sequence q"
                + " where s.omitted = false group by q.project.id", Object[].class).getResultList()) {
            shots.put((Long) row[0], (Long) row[1]);
        }
        return em.createQuery("select p.id, p.name, p.budgetUsd, p.createdAt, p.updatedAt from Project p order by p.id desc",
                        Object[].class).getResultStream()
                .map(p -> new ProjectView((Long) p[0], (String) p[1], shots.getOrDefault((Long) p[0], 0L),
                        (BigDecimal) p[2], (Instant) p[3], (Instant) p[4]))
                .toList();
    }

    /** One project; 404 when there is none. */
    @Transactional
    public ProjectView get(long projectId) {
        Project p = find(projectId);
        long shots = em.createQuery("select count(s) from Shot s where s.sequence.project.id = :p and s.omitted = false", Long.class)
                .setParameter("p", projectId).getSingleResult();
        return new ProjectView(p.getId(), p.getName(), shots, p.getBudgetUsd(), p.getCreatedAt(), p.getUpdatedAt());
    }

    /** The project's shots, omitted ones too, in workbook order, each with what one take costs. */
    @Transactional
    public List<ShotView> shots(long projectId) {
        find(projectId);
        return em.createNamedQuery("Shot.byProject", Shot.class).setParameter("projectId", projectId).getResultStream()
                .map(s -> {
                    ShotContent c = s.content();
                    ShotView.Estimate estimate = CostEstimate.shot(catalog, s.getCode(),
                                    new VideoParameters(c.model(), c.size(), c.seconds(), null, List.of()), 1)
                            .map(line -> new ShotView.Estimate(line.sync(), line.batch())).orElse(null);
                    return ShotView.of(s, estimate);
                })
                .toList();
    }

    /** What a run of the project's active shots would cost with {@code takes} takes each (1 to 100). */
    @Transactional
    public EstimateView estimate(long projectId, int takes) {
        find(projectId);
        ApiProblem.require(takes >= 1 && takes <= 100, "takes must be between 1 and 100, was " + takes + ".");
        List<CostEstimate.Item> items = em.createNamedQuery("Shot.activeByProject", Shot.class)
                .setParameter("projectId", projectId).getResultStream()
                .map(s -> new CostEstimate.Item(s.getSequence().getCode() + "-" + s.getCode(),
                        new VideoParameters(s.getModel(), s.getSize(), s.getSeconds(), null, List.of()), takes))
                .toList();
        return EstimateView.of(CostEstimate.of(catalog, items));
    }

    /** The project; 404 when there is none. */
    @Transactional
    public Project find(long projectId) {
        Project p = em.find(Project.class, projectId);
        if (p == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + projectId + ".");
        }
        return p;
    }
}
