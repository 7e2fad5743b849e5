package io.dailies.emulator;

import io.dailies.Storage;
import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import io.dailies.prompt.PaletteAnchors;
import io.dailies.scoring.media.AudioCues;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    Storage storage;

    @Inject
    Emulator emulator;

    @Inject
    @ConfigProperty(name = "dailies.emulator.encoders", defaultValue = "1")
    int encoders;

    private final Set<String> rendering = ConcurrentHashMap.newKeySet();
    private volatile Semaphore slots;

    public Path file(String videoId) {
        return storage.dir("emulator").resolve(videoId + ".mp4");
    }

    public boolean rendered(String videoId) {
        return Files.exists(file(videoId));
    }

    /** Starts rendering unless the file exists or a render is under way. */
    public void ensure(EmulatedVideo video) {
        if (rendered(video.getId()) || !rendering.add(video.getId())) {
            return;
        }
        RenderSpec spec = specFor(video);
        String id = video.getId();
        executor.execute(() -> {
            Semaphore s = slots();
            try {
                s.acquire();
                try {
                    Path target = file(id);
                    Path partial = target.resolveSibling(id + ".rendering.mp4");
                    TakeRenderer.render(spec, partial);
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    s.release();
                }
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

    /** The take's look follows the prompt: its palette anchors, its size and length, dialogue or not. */
    static RenderSpec specFor(EmulatedVideo video) {
        List<Integer> palette = new ArrayList<>();
        for (String name : PaletteAnchors.parse(video.getPrompt())) {
            OptionalInt rgb = PaletteAnchors.rgb(name);
            if (rgb.isPresent()) {
                palette.add(rgb.getAsInt());
            }
        }
        boolean dialogue = video.getPrompt().contains("<dialogue>");
        // Timed cues in the prompt ("door slam at 00:02") are heard at those times.
        List<Double> cues = AudioCues.seconds(AudioCues.parse(video.getPrompt()));
        return new RenderSpec(video.width(), video.height(), Double.parseDouble(video.getSeconds()), 24, palette,
                true, dialogue, video.getId().hashCode(), EnumSet.noneOf(io.dailies.emulator.media.Defect.class), cues);
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
