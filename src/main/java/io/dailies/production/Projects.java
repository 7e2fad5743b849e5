package io.dailies.production;

import io.dailies.core.Project;
import io.dailies.core.Shot;
import io.dailies.core.ShotContent;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import io.dailies.prompt.CostEstimate;
import io.dailies.prompt.VideoParameters;
import io.dailies.provider.catalog.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
     * A page of the projects, newest first, each with its active shots counted; {@code name} (exact) filters
     * when not null. Three bounded queries: the page's projects, their count, and the shot counts of those
     * projects only.
     */
    @Transactional
    public Page<ProjectView> list(PageRequest page, String name) {
        String where = name == null ? "" : " where p.name = :name";
        TypedQuery<Object[]> rows = em.createQuery("select p.id, p.name, p.budgetUsd, p.createdAt, p.updatedAt from Project p"
                + where + " order by p.id desc", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(p) from Project p" + where, Long.class);
        if (name != null) {
            rows.setParameter("name", name);
            count.setParameter("name", name);
        }
        List<Object[]> projects = page.rows(rows);
        long total = page.total(projects, count::getSingleResult);
        Map<Long, Long> shots = new HashMap<>();
        if (!projects.isEmpty()) {
            for (Object[] row : em.createQuery("select q.project.id, count(s) from Shot s join s.sequence q"
                    + " where s.omitted = false and q.project.id in :ids group by q.project.id", Object[].class)
                    .setParameter("ids", projects.stream().map(p -> (Long) p[0]).toList()).getResultList()) {
                shots.put((Long) row[0], (Long) row[1]);
            }
        }
        return new Page<>(projects.stream().map(p -> new ProjectView((Long) p[0], (String) p[1], shots.getOrDefault((Long) p[0], 0L),
                (BigDecimal) p[2], (Instant) p[3], (Instant) p[4])).toList(), total, page);
    }

    /**
     * Sets the most the project may spend (USD, zero or more; null: no limit). Runs check it before they start and
     * schedules each night; an import whose workbook names a budget in its Settings sheet sets it again.
     */
    @Transactional
    public ProjectView setBudget(long projectId, BigDecimal budgetUsd) {
        ApiProblem.require(budgetUsd == null || budgetUsd.signum() >= 0, "budgetUsd must be zero or more (USD), or null for no limit.");
        ApiProblem.require(budgetUsd == null || budgetUsd.compareTo(new BigDecimal("100000000")) < 0, "budgetUsd is implausibly large.");
        find(projectId).setBudgetUsd(budgetUsd);
        return get(projectId);
    }

    /** One project; 404 when there is none. */
    @Transactional
    public ProjectView get(long projectId) {
        Project p = find(projectId);
        long shots = em.createQuery("select count(s) from Shot s where s.sequence.project.id = :p and s.omitted = false", Long.class)
                .setParameter("p", projectId).getSingleResult();
        return new ProjectView(p.getId(), p.getName(), shots, p.getBudgetUsd(), p.getCreatedAt(), p.getUpdatedAt());
    }

    /**
     * A page of the project's shots, omitted ones too unless {@code omitted} says, in workbook order, each
     * with what one take costs; {@code sequence} (a sequence's code) filters when not null. Whatever the
     * project's size, the page's shot ids come first from a narrow sorted query, then only those shots are
     * loaded, and the filtered shots are counted.
     */
    @Transactional
    public Page<ShotView> shots(long projectId, PageRequest page, String sequence, Boolean omitted) {
        find(projectId);
        String where = " where q.project.id = :p" + (sequence == null ? "" : " and q.code = :sequence")
                + (omitted == null ? "" : " and s.omitted = :omitted");
        TypedQuery<Long> ids = em.createQuery("select s.id from Shot s join s.sequence q" + where
                + " order by q.position, s.position, s.id", Long.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from Shot s join s.sequence q" + where, Long.class);
        for (TypedQuery<Long> q : List.of(ids, count)) {
            q.setParameter("p", projectId);
            if (sequence != null) {
                q.setParameter("sequence", sequence);
            }
            if (omitted != null) {
                q.setParameter("omitted", omitted);
            }
        }
        List<Long> onPage = page.rows(ids);
        long total = page.total(onPage, count::getSingleResult);
        Map<Long, Shot> shots = new HashMap<>();
        if (!onPage.isEmpty()) {
            em.createQuery("select s from Shot s join fetch s.sequence where s.id in :ids", Shot.class).setParameter("ids", onPage)
                    .getResultList().forEach(s -> shots.put(s.getId(), s));
        }
        List<ShotView> views = new ArrayList<>(onPage.size());
        for (Long id : onPage) {
            Shot s = shots.get(id);
            if (s == null) {
                continue;
            }
            ShotContent c = s.content();
            ShotView.Estimate estimate = CostEstimate.shot(catalog, s.getCode(),
                            new VideoParameters(c.model(), c.size(), c.seconds(), null, List.of()), 1)
                    .map(line -> new ShotView.Estimate(line.sync(), line.batch())).orElse(null);
            views.add(ShotView.of(s, estimate));
        }
        return new Page<>(views, total, page);
    }

    /** What a run of the project's active shots would cost with {@code takes} takes each (1 to 100). */
    @Transactional
    public EstimateView estimate(long projectId, int takes) {
        find(projectId);
        ApiProblem.require(takes >= 1 && takes <= 100, "takes must be between 1 and 100, was " + takes + ".");
        // Only the columns a price needs, not the shots' text: a 100,000-shot project's estimate stays small.
        List<CostEstimate.Item> items = em.createQuery("select q.code, s.code, s.model, s.size, s.seconds from Shot s join s.sequence q"
                        + " where q.project.id = :projectId and s.omitted = false order by q.position, s.position, s.id", Object[].class)
                .setParameter("projectId", projectId).getResultStream()
                .map(s -> new CostEstimate.Item(s[0] + "-" + s[1],
                        new VideoParameters((String) s[2], (String) s[3], (Integer) s[4], null, List.of()), takes))
                .toList();
        return EstimateView.of(CostEstimate.of(catalog, items));
    }

    /** The project; 404 when there is none. */
    /**
     * Omits shots from the project's runs, or brings them back; 400 naming ids that are not the project's shots.
     * The count of shots whose state changed.
     */
    @Transactional
    public int omit(long projectId, java.util.List<Long> shotIds, boolean omitted) {
        find(projectId);
        java.util.List<io.dailies.core.Shot> shots = shotIds.isEmpty() ? java.util.List.of() : em.createQuery(
                "select s from Shot s where s.sequence.project.id = :p and s.id in :ids", io.dailies.core.Shot.class)
                .setParameter("p", projectId).setParameter("ids", shotIds).getResultList();
        java.util.Set<Long> found = new java.util.HashSet<>();
        shots.forEach(s -> found.add(s.getId()));
        java.util.List<Long> unknown = shotIds.stream().filter(id -> !found.contains(id)).distinct().limit(20).toList();
        ApiProblem.require(!shotIds.isEmpty(), "shots must name at least one shot id.");
        ApiProblem.require(unknown.isEmpty(), "shots: " + unknown + " " + (unknown.size() == 1 ? "is not a shot" : "are not shots")
                + " of project " + projectId + ".");
        int changed = 0;
        for (io.dailies.core.Shot shot : shots) {
            if (shot.isOmitted() != omitted) {
                shot.setOmitted(omitted);
                changed++;
            }
        }
        return changed;
    }

    @Transactional
    public Project find(long projectId) {
        Project p = em.find(Project.class, projectId);
        if (p == null) {
            throw ApiProblem.of(Response.Status.NOT_FOUND, "No project " + projectId + ".");
        }
        return p;
    }
}
