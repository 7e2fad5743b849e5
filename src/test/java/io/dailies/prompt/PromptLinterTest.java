package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.provider.catalog.ModelCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule fires on a shot showing its failure mode and stays quiet once the guide's fix is applied. */
class PromptLinterTest {

    static final ModelCatalog CATALOG = ModelCatalog.load();
    static final PromptLinter LINTER = new PromptLinter(CATALOG);

    static final String REYES = "a woman in her forties with a gray wool overcoat, a loosened navy tie and a silver wristwatch";
    static final CharacterBible BIBLE = CharacterBible.of(
            new CharacterAnchor("Detective Reyes", REYES, "refs/reyes.png", List.of("Detective")),
            new CharacterAnchor("Suspect", "a young man with a buzz cut, a torn denim jacket and a bandaged left hand", "refs/suspect.png"),
            new CharacterAnchor("Waiter", "a man in a white jacket", ""));
    static final StyleSpine SPINE = new StyleSpine("35mm", "f/2.8", "classical coverage, motivated moves",
            "fine film grain, natural contrast", List.of("teal", "steel blue", "amber"), StyleSpine.GUIDE_STABILITY_CUES);

    /** A shot that follows the guide in every pillar: no finding at all. */
    static final ShotSpec BASE = ShotSpec.builder().sequence("Interrogation").shotCode("SC2-03")
            .subjectAction("Detective Reyes leans across the steel table in the first two seconds, taps the photo twice, "
                    + "and in the final second straightens up.")
            .cameraMovement("Medium close-up, eye level; slow dolly-in")
            .settingTime("A police interrogation room at 2 a.m.")
            .lightingPalette("Single hard overhead lamp from above, cool edges")
            .dialogue("Detective: 'You're lying.'\nSuspect: 'Or maybe I'm tired.'")
            .sound("Fluorescent hum").audioCues("chair creak at 00:03")
            .characters("Detective Reyes")
            .model("sora-2").size("1280x720").seconds(4)
            .build();

    /** One rule: a shot that shows the failure (and its spine), and the same shot fixed. */
    record Case(String rule, UnaryOperator<ShotSpec.Builder> bad, StyleSpine badSpine,
                UnaryOperator<ShotSpec.Builder> good, StyleSpine goodSpine) {
        Case(String rule, UnaryOperator<ShotSpec.Builder> bad, UnaryOperator<ShotSpec.Builder> good) {
            this(rule, bad, SPINE, good, SPINE);
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static final String LONG_ACTION = "Detective Reyes stands, walks to the window, opens the blinds, looks out, turns back, "
            + "sits down, and lights a cigarette in the final second.";

    static final List<Case> CASES = List.of(
            new Case("ACTION-MISSING", b -> b.subjectAction(""), b -> b),
            new Case("ACTION-VAGUE", b -> b.subjectAction("Actor walks across the room."),
                    b -> b.subjectAction("Actor takes four steps to the window, pauses, and pulls the curtain in the final second.")),
            new Case("ACTION-TOO-MANY", b -> b.subjectAction(LONG_ACTION), b -> b.subjectAction(LONG_ACTION).seconds(8)),
            new Case("DIALOGUE-IN-PROSE",
                    b -> b.subjectAction("Detective Reyes leans in during the first second and says 'You're lying.'"),
                    b -> b.subjectAction("Detective Reyes leans in during the first second and speaks.")),
            new Case("CHARACTER-MISMATCH",
                    b -> b.subjectAction("Detective Reyes, a woman in a red raincoat, leans in during the first second."),
                    b -> b.subjectAction("Detective Reyes, " + REYES + ", leans in during the first second.")),
            new Case("CHARACTER-UNKNOWN", b -> b.characters("Inspector Morse"), b -> b.characters("Detective Reyes")),
            new Case("CHARACTER-NO-REFERENCE", b -> b.characters("Waiter"), b -> b.characters("Suspect")),
            new Case("CHARACTER-THIN",
                    b -> b.subjectAction("The waiter sets down two coffees in the first second and leaves in the final second."),
                    b -> b.subjectAction("The suspect sets down two coffees in the first second and leaves in the final second.")),
            new Case("CAMERA-VAGUE", b -> b.cameraMovement("cinematic look"), b -> b.cameraMovement("Wide shot, low angle")),
            new Case("CAMERA-MULTIPLE-MOVES", b -> b.cameraMovement("Medium shot; slow dolly-in, then pan left to the window and tilt up"),
                    b -> b.cameraMovement("Medium shot; slow dolly-in")),
            new Case("CAMERA-UNSTABLE", b -> b, SPINE.with(SpineField.STABILITY, ""),
                    b -> b.cameraMovement("Medium shot; slow dolly-in; steady gimbal, no jitter"), SPINE.with(SpineField.STABILITY, "")),
            new Case("SETTING-NO-TIME", b -> b.settingTime("A police interrogation room"),
                    b -> b.settingTime("A police interrogation room at night")),
            new Case("LIGHTING-NO-SOURCE", b -> b.lightingPalette("brightly lit room"),
                    b -> b.lightingPalette("soft window light with warm lamp fill, cool rim from hallway")),
            new Case("PALETTE-ANCHORS", b -> b.lightingPalette("Overhead lamp from above; Palette anchors: teal, amber"),
                    SPINE.with(SpineField.PALETTE, ""),
                    b -> b.lightingPalette("Overhead lamp from above; Palette anchors: teal, amber, walnut brown"),
                    SPINE.with(SpineField.PALETTE, "")),
            new Case("PILLAR-MISSING", b -> b.settingTime(""), b -> b),
            new Case("STYLE-VAGUE", b -> b.styleTechnical("cinematic, beautiful, epic"), StyleSpine.EMPTY,
                    b -> b.styleTechnical("35mm lens at f/2.8, fine film grain"), StyleSpine.EMPTY),
            new Case("STYLE-DEVIATION", b -> b.cameraMovement("Medium close-up on an 85mm lens; slow dolly-in"),
                    b -> b.cameraMovement("Medium close-up on an 85mm lens; slow dolly-in").overrides("lens: 85mm")),
            new Case("PARAMETERS-IN-PROSE", b -> b.styleTechnical("shot in 4K at 1920x1080"), b -> b.styleTechnical("shot on 35mm film")),
            new Case("PHYSICS-MISSING-CUES", b -> b.subjectAction("A ball bounces in the first second and rolls away in the final second."),
                    b -> b.subjectAction("A ball bounces in the first second and rolls away in the final second.")
                            .physics("Rubber basketball against a glass backboard, momentum-conserving rebound, realistic friction")),
            new Case("CONTINUITY-OBJECTS",
                    b -> b.subjectAction("Detective Reyes slides the photo across the table in the first second and taps it twice."),
                    b -> b.subjectAction("Detective Reyes slides the photo across the table in the first second and taps it twice.")
                            .physics("Glossy paper photo on brushed steel, object permanence maintained")),
            new Case("DIALOGUE-TOO-LONG",
                    b -> b.dialogue("Detective: 'I know you were there that night, I know you took the money, and I know who helped you.'"),
                    b -> b.dialogue("Detective: 'You were there that night.'")),
            new Case("DIALOGUE-SENTENCES", b -> b.dialogue("Detective: 'You're lying. I know it. Everyone does.'"),
                    b -> b.dialogue("Detective: 'You're lying. I know it.'")),
            new Case("DIALOGUE-UNLABELLED", b -> b.dialogue("You're lying."), b -> b.dialogue("Detective: 'You're lying.'")),
            new Case("DIALOGUE-SPEAKER-UNKNOWN", b -> b.dialogue("Cop: 'You're lying.'"), b -> b.dialogue("Detective: 'You're lying.'")),
            new Case("AUDIO-CUE-TIMING", b -> b.audioCues("door slam; footsteps at 00:06"), b -> b.audioCues("door slam at 00:02; footsteps at 00:03")),
            new Case("AUDIO-CUES-TOO-MANY", b -> b.audioCues("knock at 00:01; creak at 00:01; slam at 00:02; cheer at 00:03"),
                    b -> b.audioCues("knock at 00:01; slam at 00:02; cheer at 00:03")),
            new Case("MODEL-UNKNOWN", b -> b.model("sora-3"), b -> b.model("sora-2-pro")),
            new Case("SIZE-UNSUPPORTED", b -> b.size("1920x1080"), b -> b.model("sora-2-pro").size("1920x1080")),
            new Case("DURATION-UNSUPPORTED", b -> b.seconds(6), b -> b.seconds(8)),
            new Case("CHARACTER-REFS-TOO-MANY", b -> b.characters("Detective Reyes", "Suspect", "Waiter"),
                    b -> b.characters("Detective Reyes", "Suspect")),
            new Case("PROMPT-TOO-LONG", b -> b.physics("Heavy oak door. ".repeat(2000)), b -> b.physics("Heavy oak door.")));

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @Test
    void theBaseShotIsClean() {
        LintReport r = LINTER.lint(BASE, SPINE, BIBLE);
        assertTrue(r.isClean(), r.findings()::toString);
        assertFalse(r.blocksSubmission());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFiresOnItsFailureMode(Case c) {
        LintReport r = LINTER.lint(c.bad().apply(BASE.toBuilder()).build(), c.badSpine(), BIBLE);
        assertTrue(r.has(c.rule()), c.rule() + " should fire: " + r.findings());
        LintRule rule = PromptLinter.rule(c.rule()).orElseThrow();
        for (LintFinding f : r.findings()) {
            if (f.ruleId().equals(c.rule())) {
                assertEquals(rule.severity(), f.severity());
                assertFalse(f.message().isBlank());
                assertFalse(f.fix().isBlank());
            }
        }
        assertEquals(rule.severity() == Severity.ERROR, r.blocksSubmission() && r.errors().stream().anyMatch(f -> f.ruleId().equals(c.rule())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleIsQuietOnceFixed(Case c) {
        LintReport r = LINTER.lint(c.good().apply(BASE.toBuilder()).build(), c.goodSpine(), BIBLE);
        assertFalse(r.has(c.rule()), c.rule() + " should not fire: " + r.findings());
    }

    @Test
    void everyRuleHasAPositiveAndANegativeCase() {
        Set<String> tested = new HashSet<>();
        CASES.forEach(c -> tested.add(c.rule()));
        List<String> untested = PromptLinter.RULES.stream().map(LintRule::id).filter(id -> !tested.contains(id)).toList();
        assertEquals(List.of(), untested);
        assertEquals(PromptLinter.RULES.size(), CASES.size(), "one case per rule");
    }

    @Test
    void rulesHaveUniqueIdsASeverityAndWordsForTheProducer() {
        Set<String> ids = new HashSet<>();
        for (LintRule r : PromptLinter.RULES) {
            assertTrue(r.id().matches("[A-Z]+(-[A-Z]+)+"), r.id());
            assertTrue(ids.add(r.id()), "duplicate " + r.id());
            assertFalse(r.catches().isBlank() || r.fix().isBlank(), r.id());
        }
    }

    @Test
    void everyFailureModeOfTheGuidesTablesHasARule() {
        Map<String, List<String>> modes = new LinkedHashMap<>();
        // the five pillars
        modes.put("Characters morph, actions are vague", List.of("ACTION-MISSING", "ACTION-VAGUE", "CHARACTER-MISMATCH"));
        modes.put("Random angles, shaky footage", List.of("CAMERA-VAGUE", "CAMERA-UNSTABLE"));
        modes.put("Backgrounds shift between shots", List.of("SETTING-NO-TIME", "PILLAR-MISSING"));
        modes.put("Inconsistent mood and exposure", List.of("LIGHTING-NO-SOURCE", "PALETTE-ANCHORS"));
        modes.put("Generic AI look without character", List.of("STYLE-VAGUE", "PILLAR-MISSING"));
        // troubleshooting
        modes.put("Character appearance changes between shots", List.of("CHARACTER-MISMATCH", "CHARACTER-NO-REFERENCE", "CHARACTER-THIN"));
        modes.put("Lighting jumps between cuts", List.of("LIGHTING-NO-SOURCE", "STYLE-DEVIATION"));
        modes.put("Camera feels chaotic", List.of("CAMERA-MULTIPLE-MOVES", "CAMERA-UNSTABLE"));
        modes.put("Physics look wrong", List.of("PHYSICS-MISSING-CUES"));
        modes.put("Lip-sync drifts", List.of("DIALOGUE-TOO-LONG", "DIALOGUE-SENTENCES", "DIALOGUE-IN-PROSE"));
        modes.put("Objects teleport across cuts", List.of("CONTINUITY-OBJECTS"));
        modes.put("Color palette shifts", List.of("PALETTE-ANCHORS", "STYLE-DEVIATION"));
        modes.forEach((mode, ids) -> ids.forEach(id -> assertTrue(PromptLinter.rule(id).isPresent(), mode + ": " + id)));
    }

    @Test
    void theGuidesWeakPromptsWarnAndItsStrongOnesPass() {
        ShotSpec weak = ShotSpec.builder().subjectAction("Actor walks across the room.").cameraMovement("Camera shot: cinematic look")
                .settingTime("A living room").lightingPalette("brightly lit room").physics("").build();
        LintReport w = LINTER.lint(weak, StyleSpine.EMPTY, CharacterBible.EMPTY);
        for (String id : List.of("ACTION-VAGUE", "CAMERA-VAGUE", "LIGHTING-NO-SOURCE", "PALETTE-ANCHORS", "SETTING-NO-TIME", "PILLAR-MISSING")) {
            assertTrue(w.has(id), id + " in " + w.findings());
        }
        assertFalse(w.blocksSubmission(), "advice only: " + w.errors());
        assertTrue(LINTER.lint(ShotSpec.builder().subjectAction("A ball bounces.").build(), SPINE, BIBLE).has("PHYSICS-MISSING-CUES"));

        ShotSpec strong = ShotSpec.builder()
                .subjectAction("Actor takes four steps to the window, pauses, and pulls the curtain in the final second.")
                .cameraMovement("Wide shot, low angle; slow dolly-in from left; steady gimbal, stable horizon, no jitter. "
                        + "Depth of field: shallow (sharp on subject, blurred background)")
                .settingTime("A narrow city apartment at dusk")
                .lightingPalette("Soft window light with warm lamp fill, cool rim from hallway. Palette anchors: amber, cream, walnut brown")
                .styleTechnical("35mm lens at f/2.8, fine film grain, natural contrast")
                .sound("The hum of espresso machines and the murmur of voices form the background")
                .audioCues("door slam at 00:02; footsteps at 00:03")
                .build();
        LintReport s = LINTER.lint(strong, StyleSpine.EMPTY, CharacterBible.EMPTY);
        assertTrue(s.isClean(), s.findings()::toString);
        ShotSpec ball = ShotSpec.builder().subjectAction("A basketball bounces off the backboard in the first second and drops through the hoop in the final second.")
                .physics("Rubber basketball against a glass backboard, momentum-conserving rebound, realistic friction on the rim, "
                        + "slight backspin, two-beat pause before impact").build();
        assertFalse(LINTER.lint(ball, SPINE, BIBLE).has("PHYSICS-MISSING-CUES"));
    }

    @Test
    void findingsComeInRuleOrderAndErrorsBlock() {
        ShotSpec s = BASE.toBuilder().cameraMovement("Medium shot; dolly-in then zoom in").size("1920x1080")
                .settingTime("A room").build();
        LintReport r = LINTER.lint(s, SPINE, BIBLE);
        List<String> order = new ArrayList<>(PromptLinter.RULES.stream().map(LintRule::id).toList());
        order.retainAll(r.ruleIds());
        assertEquals(order, r.ruleIds());
        assertEquals(List.of("CAMERA-MULTIPLE-MOVES", "SIZE-UNSUPPORTED"), r.errors().stream().map(LintFinding::ruleId).toList());
        assertEquals(List.of("SETTING-NO-TIME"), r.warnings().stream().map(LintFinding::ruleId).toList());
        assertTrue(r.blocksSubmission());
        assertEquals("Interrogation-SC2-03", r.shot());
    }

    @Test
    void messagesNameWhatIsWrongInTheProducersWords() {
        LintReport r = LINTER.lint(BASE.toBuilder().cameraMovement("Medium shot; slow dolly-in, then whip pan to the door").build(), SPINE, BIBLE);
        LintFinding f = r.findings().stream().filter(x -> x.ruleId().equals("CAMERA-MULTIPLE-MOVES")).findFirst().orElseThrow();
        assertEquals("The camera makes 2 moves (dolly, pan): each shot should have one clear camera move; more invites failure.", f.message());
        assertEquals("Keep only the dolly (e.g. 'slow dolly'), add 'steady gimbal, stable horizon, no jitter', and shoot the pan as another shot.", f.fix());
        assertEquals(PromptSection.CAMERA, f.section());

        LintReport d = LINTER.lint(BASE.toBuilder().cameraMovement("Medium close-up on an 85mm lens; slow dolly-in").build(), SPINE, BIBLE);
        LintFinding dev = d.findings().get(0);
        assertEquals("STYLE-DEVIATION", dev.ruleId());
        assertEquals("The row asks for a 85mm lens but the style spine's lens is 35mm and Overrides does not change it: "
                + "the prompt uses 35mm so the cut stays continuous.", dev.message());
        assertEquals("If this shot needs 85mm, write 'lens: 85mm' in Overrides; otherwise take it out of the text.", dev.fix());
    }

    @Test
    void negatedAndSupportWordsAreNotCameraMoves() {
        assertEquals(List.of(), ShotCues.moves("Locked tripod camera, no movement, no pan, no zoom"));
        assertEquals(List.of("dolly"), ShotCues.moves("Slow dolly-in on a dolly track, follow-focus on the ball"));
        assertEquals(List.of("tracking"), ShotCues.moves("Wide shot, tracking left to right with the chef; copper pans hanging"));
        assertEquals(List.of("pan"), ShotCues.moves("slow pan from right to left following her to the door"));
        assertEquals(List.of(), ShotCues.moves("Close-up of the pan on the stove, dutch tilt"));
        assertEquals(List.of("crane", "zoom"), ShotCues.moves("crane-up, then a crash zoom"));
    }

    @Test
    void audioCueTimesAreReadAsClockOrSeconds() {
        assertEquals(java.util.Optional.of(2.0), ShotCues.cueTime("door slam at 00:02"));
        assertEquals(java.util.Optional.of(2.5), ShotCues.cueTime("door slam at 0:02.5"));
        assertEquals(java.util.Optional.of(3.0), ShotCues.cueTime("footsteps at 3 seconds"));
        assertEquals(java.util.Optional.of(1.5), ShotCues.cueTime("clink @ 1.5s"));
        assertEquals(java.util.Optional.empty(), ShotCues.cueTime("door slam at f/2.8"));
        assertEquals(java.util.Optional.empty(), ShotCues.cueTime("door slam"));
    }

    @Test
    void aPhraseAfterANameIsAMismatchOnlyWhenItDescribesThePerson() {
        for (String ok : List.of("Detective Reyes, a moment later, sits down in the final second.",
                "Detective Reyes, an hour into the interview, sits down in the final second.")) {
            assertFalse(LINTER.lint(BASE.toBuilder().subjectAction(ok).build(), SPINE, BIBLE).has("CHARACTER-MISMATCH"), ok);
        }
        for (String bad : List.of("Detective Reyes, a tall woman in a red raincoat, sits down in the final second.",
                "Detective Reyes wearing a red raincoat sits down in the final second.",
                "Detective Reyes (an older woman with short hair) sits down in the final second.")) {
            assertTrue(LINTER.lint(BASE.toBuilder().subjectAction(bad).build(), SPINE, BIBLE).has("CHARACTER-MISMATCH"), bad);
        }
    }
}
