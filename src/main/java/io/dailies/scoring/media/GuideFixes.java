package io.dailies.scoring.media;

/**
 * The recommendations a failed check adds, taken from the guide's troubleshooting and
 * post-production tables so producers see the fix in the words they already know. Where no table row
 * covers a check, the guide's own advice for that pillar is used instead (timed cues: Pillar 5's
 * "provide a few precise cues"; frozen motion: Pillar 1's explicit timing), and the true-peak ceiling
 * of -1 dBTP is ours, added to the guide's audio-mix row.
 */
public final class GuideFixes {

    public static final String FLICKER =
            "Flicker: apply a deflicker filter to remove lighting pulses between frames";
    public static final String LIGHTING_JUMP =
            "Lighting jumps: specify \"same lighting\" and reuse the palette anchors";
    public static final String SHAKE =
            "Camera feels chaotic: reduce to one camera move per shot and add \"steady gimbal\", "
                    + "\"stable horizon\", \"no jitter\"; fix minor shake with a stabilizer in post";
    public static final String FROZEN =
            "Motion stalls: give the subject one clear action with explicit timing "
                    + "(e.g. \"takes four steps, pauses, then...\") and regenerate";
    public static final String BLACK =
            "Black frames: regenerate; if it persists, back up one layer at a time "
                    + "(simplify camera, then physics)";
    public static final String PALETTE =
            "Color palette shifts: name 3-5 colours explicitly (e.g. \"amber, cream, walnut brown\")";
    public static final String DURATION =
            "Wrong duration: set the seconds parameter explicitly (4, 8, 12, 16 or 20); "
                    + "it cannot be requested in prose";
    public static final String SIZE =
            "Wrong resolution: set the size parameter explicitly (e.g. 1280x720); "
                    + "it cannot be requested in prose";
    public static final String FRAME_RATE = "Export H.264 at 24-60 fps, matching the source frame rate";
    public static final String LOUDNESS = "Audio mix: normalize to -14…-16 LUFS for web";
    public static final String NO_AUDIO =
            "No usable audio: describe the sonic environment (e.g. \"the hum of espresso machines "
                    + "and the murmur of voices\") and regenerate";
    public static final String DIALOGUE =
            "Dialogue missing or drifting: put the lines in a <dialogue> block, one short sentence "
                    + "per character, with consistent speaker labels";
    public static final String DUPLICATES =
            "Repeated frames (judder): export H.264 at 24-60 fps matching the source frame rate, "
                    + "with no frame-rate conversion; if the generation itself stutters, regenerate";
    public static final String TRUE_PEAK =
            "Audio mix: normalize to -14…-16 LUFS for web and bring the peaks down (true peak at or "
                    + "below -1 dBTP) so the web encode does not clip";
    public static final String CUES =
            "Sound cues off their marks: give a few precise cues as rhythmic anchors (\"door slam at "
                    + "00:02; footsteps at 00:04; cheer at 00:06\") and avoid over-specifying";
    public static final String CONTINUITY =
            "Shots do not cut together: specify \"same lighting\", reuse the palette anchors and the "
                    + "exact character descriptions, and generate from the same Storyboard";

    private GuideFixes() {
    }
}
