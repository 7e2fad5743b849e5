package io.dailies.bench;

import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import io.dailies.scoring.media.AcceptanceScorer;
import io.dailies.scoring.media.AudioCue;
import io.dailies.scoring.media.AudioCues;
import io.dailies.scoring.media.CriterionScore;
import io.dailies.scoring.media.ScoringThresholds;
import io.dailies.scoring.media.TakeAnalyzer;
import io.dailies.scoring.media.TakeExpectation;
import io.dailies.scoring.media.TakeMeasurements;
import io.dailies.scoring.media.TakeScore;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast a full scoring of one take is: a 20 s 1920x1080 24 fps take with AAC stereo audio
 * (dialogue and three timed cues) is rendered once by the emulator and cached, then measured and
 * scored ({@link TakeAnalyzer#analyze} + {@link AcceptanceScorer#score}) several times in this JVM.
 * Prints each run's wall time, the median, how many times faster than real time the median is,
 * and the heap: the peak of every heap pool during the run (summed) and the collections.
 *
 * <p>Run with {@code mvn -Pbench -DskipTests test-compile exec:exec -Dbench=ScoringBenchmark
 * [-Dbench.args=RUNS]}, or {@code java -cp ... io.dailies.bench.ScoringBenchmark [RUNS] [CACHE_DIR]}.
 * Default 7 runs; the first carries the JIT warm-up and native library loading, which the median
 * leaves out. The cached take lives in {@code target/bench/} when run from the project directory,
 * else in the temp directory.
 */
public final class ScoringBenchmark {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    static final int SECONDS = 20;
    /** Bump when the emulator's output changes, so a stale cached take is not measured. */
    static final String TAKE_VERSION = "v2";
    static final String PROMPT = "A detective crosses the office and slams the door. Sound: door slam at 00:02; "
            + "footsteps at 00:04; cheer at 00:06. Palette anchors: amber, cream, walnut brown.\n"
            + "<dialogue>\nDetective: \"You're lying.\"\n</dialogue>";
    static final List<Integer> AMBER_CREAM_WALNUT = List.of(0xFFBF00, 0xFFFDD0, 0x5C4033);

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 7;
        if (args.length > 0 && !args[0].isBlank()) {
            runs = Math.max(1, Integer.parseInt(args[0].strip()));
        }
        Path cacheDir = args.length > 1 && !args[1].isBlank() ? Path.of(args[1])
                : Files.isDirectory(Path.of("target")) ? Path.of("target", "bench")
                : Path.of(System.getProperty("java.io.tmpdir"), "dailies-bench");

        List<AudioCue> cues = AudioCues.parse(PROMPT);
        RenderSpec spec = RenderSpec.of(WIDTH, HEIGHT, SECONDS, AMBER_CREAM_WALNUT, 2026)
                .withDialogue(true).withCues(AudioCues.seconds(cues));
        TakeExpectation expected = new TakeExpectation(WIDTH, HEIGHT, SECONDS, AMBER_CREAM_WALNUT, true, cues);
        Path take = cacheDir.resolve("scoring-" + WIDTH + "x" + HEIGHT + "-" + SECONDS + "s-" + TAKE_VERSION + ".mp4");

        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "ScoringBenchmark: %dx%d, %d s at %d fps, AAC stereo, dialogue + %d timed cues%n",
                WIDTH, HEIGHT, SECONDS, spec.fps(), cues.size());
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), %s %s, Java %s, max heap %d MB%n",
                rt.availableProcessors(), cpuModel(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), rt.maxMemory() >> 20);
        if (Files.isRegularFile(take)) {
            System.out.printf(Locale.ROOT, "take: %s (cached, %.1f MB)%n", take, Files.size(take) / 1e6);
        } else {
            long start = System.nanoTime();
            TakeRenderer.render(spec, take);
            System.out.printf(Locale.ROOT, "take: %s (rendered in %.1f s, %.1f MB)%n", take,
                    (System.nanoTime() - start) / 1e9, Files.size(take) / 1e6);
        }

        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        double[] seconds = new double[runs];
        long worstPeak = 0;
        for (int run = 0; run < runs; run++) {
            System.gc();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcCount = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            long gcMillis = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();

            long start = System.nanoTime();
            TakeMeasurements m = TakeAnalyzer.analyze(take);
            CriterionScore continuity = CriterionScore.notMeasured("benchmark: single shot");
            TakeScore score = AcceptanceScorer.score(m, expected, continuity, ScoringThresholds.defaults());
            seconds[run] = (System.nanoTime() - start) / 1e9;

            long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            worstPeak = Math.max(worstPeak, peak);
            long gcs = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - gcCount;
            long gcTime = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillis;
            System.out.printf(Locale.ROOT, "run %d: %.2f s  (%.1fx real time)  peak heap %d MB  GC %d (%d ms)  "
                            + "%d frames, verdict %s %s%n", run + 1, seconds[run], SECONDS / seconds[run], peak >> 20,
                    gcs, gcTime, m.frameCount(), score.verdict(), score.overall());
            if (run == 0) {
                System.out.printf(Locale.ROOT, "  measured: shake %.2f px, drift %.0f px, flicker %.2f, I %s LUFS, "
                                + "max M %s, max S %s, TP %s dBTP, onsets %s%n", m.shakeRms(), m.cameraDriftPx(),
                        m.flickerIndex(), m.integratedLoudnessLufs(), m.maxMomentaryLufs(), m.maxShortTermLufs(),
                        m.truePeakDbtp(), Arrays.toString(Arrays.copyOf(m.audioOnsetsSeconds(),
                                Math.min(6, m.audioOnsetsSeconds().length))));
                System.out.println("  audio sync: " + score.audioSync().score() + " " + score.audioSync().note());
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        System.out.printf(Locale.ROOT, "median %.2f s over %d runs (best %.2f, worst %.2f): %.1fx real time "
                        + "(%d s of video); peak heap %d MB%n", median, runs, sorted[0], sorted[runs - 1],
                SECONDS / median, SECONDS, worstPeak >> 20);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the core count is what matters
        }
        return "cpu model unknown";
    }
}
