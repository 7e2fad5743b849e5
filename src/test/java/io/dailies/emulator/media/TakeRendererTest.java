package io.dailies.emulator.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
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
                assertTrue(io.dailies.scoring.media.Ciede2000.deltaERgb(colour, anchor) > 25,
                        String.format("#%06X vs #%06X", colour, anchor));
            }
        }
    }
}
