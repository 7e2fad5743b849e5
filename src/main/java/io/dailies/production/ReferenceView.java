package io.dailies.production;

import io.dailies.core.ReferenceImage;
import java.time.Instant;

/**
 * A project's reference image as /api/projects/{id}/references answers it.
 *
 * @param name           the file name an Input reference cell is matched by (lower case)
 * @param bytes          its size
 * @param providerFileId the provider's file id once a take sent it there; null before
 */
public record ReferenceView(String name, String contentType, long bytes, String sha256, String providerFileId,
                            Instant uploadedAt) {

    static ReferenceView of(ReferenceImage r) {
        return new ReferenceView(r.getName(), r.getContentType(), r.getBytes(), r.getSha256(), r.getProviderFileId(),
                r.getUploadedAt());
    }
}
