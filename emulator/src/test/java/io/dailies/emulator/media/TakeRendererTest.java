package io.dailies.emulator.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TakeRendererTest {

    private static final List<Integer> AMBER_CREAM_WALNUT = List.of(0xFFBF00, 0xFFFDD0, 0x5C4033);

    @TempDir
    Path dir;

    /** What a decoder sees in a rendered file. */
    private record Probe(int width, int height, double fps, String videoCodec, String audioCodec,
                         int audioChannels, int sampleRate, int videoFrames, long audioSamples,
                         double lengthSeconds) {
    }

    private static Probe probe(Path mp4) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            int frames = 0;
            long samples = 0;
            Frame frame;
            while ((frame = grabber.grab()) != null) {
                if (frame.image != null) {
                    frames++;
                }
                if (frame.samples != null) {
                    // Interleaved by default: per-channel count is the buffer length over channels.
                    samples += frame.samples.length == 1
                            ? frame.samples[0].limit() / Math.max(1, grabber.getAudioChannels())
                            : frame.samples[0].limit();
                }
            }
            return new Probe(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getVideoFrameRate(),
                    grabber.getVideoCodecName(), grabber.getAudioChannels() > 0 ? grabber.getAudioCodecName() : null,
                    grabber.getAudioChannels(), grabber.getSampleRate(), frames, samples,
                    grabber.getLengthInTime() / 1e6);
        }
    }

    @Test
    void rendersH264AndAacAtTheRequestedSizeRateAndLength() throws Exception {
        Path mp4 = dir.resolve("take.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 1).withDialogue(true), mp4);

        Probe p = probe(mp4);
        assertEquals(320, p.width());
        assertEquals(180, p.height());
        assertEquals(24.0, p.fps(), 0.01);
        assertEquals("h264", p.videoCodec());
        assertEquals("aac", p.audioCodec());
        assertEquals(2, p.audioChannels());
        assertEquals(48_000, p.sampleRate());
        assertEquals(96, p.videoFrames(), 1, "4 s at 24 fps, ±1 frame");
        assertEquals(4.0, p.lengthSeconds(), 1 / 24.0);
        assertEquals(4.0, p.audioSamples() / 48_000.0, 0.05, "audio runs the length of the take");
        assertFalse(Files.list(dir).anyMatch(f -> f.getFileName().toString().contains(".part")),
                "no partial file left behind");
    }

    @Test
    void rendersOtherFrameRatesAndPortraitSizes() throws Exception {
        Path mp4 = dir.resolve("portrait.mp4");
        TakeRenderer.render(new RenderSpec(180, 320, 2, 30, List.of(0x008080), true, false, 5, Set.of()), mp4);
        Probe p = probe(mp4);
        assertEquals(180, p.width());
        assertEquals(320, p.height());
        assertEquals(30.0, p.fps(), 0.01);
        assertEquals(60, p.videoFrames(), 1);
    }

    @Test
    void withoutAudioThereIsNoAudioStream() throws Exception {
        Path mp4 = dir.resolve("mute.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 2).withAudio(false), mp4);
        Probe p = probe(mp4);
        assertEquals(0, p.audioChannels());
        assertEquals(24, p.videoFrames(), 1);
    }

    @Test
    void silentDefectKeepsTheAudioStream() throws Exception {
        Path mp4 = dir.resolve("silent.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 2).withDefects(Defect.SILENT), mp4);
        Probe p = probe(mp4);
        assertEquals("aac", p.audioCodec());
        assertEquals(2, p.audioChannels());
    }

    @Test
    void wrongDurationRendersAboutHalf() throws Exception {
        Path mp4 = dir.resolve("short.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 3).withDefects(Defect.WRONG_DURATION), mp4);
        Probe p = probe(mp4);
        assertEquals(48, p.videoFrames(), 1);
        assertEquals(2.0, p.lengthSeconds(), 1 / 24.0);
    }

    @Test
    void sameSpecAndSeedGiveTheSameFile() throws Exception {
        RenderSpec spec = RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 42).withDialogue(true);
        Path a = dir.resolve("a.mp4");
        Path b = dir.resolve("b.mp4");
        TakeRenderer.render(spec, a);
        TakeRenderer.render(spec, b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void thumbnailAndSpritesheetAreJpegsOfTheRightShape() throws Exception {
        Path mp4 = dir.resolve("stills.mp4");
        TakeRenderer.render(RenderSpec.of(640, 360, 2, AMBER_CREAM_WALNUT, 4), mp4);

        Path thumb = dir.resolve("thumb.jpg");
        TakeRenderer.thumbnail(mp4, thumb);
        BufferedImage t = ImageIO.read(thumb.toFile());
        assertNotNull(t, "readable JPEG");
        assertEquals(640, t.getWidth());
        assertEquals(360, t.getHeight());
        // The top band is amber: the thumbnail shows the picture, not a black frame.
        int rgb = t.getRGB(20, 10);
        assertTrue(((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) > 150 && (rgb & 0xFF) < 60,
                String.format("amber expected, got #%06X", rgb & 0xFFFFFF));

        Path sheet = dir.resolve("sheet.jpg");
        TakeRenderer.spritesheet(mp4, sheet, 4, 3);
        BufferedImage s = ImageIO.read(sheet.toFile());
        assertEquals(4 * 160, s.getWidth());
        assertEquals(3 * 90, s.getHeight());
    }

    @Test
    void rejectsSizesH264CannotCarry() {
        assertThrows(IllegalArgumentException.class,
                () -> RenderSpec.of(321, 180, 4, List.of(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> RenderSpec.of(320, 180, 0, List.of(), 1));
        assertEquals(24, new RenderSpec(320, 180, 1, 0, null, true, false, 1, null).fps());
    }

    @Test
    void cuesAreSortedValidatedAndKeptByTheOtherWithers() {
        RenderSpec old = new RenderSpec(320, 180, 4, 24, AMBER_CREAM_WALNUT, true, false, 1, Set.of());
        assertTrue(old.cueSeconds().isEmpty(), "the nine-argument shape still works, without cues");
        RenderSpec cued = old.withCues(3.0, 0.5);
        assertEquals(List.of(0.5, 3.0), cued.cueSeconds());
        assertEquals(List.of(0.5, 3.0), cued.withDialogue(true).withSeed(9).withDefects(Defect.LATE_CUES).cueSeconds());
        assertThrows(IllegalArgumentException.class, () -> old.withCues(-1.0));
        assertThrows(IllegalArgumentException.class, () -> old.withCues(Double.NaN));
    }

    @Test
    void judderRepeatsEverySixthFrame() throws Exception {
        Path mp4 = dir.resolve("judder.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 8).withDefects(Defect.DUPLICATED_FRAMES), mp4);
        assertEquals(24, probe(mp4).videoFrames(), 1, "same length, same frame count: only the pictures repeat");
    }

    @Test
    void offPaletteColoursAreFarFromEveryAnchor() {
        List<Integer> far = ScenePainter.farFrom(AMBER_CREAM_WALNUT);
        assertEquals(3, far.size());
        for (int colour : far) {
            for (int anchor : AMBER_CREAM_WALNUT) {
                assertTrue(LabColour.distance(colour, anchor) > 25,
                        String.format("#%06X vs #%06X", colour, anchor));
            }
        }
    }

    /** Every decoded picture of a take, as tight BGR24 arrays. */
    private static List<byte[]> frames(Path mp4) throws Exception {
        return TakeExtensionTest.decode(mp4).frames();
    }

    /** How many samples of two pictures differ by more than a codec's noise. */
    private static int changed(byte[] a, byte[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)) > 6) {
                n++;
            }
        }
        return n;
    }

    /** The longest run of frames that each look the same as the one before. */
    private static int longestStill(List<byte[]> frames) {
        int longest = 0;
        int run = 0;
        for (int i = 1; i < frames.size(); i++) {
            run = changed(frames.get(i - 1), frames.get(i)) < 10 ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Peak signal-to-noise ratio of two 8-bit pictures, in dB. */
    private static double psnr(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFF) - (b[i] & 0xFF);
            sum += d * d;
        }
        return sum == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 * a.length / sum);
    }

    private static double meanLuma(byte[] bgr) {
        double sum = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            sum += 0.114 * (bgr[i] & 0xFF) + 0.587 * (bgr[i + 1] & 0xFF) + 0.299 * (bgr[i + 2] & 0xFF);
        }
        return sum / (bgr.length / 3.0);
    }

    @Test
    void frozenFramesHoldThePictureForTheMiddleOfTheTakeWhileTheClockRuns() throws Exception {
        RenderSpec clean = RenderSpec.of(320, 180, 2, AMBER_CREAM_WALNUT, 12);
        Path cleanMp4 = dir.resolve("clean.mp4");
        Path frozenMp4 = dir.resolve("frozen.mp4");
        TakeRenderer.render(clean, cleanMp4);
        TakeRenderer.render(clean.withDefects(Defect.FROZEN_FRAMES), frozenMp4);

        List<byte[]> moving = frames(cleanMp4);
        List<byte[]> frozen = frames(frozenMp4);
        assertEquals(moving.size(), frozen.size(), "the same length: only the picture stops");
        assertTrue(longestStill(moving) <= 2, "a clean take keeps moving: " + longestStill(moving));
        int still = longestStill(frozen);
        assertTrue(still >= 0.35 * frozen.size(), "a long freeze: " + still + " of " + frozen.size() + " frames");
        int[] range = TakeRenderer.frozenFrames(frozen.size());
        assertTrue(changed(frozen.get(range[0]), frozen.get(range[1] - 1)) < 10, "the last frozen frame is the first");
        assertTrue(changed(frozen.get(range[1] - 1), frozen.get(range[1])) >= 10, "after the freeze the subject has moved on");
        assertEquals(2.0, probe(frozenMp4).audioSamples() / 48_000.0, 0.05, "the sound runs on");
    }

    @Test
    void blackFramesAreARunOfNearZeroLumaInTheMiddle() throws Exception {
        RenderSpec clean = RenderSpec.of(320, 180, 4, AMBER_CREAM_WALNUT, 13);
        Path cleanMp4 = dir.resolve("clean.mp4");
        Path blackMp4 = dir.resolve("black.mp4");
        TakeRenderer.render(clean, cleanMp4);
        TakeRenderer.render(clean.withDefects(Defect.BLACK_FRAMES), blackMp4);

        assertTrue(frames(cleanMp4).stream().allMatch(f -> meanLuma(f) > 50), "no dark frame in a clean take");
        List<byte[]> frames = frames(blackMp4);
        List<Integer> black = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (meanLuma(frames.get(i)) < 2) {
                black.add(i);
            }
        }
        int[] range = TakeRenderer.blackFrames(frames.size());
        assertEquals(range[1] - range[0], black.size(), "8 % of 96 frames: " + black);
        assertEquals(8, black.size());
        assertEquals(range[0], black.get(0));
        assertEquals(black.get(0) + black.size() - 1, black.get(black.size() - 1), "one run");
        assertTrue(black.size() > 0.05 * frames.size() && black.size() - 1 < 0.10 * (frames.size() - 1),
                "over a 5 % black-frame limit, its repeats under a 10 % frozen-frame limit");
    }

    @Test
    void blackWinsOverAFreezeAndTheFreezeHoldsItsOwnPicture() throws Exception {
        Path mp4 = dir.resolve("both.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 2, AMBER_CREAM_WALNUT, 14)
                .withDefects(Defect.FROZEN_FRAMES, Defect.BLACK_FRAMES), mp4);
        List<byte[]> frames = frames(mp4);
        int[] black = TakeRenderer.blackFrames(frames.size());
        int[] frozen = TakeRenderer.frozenFrames(frames.size());
        assertTrue(meanLuma(frames.get(black[0])) < 2, "black: " + meanLuma(frames.get(black[0])));
        assertTrue(meanLuma(frames.get(black[1])) > 50, "after the black run the frozen picture is back: " + meanLuma(frames.get(black[1])));
        assertEquals(0, changed(frames.get(frozen[0]), frames.get(black[0] - 1)), "frozen up to the black run");
        // Coded again after black, the held picture is the same picture up to the codec's noise.
        assertTrue(psnr(frames.get(frozen[0]), frames.get(black[1])) > 38, "the held picture after the black run: "
                + psnr(frames.get(frozen[0]), frames.get(black[1])) + " dB");
        assertEquals(0, changed(frames.get(black[1]), frames.get(frozen[1] - 1)), "and frozen again to the end of the stretch");
    }

    @Test
    void everyDefectHasAWireName() {
        for (Defect d : Defect.values()) {
            assertEquals(d, Defect.byName(d.wireName()).orElseThrow());
        }
        assertEquals(Defect.FROZEN_FRAMES, Defect.byName(" Frozen frames ").orElseThrow());
        assertEquals(Defect.LATE_CUES, Defect.byName("late-cues").orElseThrow());
        assertTrue(Defect.byName("wobble").isEmpty());
    }
}
