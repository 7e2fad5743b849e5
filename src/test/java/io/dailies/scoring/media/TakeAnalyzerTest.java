package io.dailies.scoring.media;

import io.dailies.emulator.media.Defect;
import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TakeAnalyzerTest {

    static final List<Integer> AMBER_CREAM_WALNUT = List.of(0xFFBF00, 0xFFFDD0, 0x5C4033);

    @TempDir
    Path dir;

    private TakeMeasurements renderAndAnalyze(RenderSpec spec) throws IOException {
        Path mp4 = dir.resolve("take-" + System.nanoTime() + ".mp4");
        TakeRenderer.render(spec, mp4);
        return TakeAnalyzer.analyze(mp4);
    }

    @Test
    void measuresACleanTake() throws IOException {
        TakeMeasurements m = renderAndAnalyze(RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 11).withDialogue(true));

        assertEquals(320, m.width());
        assertEquals(180, m.height());
        assertEquals(24.0, m.fps(), 0.01);
        assertEquals(4.0, m.durationSeconds(), 1 / 24.0);
        assertEquals("h264", m.videoCodec());
        assertEquals("aac", m.audioCodec());
        assertTrue(m.hasAudio());
        assertEquals(48_000, m.audioSampleRate());
        assertEquals(2, m.audioChannels());
        assertEquals(96, m.frameCount());
        assertEquals(96, m.meanLuma().length);
        assertTrue(m.flickerIndex() < 0.2, "flicker " + m.flickerIndex());
        assertTrue(m.maxLumaStepRatio() < 2, "step ratio " + m.maxLumaStepRatio());
        assertTrue(m.shakeRms() < 0.1, "shake " + m.shakeRms());
        assertTrue(m.cameraDriftPx() < 1, "a locked-off camera does not drift: " + m.cameraDriftPx());
        assertEquals(0, m.frozenFrameRatio(), "the subject keeps moving");
        assertEquals(0, m.duplicateFrameCount());
        assertEquals(0, m.blackFrameRatio());
        assertEquals(1, m.sampleStep(), "320x180 is analysed as it is");
        assertEquals(512, m.firstFrameHistogram().length);
        assertEquals(1.0, sum(m.lastFrameHistogram()), 1e-3);

        // The three anchors are the three heaviest dominant colours, each within a few ΔE00.
        assertTrue(m.dominantColours().size() >= 3);
        for (int anchor : AMBER_CREAM_WALNUT) {
            double best = m.dominantColours().subList(0, 3).stream()
                    .mapToDouble(c -> c.deltaE(anchor)).min().orElseThrow();
            assertTrue(best < 4, String.format("anchor #%06X nearest ΔE00 %.1f", anchor, best));
        }
        assertEquals(-15.0, m.integratedLoudnessLufs(), 0.6, "mixed to about -15 LUFS");
        assertTrue(m.samplePeakDbfs() < 0, "no clipping");
        assertTrue(m.maxMomentaryLufs() > m.integratedLoudnessLufs(), "speech peaks above its average");
        assertTrue(m.maxShortTermLufs() >= m.integratedLoudnessLufs() - 0.5);
        assertTrue(m.maxShortTermLufs() <= m.maxMomentaryLufs());
        assertTrue(m.truePeakDbtp() >= m.samplePeakDbfs() && m.truePeakDbtp() < 0, "true peak " + m.truePeakDbtp());
        assertTrue(m.speechBandRatio() > 0.5, "dialogue puts energy in the speech band");
        assertFalse(m.audioSilent());
    }

    @Test
    void defectsMoveTheirOwnMeasurement() throws IOException {
        RenderSpec base = RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 12);
        assertTrue(renderAndAnalyze(base.withDefects(Defect.FLICKER)).flickerIndex() > 2.5);
        TakeMeasurements shake = renderAndAnalyze(base.withDefects(Defect.SHAKE));
        assertTrue(shake.shakeRms() > 1.2, "shake " + shake.shakeRms());
        assertTrue(shake.flickerIndex() < 0.3, "shaking with steady light is not flicker: " + shake.flickerIndex());
        TakeMeasurements judder = renderAndAnalyze(base.withDefects(Defect.DUPLICATED_FRAMES));
        assertEquals(16, judder.duplicateFrameCount(), "every sixth of 96 frames repeats");
        assertEquals(16 / 96.0, judder.duplicateFrameRatio(), 1e-3);
        assertEquals(0, judder.frozenFrameRatio(), "isolated repeats are not a frozen picture");
        TakeMeasurements jump = renderAndAnalyze(base.withDefects(Defect.LIGHTING_JUMP));
        assertTrue(jump.maxLumaStepRatio() > 30);
        assertEquals(48, jump.maxLumaStepFrame(), 1);
        TakeMeasurements silent = renderAndAnalyze(base.withDefects(Defect.SILENT));
        assertTrue(silent.hasAudio());
        assertTrue(silent.audioSilent());
        assertNull(silent.integratedLoudnessLufs());
        assertNull(silent.samplePeakDbfs());
        assertEquals(-30.0, renderAndAnalyze(base.withDefects(Defect.QUIET)).integratedLoudnessLufs(), 0.6);
        assertEquals(2.0, renderAndAnalyze(base.withDefects(Defect.WRONG_DURATION)).durationSeconds(), 1 / 24.0);
    }

    @Test
    void ambientBedAloneStaysOutOfTheSpeechBand() throws IOException {
        TakeMeasurements m = renderAndAnalyze(RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 13));
        assertTrue(m.speechBandRatio() < 0.25, "speech band " + m.speechBandRatio());
        assertEquals(-15.0, m.integratedLoudnessLufs(), 0.6);
        assertEquals(0, m.audioOnsetsSeconds().length, "a steady bed has no onsets");
    }

    @Test
    void soundOnsetsLandOnTheCues() throws IOException {
        RenderSpec spec = RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 17).withCues(0.5, 1.75, 3.2);
        double[] onsets = renderAndAnalyze(spec).audioOnsetsSeconds();
        assertEquals(3, onsets.length, java.util.Arrays.toString(onsets));
        assertEquals(0.5, onsets[0], 0.02);
        assertEquals(1.75, onsets[1], 0.02);
        assertEquals(3.2, onsets[2], 0.02);
        double[] late = renderAndAnalyze(spec.withDefects(Defect.LATE_CUES)).audioOnsetsSeconds();
        assertEquals(1.1, late[0], 0.02, java.util.Arrays.toString(late));
        assertEquals(0, renderAndAnalyze(spec.withDefects(Defect.MISSING_CUES)).audioOnsetsSeconds().length);
    }

    /**
     * A contrasty panorama (dark left half, bright right half, textured) filmed by a camera that pans
     * 2 px a frame, steadily or with ±4 px of shake on top, under constant light. Whole-frame mean
     * luma jumps with every shake; measured on the overlap after the camera's shift it does not.
     */
    @Test
    void panningAndShakingWithSteadyLightIsNotFlicker() throws Exception {
        int w = 320;
        int h = 180;
        int frames = 96;
        int bigW = w + 2 * frames + 40;
        int bigH = h + 40;
        byte[] panorama = panorama(bigW, bigH);
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        int[] jitterX = new int[frames];
        int[] jitterY = new int[frames];
        for (int i = 0; i < frames; i++) {
            jitterX[i] = random.nextInt(-4, 5);
            jitterY[i] = random.nextInt(-4, 5);
        }
        TakeMeasurements steady = TakeAnalyzer.analyze(writePan(panorama, bigW, w, h, frames, new int[frames], new int[frames]));
        TakeMeasurements shaky = TakeAnalyzer.analyze(writePan(panorama, bigW, w, h, frames, jitterX, jitterY));

        assertTrue(steady.shakeRms() < 0.3, "a steady pan is not shake: " + steady.shakeRms());
        assertEquals(2.0 * (frames - 1), steady.cameraDriftPx(), 0.1 * 2 * (frames - 1), "the pan is drift");
        assertTrue(steady.flickerIndex() < 0.3, "flicker " + steady.flickerIndex());
        assertTrue(shaky.shakeRms() > 2, "shake " + shaky.shakeRms());
        assertTrue(shaky.flickerIndex() < 0.5, "motion-compensated flicker " + shaky.flickerIndex());
        double uncompensated = LightingMeasures.flickerIndex(shaky.meanLuma());
        assertTrue(uncompensated > 1.0 && uncompensated > 4 * shaky.flickerIndex(),
                "whole-frame luma would read as flicker: " + uncompensated + " vs " + shaky.flickerIndex());
    }

    private static byte[] panorama(int w, int h) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(6);
        double[] blobs = new double[w * h];
        for (int k = 0; k < 400; k++) {
            double cx = random.nextDouble() * w;
            double cy = random.nextDouble() * h;
            double r = 3 + 9 * random.nextDouble();
            double a = 60 * (random.nextDouble() - 0.5);
            for (int y = (int) Math.max(0, cy - 3 * r); y < Math.min(h, cy + 3 * r); y++) {
                for (int x = (int) Math.max(0, cx - 3 * r); x < Math.min(w, cx + 3 * r); x++) {
                    blobs[y * w + x] += a * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * r * r));
                }
            }
        }
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double base = x < w / 2 ? 35 : 215;
                int v = (int) Math.max(0, Math.min(255, Math.round(base + blobs[y * w + x])));
                int o = 3 * (y * w + x);
                bgr[o] = (byte) v;
                bgr[o + 1] = (byte) v;
                bgr[o + 2] = (byte) Math.min(255, v + 10);
            }
        }
        return bgr;
    }

    private Path writePan(byte[] panorama, int bigW, int w, int h, int frames, int[] jx, int[] jy) throws Exception {
        Path mp4 = dir.resolve("pan-" + System.nanoTime() + ".mp4");
        try (org.bytedeco.javacv.FFmpegFrameRecorder recorder = new org.bytedeco.javacv.FFmpegFrameRecorder(mp4.toFile(), w, h, 0);
             Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(24);
            recorder.setVideoBitrate(2_000_000);
            recorder.setVideoOption("rc_mode", "off");
            recorder.start();
            byte[] pixels = new byte[w * h * 3];
            for (int i = 0; i < frames; i++) {
                // The camera moves right 2 px a frame: the picture slides left.
                int x0 = 20 + 2 * i + jx[i];
                int y0 = 20 + jy[i];
                for (int y = 0; y < h; y++) {
                    System.arraycopy(panorama, 3 * ((y0 + y) * bigW + x0), pixels, 3 * y * w, 3 * w);
                }
                java.nio.ByteBuffer image = (java.nio.ByteBuffer) frame.image[0];
                image.clear();
                image.put(pixels);
                image.flip();
                recorder.record(frame);
            }
            recorder.stop();
        }
        return mp4;
    }

    /** The decoded audio of a take as planar floats, the way the analyzer sees it. */
    static float[][] decodeAudio(Path mp4) throws Exception {
        List<float[]> chunks0 = new java.util.ArrayList<>();
        List<float[]> chunks1 = new java.util.ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.start();
            assertEquals(2, grabber.getAudioChannels());
            Frame f;
            while ((f = grabber.grabSamples()) != null) {
                java.nio.FloatBuffer l = (java.nio.FloatBuffer) f.samples[0];
                java.nio.FloatBuffer r = (java.nio.FloatBuffer) f.samples[f.samples.length > 1 ? 1 : 0];
                boolean planar = f.samples.length > 1;
                int n = planar ? l.limit() : l.limit() / 2;
                float[] a = new float[n];
                float[] b = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = planar ? l.get(i) : l.get(2 * i);
                    b[i] = planar ? r.get(i) : l.get(2 * i + 1);
                }
                chunks0.add(a);
                chunks1.add(b);
            }
        }
        return new float[][] {concat(chunks0), concat(chunks1)};
    }

    private static float[] concat(List<float[]> chunks) {
        int n = chunks.stream().mapToInt(c -> c.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }

    /** What FFmpeg's ebur128 filter (peak=true) reports for a file's decoded audio. */
    record Ebur128(double integrated, double maxMomentary, double maxShortTerm, double truePeakDbtp) {
    }

    static Ebur128 ebur128(Path mp4, Path report) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.start();
            FFmpegFrameFilter filter = new FFmpegFrameFilter(
                    "ebur128=metadata=1:peak=true,ametadata=mode=print:file=" + report, grabber.getAudioChannels());
            filter.setSampleRate(grabber.getSampleRate());
            filter.setSampleFormat(grabber.getSampleFormat());
            filter.start();
            Frame samples;
            while ((samples = grabber.grabSamples()) != null) {
                filter.push(samples);
                while (filter.pull() != null) {
                    // drained: only the printed metadata matters
                }
            }
            filter.stop();
            filter.release();
        }
        // One block of keys per 100 ms; M and S read -120.7 until their window has filled.
        double integrated = Double.NaN;
        double momentary = -200;
        double shortTerm = -200;
        double peak = 0;
        for (String line : Files.readAllLines(report)) {
            int eq = line.indexOf('=');
            if (eq < 0 || !line.startsWith("lavfi.r128.")) {
                continue;
            }
            String key = line.substring("lavfi.r128.".length(), eq);
            double value = Double.parseDouble(line.substring(eq + 1));
            switch (key) {
                case "I" -> integrated = value;
                case "M" -> momentary = Math.max(momentary, value);
                case "S" -> shortTerm = Math.max(shortTerm, value);
                case "true_peak" -> peak = Math.max(peak, value);
                default -> {
                }
            }
        }
        return new Ebur128(integrated, momentary, shortTerm, 20 * Math.log10(peak));
    }

    /**
     * Cross-check of our BS.1770 / R 128 meter with FFmpeg's own ebur128 filter (peak=true) on the same
     * decoded audio: integrated, maximum momentary, maximum short-term and true peak, on a dialogue
     * take and on a take of sharp percussive hits (the hardest case for the momentary maximum).
     */
    @Test
    void loudnessAgreesWithFfmpegsEbur128Filter() throws Exception {
        for (RenderSpec spec : List.of(RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 15).withDialogue(true),
                RenderSpec.of(320, 180, 5, AMBER_CREAM_WALNUT, 16).withCues(0.73, 1.9, 3.37, 4.05))) {
            Path mp4 = dir.resolve("ebur128-" + spec.seed() + ".mp4");
            TakeRenderer.render(spec, mp4);
            Ebur128 ffmpeg = ebur128(mp4, dir.resolve("ebur128-" + spec.seed() + ".txt"));
            TakeMeasurements m = TakeAnalyzer.analyze(mp4);
            // The same meter updated at FFmpeg's 10 Hz, on the same decoded samples.
            LoudnessMeter.Levels tenHz = LoudnessMeter.measure(decodeAudio(mp4), 48_000, 10);
            String what = "seed " + spec.seed() + ": ffmpeg " + ffmpeg + " vs ours " + m.integratedLoudnessLufs()
                    + " / " + m.maxMomentaryLufs() + " (10 Hz " + tenHz.maxMomentaryLufs() + ") / "
                    + m.maxShortTermLufs() + " / " + m.truePeakDbtp();
            System.out.println(what);
            assertEquals(ffmpeg.integrated(), m.integratedLoudnessLufs(), 0.1, what);
            assertEquals(ffmpeg.maxShortTerm(), m.maxShortTermLufs(), 0.1, what);
            assertEquals(ffmpeg.maxMomentary(), tenHz.maxMomentaryLufs(), 0.1, what);
            assertEquals(ffmpeg.maxShortTerm(), tenHz.maxShortTermLufs(), 0.1, what);
            // Sliding in 10 ms steps sees every window the 10 Hz meter sees, and the peaks between them.
            assertTrue(m.maxMomentaryLufs() >= tenHz.maxMomentaryLufs() - 0.01, what);
            assertEquals(ffmpeg.truePeakDbtp(), m.truePeakDbtp(), 0.3, what);
            assertTrue(m.truePeakDbtp() >= m.samplePeakDbfs(), "a true peak is never below the sample peak");
        }
    }

    @Test
    void aTakeWithoutAudioHasNoAudioMeasures() throws IOException {
        TakeMeasurements m = renderAndAnalyze(RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 14).withAudio(false));
        assertFalse(m.hasAudio());
        assertNull(m.audioCodec());
        assertNull(m.integratedLoudnessLufs());
        assertNull(m.speechBandRatio());
        assertEquals(0, m.audioChannels());
    }

    @Test
    void anUnreadableFileIsAnIoError() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        assertThrows(IOException.class, () -> TakeAnalyzer.analyze(junk));
        assertThrows(IOException.class, () -> TakeAnalyzer.analyze(dir.resolve("missing.mp4")));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
