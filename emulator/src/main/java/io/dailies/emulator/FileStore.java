package io.dailies.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The emulated Files API's storage: metadata in {@link EmulatedFile}, bytes in
 * {@code <storage>/emulator/files/<id>}. Batches read their input and write their output through it.
 */
@ApplicationScoped
public class FileStore {

    /** The Batch API's limit for an input file, applied to every upload. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    EmulatorStorage storage;

    public String newId() {
        return Emulator.newId("file-");
    }

    public Path path(String id) {
        return storage.dir("files").resolve(id);
    }

    /**
     * Stores an upload. Returns empty when it is larger than {@link #MAX_BYTES}: then nothing is kept.
     * The bytes go to a side file first, so a half-received upload never appears under a file id.
     */
    @Transactional
    public Optional<EmulatedFile> upload(InputStream content, String filename, String purpose, Long expiresAfterSeconds) {
        String id = newId();
        Path target = path(id);
        Path partial = target.resolveSibling(id + ".uploading");
        long bytes;
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                bytes = copyAtMost(content, out, MAX_BYTES);
            }
            if (bytes > MAX_BYTES) {
                Files.deleteIfExists(partial);
                return Optional.empty();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new UncheckedIOException("Cannot store upload " + filename, e);
        }
        long now = System.currentTimeMillis();
        // The reference: batch input files expire after 30 days unless told otherwise; others are kept.
        // (Spelled out: a nested ?: of long and null would unbox the null.)
        Long expiresAt = null;
        if (expiresAfterSeconds != null) {
            expiresAt = now / 1000 + expiresAfterSeconds;
        } else if ("batch".equals(purpose)) {
            expiresAt = now / 1000 + 30L * 24 * 3600;
        }
        EmulatedFile file = new EmulatedFile(id, filename, purpose, bytes, now, expiresAt);
        em.persist(file);
        return Optional.of(file);
    }

    /** Registers bytes already written to {@link #path(String)} under that id (a batch's output and error files). */
    @Transactional
    public EmulatedFile register(String id, String filename, String purpose, Long expiresAt) {
        try {
            EmulatedFile file = new EmulatedFile(id, filename, purpose, Files.size(path(id)), System.currentTimeMillis(), expiresAt);
            em.persist(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file, unless it was deleted or has expired. */
    public Optional<EmulatedFile> find(String id) {
        EmulatedFile f = id == null ? null : em.find(EmulatedFile.class, id);
        return f == null || f.isGone(System.currentTimeMillis()) ? Optional.empty() : Optional.of(f);
    }

    public InputStream open(EmulatedFile file) throws IOException {
        return Files.newInputStream(path(file.getId()));
    }

    /** Newest first (or oldest first), after the given id (the API's cursor); one more than asked, to tell has_more. */
    public List<EmulatedFile> page(String purpose, String order, String after, int limit) {
        List<EmulatedFile> all = purpose == null
                ? em.createNamedQuery("EmulatedFile.page", EmulatedFile.class).getResultList()
                : em.createNamedQuery("EmulatedFile.pageOfPurpose", EmulatedFile.class).setParameter("purpose", purpose).getResultList();
        long now = System.currentTimeMillis();
        return ListPage.after(all.stream().filter(f -> !f.isGone(now)).toList(), order, after, limit, EmulatedFile::getId);
    }

    /** Deletes the file and its bytes; false when there is no such file (anymore). */
    @Transactional
    public boolean delete(String id) {
        EmulatedFile f = em.find(EmulatedFile.class, id);
        if (f == null || f.isGone(System.currentTimeMillis())) {
            return false;
        }
        f.delete();
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Copies at most limit + 1 bytes and returns how many it copied: more than limit means "too large". */
    static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total <= limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
