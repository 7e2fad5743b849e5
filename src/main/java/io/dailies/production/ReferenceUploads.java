package io.dailies.production;

import io.dailies.core.ReferenceImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The reference images' bookkeeping during a render, each step committed on its own: the provider's
 * file id is stored the moment the upload answers, so the next take naming the image reuses it and a
 * restarted run does not upload it again.
 */
@ApplicationScoped
public class ReferenceUploads {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ReferenceImage> find(long projectId, String name) {
        return em.createNamedQuery("ReferenceImage.byName", ReferenceImage.class)
                .setParameter("projectId", projectId).setParameter("name", name).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordProviderFile(long imageId, String fileId) {
        em.find(ReferenceImage.class, imageId).recordProviderFile(fileId);
    }
}
