package io.dailies.emulator.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extensions stitch: the source's frames and sound first, then the same shot carrying on. */
class TakeExtensionTest {

    private static final List<Integer> AMBER_CREAM_WALNUT = List.of(0xFFBF00, 0xFFFDD0, 0x5C4033);
    /**
     * A re-encoded frame against its original: about 40 dB and more at this size. Neighbouring frames of a
     * take (the subject moved by 1/24 s): about 36 dB; half a second apart: about 23 dB.
     */
    private static final double SAME_PICTURE_DB = 38;

    @TempDir
    Path dir;

    record Decoded(List<byte[]> frames, long audioSamples, double lengthSeconds, int channels) {
    }

    static Decoded decode(Path mp4) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            List<byte[]> frames = new ArrayList<>();
            long samples = 0;
            Frame f;
            while ((f = grabber.grab()) != null) {
                if (f.image != null) {
                    byte[] pixels = new byte[w * h * 3];
                    ByteBuffer b = ((ByteBuffer) f.image[0]).duplicate();
                    for (int y = 0; y < h; y++) {
                        b.limit(y * f.imageStride + w * 3).position(y * f.imageStride);
                        b.get(pixels, y * w * 3, w * 3);
                    }
                    frames.add(pixels);
                }
                if (f.samples != null) {
                    samples += f.samples.length == 1 ? f.samples[0].limit() / Math.max(1, f.audioChannels) : f.samples[0].limit();
                }
            }
            return new Decoded(frames, samples, grabber.getLengthInTime() / 1e6, grabber.getAudioChannels());
        }
    }

    /** Peak signal-to-noise ratio of two 8-bit pictures, in dB (infinite when identical). */
    private static double psnr(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFF) - (b[i] & 0xFF);
            sum += d * d;
        }
        double mse = sum / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    @Test
    void anExtensionLastsTheSourceAndTheNewSegmentAndStartsWithTheSourcesFrames() throws Exception {
        Path source = dir.resolve("source.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 2, AMBER_CREAM_WALNUT, 7).withDialogue(true), source);
        Path extended = dir.resolve("extended.mp4");
        TakeRenderer.extend(source, RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 7), extended);

        Decoded src = decode(source);
        Decoded ext = decode(extended);
        assertEquals(48, src.frames().size(), 1);
        assertEquals(src.frames().size() + 24, ext.frames().size(), "the source's frames, then 1 s at 24 fps");
        assertEquals(3.0, ext.lengthSeconds(), 1 / 24.0 + 0.03, "2 s source + 1 s extension");
        assertEquals(2, ext.channels());
        assertEquals(3.0, ext.audioSamples() / 48_000.0, 0.06, "sound runs the whole stitched length");

        int n = src.frames().size();
        for (int i = 0; i < n; i++) {
            double db = psnr(src.frames().get(i), ext.frames().get(i));
            assertTrue(db > SAME_PICTURE_DB, "frame " + i + " of the extension is the source's: " + db + " dB");
            // In step, not shifted by a frame: frame i is nearer the source's frame i than its neighbours.
            if (i > 0) {
                assertTrue(db > psnr(src.frames().get(i - 1), ext.frames().get(i)), "frame " + i + " is not the source's " + (i - 1));
            }
            if (i < n - 1) {
                assertTrue(db > psnr(src.frames().get(i + 1), ext.frames().get(i)), "frame " + i + " is not the source's " + (i + 1));
            }
        }
        // The check can tell pictures apart: half a second later the subject has moved.
        assertTrue(psnr(src.frames().get(0), src.frames().get(12)) < SAME_PICTURE_DB,
                "frames 0 and 12 of the source differ enough to be told apart");
        assertFalse(Files.list(dir).anyMatch(f -> f.getFileName().toString().contains(".part")), "no partial file left");
    }

    @Test
    void theNewSegmentCarriesTheShotOnWhereTheSourceEnded() throws Exception {
        Path source = dir.resolve("source.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 2, AMBER_CREAM_WALNUT, 11), source);
        Path extended = dir.resolve("extended.mp4");
        TakeRenderer.extend(source, RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 11), extended);
        // The same shot rendered in one piece, 3 s long: its frame 48 is where the extension must pick up.
        Path whole = dir.resolve("whole.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 3, AMBER_CREAM_WALNUT, 11), whole);

        List<byte[]> ext = decode(extended).frames();
        List<byte[]> one = decode(whole).frames();
        for (int i : new int[] {48, 60, 71}) {
            assertTrue(psnr(ext.get(i), one.get(i)) > SAME_PICTURE_DB, "frame " + i + " continues the shot");
        }
        assertTrue(psnr(ext.get(48), one.get(0)) < SAME_PICTURE_DB, "not a restart of the shot from its first frame");
    }

    @Test
    void aSilentSourceGetsSilenceSoTheNewSoundStartsWithItsPictures() throws Exception {
        Path source = dir.resolve("mute.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 3).withAudio(false), source);
        Path extended = dir.resolve("extended.mp4");
        TakeRenderer.extend(source, RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 3), extended);
        Decoded ext = decode(extended);
        assertEquals(48, ext.frames().size(), 1);
        assertEquals(2, ext.channels());
        assertEquals(2.0, ext.audioSamples() / 48_000.0, 0.06);
    }

    @Test
    void theContinuationMustHaveTheSourcesFrameSize() throws Exception {
        Path source = dir.resolve("source.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 1, AMBER_CREAM_WALNUT, 5), source);
        assertThrows(IllegalArgumentException.class,
                () -> TakeRenderer.extend(source, RenderSpec.of(180, 320, 1, AMBER_CREAM_WALNUT, 5), dir.resolve("x.mp4")));
        assertFalse(Files.exists(dir.resolve("x.mp4")));
    }

    @Test
    void probeReadsSizeLengthAndSoundAndRefusesWhatIsNoVideo() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        TakeRenderer.render(RenderSpec.of(320, 180, 2, AMBER_CREAM_WALNUT, 9), clip);
        TakeRenderer.ClipInfo info = TakeRenderer.probe(clip);
        assertEquals(320, info.width());
        assertEquals(180, info.height());
        assertEquals(2.0, info.seconds(), 0.06);
        assertTrue(info.audio());

        Path text = dir.resolve("notes.mp4");
        Files.writeString(text, "not a video at all");
        assertThrows(java.io.IOException.class, () -> TakeRenderer.probe(text));
    }
}
