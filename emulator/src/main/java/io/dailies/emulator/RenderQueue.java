package io.dailies.emulator;

import io.dailies.emulator.media.Defect;
import io.dailies.emulator.media.DefectMarker;
import io.dailies.emulator.media.PromptCues;
import io.dailies.emulator.media.PromptPalette;
import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encodes the emulator's takes in the background. Rendering is CPU bound, so only a few run at
 * once; a take whose file is missing after a restart is simply rendered again.
 */
@ApplicationScoped
public class RenderQueue {

    private static final Logger LOG = Logger.getLogger(RenderQueue.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    EmulatorStorage storage;

    @Inject
    Emulator emulator;

    @Inject
    @ConfigProperty(name = "dailies.emulator.encoders", defaultValue = "1")
    int encoders;

    /**
     * Benchmarks: one stock file per (size, seconds, dialogue or not), rendered once and hard-linked (or
     * copied) for every take, so a run of a thousand takes measures the product's scheduling rather than
     * this encoder. Stock takes ignore the prompt's palette and cues; extensions still stitch their source,
     * and a take that is to have defects is rendered for real (a stock file has none).
     */
    @Inject
    @ConfigProperty(name = "dailies.emulator.stock-media", defaultValue = "false")
    boolean stockMedia;

    private final Set<String> rendering = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Object> stockLocks = new ConcurrentHashMap<>();
    private volatile Semaphore slots;

    public Path file(String videoId) {
        return storage.dir("videos").resolve(videoId + ".mp4");
    }

    /** Clips clients uploaded for edits and extensions. */
    public Path upload(String name) {
        return storage.dir("uploads").resolve(name);
    }

    public boolean rendered(String videoId) {
        return Files.exists(file(videoId));
    }

    /**
     * Starts rendering unless the file exists or a render is under way. A stuck generation (the fault
     * plan's "stuck") is never rendered: it is never to finish, so its encoding would be wasted.
     */
    public void ensure(EmulatedVideo video) {
        if (video.isStuck() || rendered(video.getId()) || !rendering.add(video.getId())) {
            return;
        }
        String id = video.getId();
        Work work;
        try {
            work = workFor(video);
        } catch (RuntimeException e) {
            rendering.remove(id);
            throw e;
        }
        executor.execute(() -> {
            try {
                Path target = file(id);
                Path partial = target.resolveSibling(id + ".rendering.mp4");
                work.writeTo(partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Emulator could not render " + id, e);
                emulator.fail(id, "internal_error", "The emulator could not render this video: " + e.getMessage());
            } finally {
                rendering.remove(id);
            }
        });
    }

    private interface Work {
        void writeTo(Path file) throws IOException, InterruptedException;
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Decided on the caller's thread, where the database can tell what a variant was made from. */
    private Work workFor(EmulatedVideo video) {
        List<EmulatedVideo> ancestors = video.getSourceVideoId() == null ? List.of() : emulator.lineage(video);
        RenderSpec spec = specFor(video, ancestors);
        if (video.isExtension()) {
            Path source = video.getSourceUpload() != null ? upload(video.getSourceUpload()) : file(video.getSourceVideoId());
            return file -> withSlot(() -> {
                if (!Files.exists(source)) {
                    throw new IOException("the source of the extension is gone: " + source.getFileName());
                }
                TakeRenderer.extend(source, spec, file);
            });
        }
        if (stockMedia && spec.defects().isEmpty()) {
            return file -> linkOrCopy(stock(spec), file);
        }
        return file -> withSlot(() -> TakeRenderer.render(spec, file));
    }

    /**
     * The take's look follows the prompt: its palette anchors, its size and length, dialogue or not, its
     * timed cues, and the defects asked for (those recorded when the generation was accepted, and the
     * prompt's {@code [[defect: ...]]} marker, which is never read as words of the prompt).
     * A remix, edit or extension is the same shot as the video it was made from: it keeps that video's
     * scene (seed) and, unless its own prompt names palette anchors, that video's palette; its defects are
     * its own, not its source's. Ancestors are given nearest first. An extension's spec describes the new
     * segment only, so its defects fall on that segment.
     */
    static RenderSpec specFor(EmulatedVideo video, List<EmulatedVideo> ancestors) {
        String prompt = DefectMarker.strip(video.getPrompt());
        List<Integer> palette = PromptPalette.rgb(prompt);
        for (int i = 0; palette.isEmpty() && i < ancestors.size(); i++) {
            palette = PromptPalette.rgb(DefectMarker.strip(ancestors.get(i).getPrompt()));
        }
        EmulatedVideo root = ancestors.isEmpty() ? video : ancestors.get(ancestors.size() - 1);
        boolean dialogue = prompt.contains("<dialogue>");
        // Timed cues in the prompt ("door slam at 00:02") are heard at those times.
        List<Double> cues = PromptCues.seconds(prompt);
        Set<Defect> defects = EnumSet.noneOf(Defect.class);
        defects.addAll(video.defects());
        defects.addAll(DefectMarker.parseLeniently(video.getPrompt()));
        String seconds = video.isExtension() && video.getExtensionSeconds() != null ? video.getExtensionSeconds() : video.getSeconds();
        return new RenderSpec(video.width(), video.height(), Double.parseDouble(seconds), 24, palette,
                true, dialogue, root.getId().hashCode(), defects, cues);
    }

    /** A generation from a prompt alone. */
    static RenderSpec specFor(EmulatedVideo video) {
        return specFor(video, List.of());
    }

    /** Which stock file stands in for a take: one per size, length, and dialogue or not. */
    static String stockName(RenderSpec spec) {
        return "stock-" + spec.width() + "x" + spec.height() + "-" + spec.seconds() + "s-"
                + (spec.dialogue() ? "dialogue" : "ambient") + ".mp4";
    }

    /** The stock take for this spec's size, length and dialogue, rendered by the first take that needs it. */
    private Path stock(RenderSpec spec) throws IOException, InterruptedException {
        String name = stockName(spec);
        Path stock = storage.dir("stock").resolve(name);
        synchronized (stockLocks.computeIfAbsent(name, n -> new Object())) {
            if (!Files.exists(stock)) {
                // Neutral palette, no cues, a fixed seed: the same file whatever the prompt said.
                RenderSpec neutral = new RenderSpec(spec.width(), spec.height(), spec.seconds(), spec.fps(), List.of(),
                        true, spec.dialogue(), name.hashCode(), Set.of(), List.of());
                withSlot(() -> TakeRenderer.render(neutral, stock));
            }
        }
        return stock;
    }

    /** A hard link where the file system allows it (no bytes copied), else a copy. */
    static void linkOrCopy(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void withSlot(Step body) throws IOException, InterruptedException {
        Semaphore s = slots();
        s.acquire();
        try {
            body.run();
        } finally {
            s.release();
        }
    }

    private Semaphore slots() {
        Semaphore s = slots;
        if (s == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new Semaphore(Math.max(1, encoders));
                }
                s = slots;
            }
        }
        return s;
    }
}
