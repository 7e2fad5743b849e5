package io.dailies.shotlist;

import io.dailies.core.ShotlistImport;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** The uploaded shot lists as GET /api/shotlists lists them: a page at a time, newest first, without their issues. */
@ApplicationScoped
public class ShotlistImports {

    @PersistenceContext
    EntityManager em;

    /** A page of the imports, newest first; {@code statuses} and {@code projectId} filter when given. */
    @Transactional
    public Page<ImportSummary> page(PageRequest page, Set<ShotlistImport.Status> statuses, Long projectId) {
        String where = " where 1 = 1" + (statuses.isEmpty() ? "" : " and i.status in :statuses")
                + (projectId == null ? "" : " and i.projectId = :project");
        TypedQuery<ShotlistImport> rows = em.createQuery("select i from ShotlistImport i" + where + " order by i.id desc",
                ShotlistImport.class);
        TypedQuery<Long> count = em.createQuery("select count(i) from ShotlistImport i" + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            if (!statuses.isEmpty()) {
                q.setParameter("statuses", statuses);
            }
            if (projectId != null) {
                q.setParameter("project", projectId);
            }
        }
        List<ShotlistImport> imports = page.rows(rows);
        return new Page<>(imports, page.total(imports, count::getSingleResult), page).map(ImportSummary::of);
    }
}
