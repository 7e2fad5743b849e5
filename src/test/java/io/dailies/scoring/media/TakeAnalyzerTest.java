package io.dailies.scoring.media;

import io.dailies.emulator.media.Defect;
import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
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
        assertEquals(0, m.frozenFrameRatio(), "the subject keeps moving");
        assertEquals(0, m.blackFrameRatio());
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
        assertTrue(m.speechBandRatio() > 0.5, "dialogue puts energy in the speech band");
        assertFalse(m.audioSilent());
    }

    @Test
    void defectsMoveTheirOwnMeasurement() throws IOException {
        RenderSpec base = RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 12);
        assertTrue(renderAndAnalyze(base.withDefects(Defect.FLICKER)).flickerIndex() > 2.5);
        assertTrue(renderAndAnalyze(base.withDefects(Defect.SHAKE)).shakeRms() > 1.2);
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
    }

    /** Cross-check of our BS.1770 meter with FFmpeg's own ebur128 filter on the same decoded audio. */
    @Test
    void loudnessAgreesWithFfmpegsEbur128Filter() throws Exception {
        Path mp4 = dir.resolve("ebur128.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 15).withDialogue(true), mp4);
        Path report = dir.resolve("ebur128.txt");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            FFmpegFrameFilter filter = new FFmpegFrameFilter(
                    "ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.I:file=" + report,
                    grabber.getAudioChannels());
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
        List<String> lines = Files.readAllLines(report);
        String last = lines.get(lines.size() - 1);
        double ffmpeg = Double.parseDouble(last.substring(last.indexOf('=') + 1));
        assertEquals(ffmpeg, TakeAnalyzer.analyze(mp4).integratedLoudnessLufs(), 0.1);
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
