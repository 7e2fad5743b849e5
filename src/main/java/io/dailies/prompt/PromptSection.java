package io.dailies.prompt;

/**
 * The parts of a compiled prompt, in the order they are written: the five pillars (with the Characters
 * line that belongs to the first), then the dialogue block, the sound, and the physics.
 */
public enum PromptSection {
    /** Pillar 1: subject and action, with the bible's description at each character's first mention. */
    ACTION(""),
    /** Characters in the shot not described inline (referenced, speaking, or only named possessively). */
    CHARACTERS("Characters: "),
    /** Pillar 2: shot type, framing, the one move, the spine's lens and aperture, stability cues. */
    CAMERA("Camera: "),
    /** Pillar 3. */
    SETTING("Setting: "),
    /** Pillar 4: light sources and direction, then the palette anchors. */
    LIGHTING("Lighting + palette: "),
    /** Pillar 5: the look, with the spine's camera language and grade. */
    STYLE("Style: "),
    /** Spoken lines in a {@code <dialogue>} block. */
    DIALOGUE(""),
    /** The ambient bed. */
    SOUND("Sound: "),
    /** A few timed cues: "door slam at 00:02; footsteps at 00:04". */
    AUDIO_CUES("Audio cues: "),
    /** Weight, material, contact and forces. */
    PHYSICS("Physics: ");

    private final String label;

    PromptSection(String label) {
        this.label = label;
    }

    /** The label the section's line starts with ("Camera: "); "" for the action and the dialogue block. */
    public String label() {
        return label;
    }
}
