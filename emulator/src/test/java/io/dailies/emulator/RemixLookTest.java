package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.emulator.media.RenderSpec;
import io.dailies.emulator.media.TakeRenderer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Remix keeps the source's look with the change": same scene and palette unless the remix names its own. */
class RemixLookTest {

    private static final String SOURCE_PROMPT = "A lighthouse keeper climbs four steps and lights the lamp.\n"
            + "Palette anchors: amber, navy, cream.";
    private static final List<Integer> AMBER_NAVY_CREAM = List.of(0xFFBF00, 0x000080, 0xFFFDD0);

    @TempDir
    Path dir;

    private static EmulatedVideo video(String id, String prompt, String seconds) {
        return new EmulatedVideo(id, "sora-2", prompt, "320x180", seconds, 0, 0, 0, null);
    }

    private static EmulatedVideo madeFrom(EmulatedVideo v, EmulatedVideo.Origin origin) {
        v.madeFrom(origin);
        return v;
    }

    /** Mean R, G, B over every decoded frame. */
    private static double[] meanColour(Path mp4) throws Exception {
        double[] sum = new double[3];
        long n = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            Frame f;
            while ((f = grabber.grabImage()) != null) {
                ByteBuffer b = (ByteBuffer) f.image[0];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int o = y * f.imageStride + x * 3;
                        sum[2] += b.get(o) & 0xFF;      // BGR
                        sum[1] += b.get(o + 1) & 0xFF;
                        sum[0] += b.get(o + 2) & 0xFF;
                        n++;
                    }
                }
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    private double[] rendered(RenderSpec spec, String name) throws Exception {
        Path mp4 = dir.resolve(name + ".mp4");
        TakeRenderer.render(spec, mp4);
        return meanColour(mp4);
    }

    @Test
    void aRemixWithoutPaletteAnchorsLooksLikeItsSourceAndOneWithItsOwnDoesNot() throws Exception {
        EmulatedVideo source = video("video_source", SOURCE_PROMPT, "1");
        EmulatedVideo remix = madeFrom(video("video_remix", "Same shot; the keeper now pauses before the lamp.", "1"),
                EmulatedVideo.Origin.remix(source.getId()));
        EmulatedVideo repainted = madeFrom(video("video_repainted", "Same shot. Palette anchors: teal, sand, rust.", "1"),
                EmulatedVideo.Origin.remix(source.getId()));

        RenderSpec sourceSpec = RenderQueue.specFor(source);
        RenderSpec remixSpec = RenderQueue.specFor(remix, List.of(source));
        RenderSpec repaintedSpec = RenderQueue.specFor(repainted, List.of(source));
        assertEquals(AMBER_NAVY_CREAM, sourceSpec.paletteRgb());
        assertEquals(AMBER_NAVY_CREAM, remixSpec.paletteRgb(), "the source's palette carries over");
        assertEquals(List.of(0x008080, 0xC2B280, 0xB7410E), repaintedSpec.paletteRgb(), "the remix's own anchors win");
        assertEquals(sourceSpec.seed(), remixSpec.seed(), "the same scene");
        assertEquals(sourceSpec.seed(), repaintedSpec.seed());

        double[] sourceColour = rendered(sourceSpec, "source");
        double[] remixColour = rendered(remixSpec, "remix");
        double[] repaintedColour = rendered(repaintedSpec, "repainted");
        assertTrue(distance(sourceColour, remixColour) < 3,
                "remix frames have the source's mean colour: " + distance(sourceColour, remixColour));
        assertTrue(distance(sourceColour, repaintedColour) > 30,
                "a remix naming its own palette looks different: " + distance(sourceColour, repaintedColour));

        // Without the lineage (what the emulator did before remixes kept the look), the check fails.
        RenderSpec unrelated = RenderQueue.specFor(remix);
        assertTrue(unrelated.paletteRgb().isEmpty());
        assertTrue(distance(sourceColour, rendered(unrelated, "unrelated")) > 30);
    }

    @Test
    void aRemixOfARemixGoesBackToTheFirstPaletteNamedAndTheOriginalScene() {
        EmulatedVideo source = video("video_a", SOURCE_PROMPT, "4");
        EmulatedVideo first = madeFrom(video("video_b", "Same shot, slower.", "4"), EmulatedVideo.Origin.remix("video_a"));
        EmulatedVideo second = madeFrom(video("video_c", "Same shot, at dusk.", "4"), EmulatedVideo.Origin.remix("video_b"));
        RenderSpec spec = RenderQueue.specFor(second, List.of(first, source));
        assertEquals(AMBER_NAVY_CREAM, spec.paletteRgb());
        assertEquals("video_a".hashCode(), spec.seed());

        EmulatedVideo repaintedFirst = madeFrom(video("video_b2", "Palette anchors: teal, sand, rust.", "4"),
                EmulatedVideo.Origin.remix("video_a"));
        RenderSpec nearest = RenderQueue.specFor(second, List.of(repaintedFirst, source));
        assertEquals(List.of(0x008080, 0xC2B280, 0xB7410E), nearest.paletteRgb(), "the nearest palette named wins");
    }

    @Test
    void editsKeepTheLookAndExtensionsRenderOnlyTheNewSegment() {
        EmulatedVideo source = video("video_a", SOURCE_PROMPT, "8");
        EmulatedVideo edit = madeFrom(video("video_e", "Remove the gull from the sky.", "8"),
                EmulatedVideo.Origin.edit("video_a", null));
        RenderSpec editSpec = RenderQueue.specFor(edit, List.of(source));
        assertEquals(AMBER_NAVY_CREAM, editSpec.paletteRgb());
        assertEquals(8.0, editSpec.seconds());

        EmulatedVideo extension = madeFrom(video("video_x", "The keeper walks back down. <dialogue>Keeper: 'Done.'</dialogue>", "12"),
                EmulatedVideo.Origin.extension("video_a", null, "4"));
        RenderSpec extSpec = RenderQueue.specFor(extension, List.of(source));
        assertEquals(4.0, extSpec.seconds(), "the spec is the continuation; the source's 8 s are stitched in front");
        assertEquals("video_a".hashCode(), extSpec.seed());
        assertTrue(extSpec.dialogue(), "the extension's own prompt decides its sound");
    }

    @Test
    void stockTakesAreSharedBySizeLengthAndDialogueOnly() {
        RenderSpec amber = RenderSpec.of(1280, 720, 4, AMBER_NAVY_CREAM, 1);
        RenderSpec other = RenderSpec.of(1280, 720, 4, List.of(0x008080), 99).withCues(1.0);
        assertEquals(RenderQueue.stockName(amber), RenderQueue.stockName(other), "palette, seed and cues do not matter");
        assertNotEquals(RenderQueue.stockName(amber), RenderQueue.stockName(amber.withDialogue(true)));
        assertNotEquals(RenderQueue.stockName(amber), RenderQueue.stockName(RenderSpec.of(720, 1280, 4, List.of(), 1)));
        assertNotEquals(RenderQueue.stockName(amber), RenderQueue.stockName(RenderSpec.of(1280, 720, 8, List.of(), 1)));
    }
}
