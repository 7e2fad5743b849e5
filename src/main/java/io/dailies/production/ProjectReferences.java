package io.dailies.production;

import io.dailies.core.ReferenceImage;
import io.dailies.platform.ApiProblem;
import io.dailies.platform.Page;
import io.dailies.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The reference images a producer uploads to a project, and the ones it has. */
@ApplicationScoped
public class ProjectReferences {

    @Inject
    ReferenceImages references;

    @Inject
    Projects projects;

    @PersistenceContext
    EntityManager em;

    /**
     * Stores each multipart part named 'file' under its file name; other parts are ignored, and a request
     * with none is refused. Each image is read only up to one byte past the size limit, and committed on its
     * own ({@link ReferenceImages#store}): the images before a refused one stay stored.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<ReferenceView> upload(long projectId, List<EntityPart> parts) throws IOException {
        List<ReferenceView> stored = new ArrayList<>();
        for (EntityPart part : parts) {
            if (!"file".equals(part.getName())) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = part.getContent()) {
                bytes = in.readNBytes((int) ReferenceImages.MAX_BYTES + 1);
            }
            stored.add(ReferenceView.of(references.store(projectId, part.getFileName().orElse(""), bytes)));
        }
        ApiProblem.require(!stored.isEmpty(), "Send the images as multipart parts named 'file'.");
        return stored;
    }

    /** A page of the project's images by name; 404 when there is no such project. */
    @Transactional
    public Page<ReferenceView> of(long projectId, PageRequest page) {
        projects.find(projectId);
        List<ReferenceImage> images = page.rows(em.createNamedQuery("ReferenceImage.byProject", ReferenceImage.class)
                .setParameter("projectId", projectId));
        long total = page.total(images, () -> em.createQuery("select count(r) from ReferenceImage r where r.project.id = :p", Long.class)
                .setParameter("p", projectId).getSingleResult());
        return new Page<>(images, total, page).map(ReferenceView::of);
    }
}
