package io.dailies.prompt;

import io.dailies.provider.catalog.ModelCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a shot against the prompting guide before any credit is spent. Each rule maps to a failure mode
 * of the guide's pillar table or troubleshooting table (or to a catalog limit), has an id, a severity
 * (ERROR blocks submission, WARNING does not), a message in the producer's words and a concrete fix. The
 * rules read the shot as written and the prompt as compiled, so what the spine and the bible add counts.
 * Stateless and thread-safe.
 */
public final class PromptLinter {

    /** Words of speech per second that still lip-sync (about 150 words a minute). */
    public static final double WORDS_PER_SECOND = 2.5;
    /** Sentences one speaker may say in one shot ("one or two short sentences per character"). */
    public static final int MAX_SENTENCES_PER_SPEAKER = 2;
    /** Palette anchors the guide asks for. */
    public static final int MIN_PALETTE = 3;
    public static final int MAX_PALETTE = 5;

    private static final String GUIDE_ACTION = "'Actor takes four steps to the window, pauses, and pulls the curtain in the final second.'";
    private static final String GUIDE_STABILITY = "'steady gimbal, stable horizon, no jitter'";

    /** Every rule, in the order findings are reported. */
    public static final List<LintRule> RULES = rules();

    private final ModelCatalog catalog;

    public PromptLinter(ModelCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Lints one shot of a project with this spine and bible. */
    public LintReport lint(ShotSpec shot, StyleSpine spine, CharacterBible bible) {
        LintContext ctx = new LintContext(shot, spine, bible, catalog);
        List<LintFinding> findings = new ArrayList<>();
        for (LintRule rule : RULES) {
            for (LintRule.Hit hit : rule.check().run(ctx)) {
                findings.add(rule.finding(hit));
            }
        }
        return new LintReport(shot.label(), ctx.prompt(), findings);
    }

    /** The rule with this id. */
    public static Optional<LintRule> rule(String id) {
        return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static List<LintRule> rules() {
        List<LintRule> r = new ArrayList<>();

        // --- pillar 1: subject + action ---
        r.add(new LintRule("ACTION-MISSING", Severity.ERROR, PromptSection.ACTION,
                "No Subject & Action: the model has no subject to follow and invents one.",
                "Say who does what, in timed beats: " + GUIDE_ACTION,
                c -> c.shot().subjectAction().isBlank()
                        ? List.of(LintRule.Hit.of("Subject & Action is empty: the model will invent who is in the shot and what they do."))
                        : List.of()));
        r.add(new LintRule("ACTION-VAGUE", Severity.WARNING, PromptSection.ACTION,
                "An action with no beats or timing comes out too fast, too slow or vague.",
                "Break the action into timed beats: " + GUIDE_ACTION,
                c -> {
                    String a = c.shot().subjectAction();
                    if (a.isBlank() || ShotCues.hasTiming(a)) {
                        return List.of();
                    }
                    return List.of(LintRule.Hit.of("The action ('" + shorten(a, 60) + "') has no beats or timing: "
                            + "\"person moves quickly\" gives the model nothing to anchor to."));
                }));
        r.add(new LintRule("ACTION-TOO-MANY", Severity.WARNING, PromptSection.ACTION,
                "More action beats than the shot's length can hold.",
                "Keep one clear subject action with a few beats; make the shot longer or split it into two shots.",
                c -> {
                    int beats = ShotCues.beats(c.shot().subjectAction(), c.bible());
                    int limit = Math.max(3, c.seconds());
                    if (beats <= limit) {
                        return List.of();
                    }
                    return List.of(new LintRule.Hit("The action has " + beats + " beats for a " + c.seconds()
                            + "-second shot: more than about one per second invites failure.",
                            "Cut it to at most " + limit + " beats of one clear action, raise Seconds, or split the shot in two."));
                }));
        r.add(new LintRule("DIALOGUE-IN-PROSE", Severity.WARNING, PromptSection.ACTION,
                "Spoken words written into the action drift out of lip-sync.",
                "Move the words to the Dialogue column as Speaker: 'line'; they go into the <dialogue> block.",
                c -> ShotCues.hasQuotedSpeech(c.shot().subjectAction())
                        ? List.of(LintRule.Hit.of("Subject & Action contains a spoken line: lines in the prose are not tied to a speaker and lip-sync drifts."))
                        : List.of()));

        // --- characters ---
        r.add(new LintRule("CHARACTER-MISMATCH", Severity.ERROR, PromptSection.ACTION,
                "A character described differently from the Characters sheet morphs between shots.",
                "Delete the description from the row (Dailies writes the Characters sheet's description for you), "
                        + "or copy it word for word from the Characters sheet.",
                PromptLinter::characterMismatch));
        r.add(new LintRule("CHARACTER-UNKNOWN", Severity.ERROR, PromptSection.CHARACTERS,
                "A character to reference that the Characters sheet does not define.",
                "Add the character to the Characters sheet (3-4 details and a reference image), or correct the name.",
                c -> {
                    List<LintRule.Hit> hits = new ArrayList<>();
                    for (String name : c.shot().characters()) {
                        if (c.bible().find(name).isEmpty()) {
                            hits.add(new LintRule.Hit("Characters lists '" + name + "', who is not on the Characters sheet: "
                                    + "there is no description to write and nothing to reference.",
                                    "Add '" + name + "' to the Characters sheet with 3-4 distinctive details and a reference image, "
                                            + "or use a name it has" + known(c.bible()) + "."));
                        }
                    }
                    return hits;
                }));
        r.add(new LintRule("CHARACTER-NO-REFERENCE", Severity.ERROR, PromptSection.CHARACTERS,
                "A character to reference with no reference image, so it cannot be uploaded to the Characters API.",
                "Add a reference image on the Characters sheet, or take the character out of Characters.",
                c -> {
                    List<LintRule.Hit> hits = new ArrayList<>();
                    for (String name : c.shot().characters()) {
                        c.bible().find(name).filter(ch -> !ch.hasReferenceImage()).ifPresent(ch -> hits.add(new LintRule.Hit(
                                ch.name() + " is in Characters (to reference) but has no reference image on the Characters sheet: "
                                        + "the Characters API needs one to anchor the character.",
                                "Add a reference image for " + ch.name() + " on the Characters sheet, or take " + ch.name()
                                        + " out of Characters (the description is still written into the prompt).")));
                    }
                    return hits;
                }));
        r.add(new LintRule("CHARACTER-THIN", Severity.WARNING, PromptSection.ACTION,
                "A character anchored with fewer than three distinctive details drifts between shots.",
                "Give the character three to four distinctive visual details on the Characters sheet and reuse them "
                        + "word for word, e.g. 'a woman in her sixties with a silver braided crown, a burgundy velvet gown and a jade ring'.",
                c -> {
                    List<LintRule.Hit> hits = new ArrayList<>();
                    for (CharacterAnchor ch : PromptCompiler.namedCharacters(c.shot(), c.bible())) {
                        int details = c.bible().detailCount(ch);
                        if (details < CharacterAnchor.MIN_DETAILS) {
                            hits.add(LintRule.Hit.of(ch.name() + "'s description ('" + ch.description() + "') has "
                                    + details + " distinctive detail" + (details == 1 ? "" : "s")
                                    + ": with fewer than three the character's look will drift."));
                        }
                    }
                    return hits;
                }));

        // --- pillar 2: camera + movement ---
        r.add(new LintRule("CAMERA-VAGUE", Severity.WARNING, PromptSection.CAMERA,
                "A camera with no shot size or angle ('cinematic look') gives random angles.",
                "Name the shot and angle: 'Camera shot: wide shot, low angle. Depth of field: shallow (sharp on subject, blurred background).'",
                c -> {
                    String cam = c.cameraText();
                    if (cam.isBlank() || ShotCues.hasFraming(cam)) {
                        return List.of();
                    }
                    return List.of(LintRule.Hit.of("Camera & Movement ('" + shorten(cam, 60)
                            + "') names no shot size or angle: the model will pick random angles."));
                }));
        r.add(new LintRule("CAMERA-MULTIPLE-MOVES", Severity.ERROR, PromptSection.CAMERA,
                "More than one camera move in a shot: the camera feels chaotic.",
                "Keep one move ('slow dolly-in') with " + GUIDE_STABILITY + "; give the other move its own shot.",
                c -> {
                    List<String> moves = c.cameraMoves();
                    if (moves.size() < 2) {
                        return List.of();
                    }
                    return List.of(new LintRule.Hit("The camera makes " + moves.size() + " moves (" + String.join(", ", moves)
                            + "): each shot should have one clear camera move; more invites failure.",
                            "Keep only the " + moves.get(0) + " (e.g. 'slow " + moves.get(0) + "'), add " + GUIDE_STABILITY
                                    + ", and shoot the " + String.join(" and ", moves.subList(1, moves.size())) + " as another shot."));
                }));
        r.add(new LintRule("CAMERA-UNSTABLE", Severity.WARNING, PromptSection.CAMERA,
                "A moving camera with no stability cue drifts and jitters.",
                "Add " + GUIDE_STABILITY + " to Camera & Movement, or set Stability cues on the Style Spine sheet.",
                c -> {
                    String cam = c.cameraText();
                    List<String> moves = c.cameraMoves();
                    String line = c.section(PromptSection.CAMERA);
                    if (moves.isEmpty() || ShotCues.handheld(cam) || ShotCues.hasStabilityCue(line)) {
                        return List.of();
                    }
                    return List.of(LintRule.Hit.of("The camera moves (" + moves.get(0)
                            + ") with no stability cue: expect camera drift and jitter."));
                }));

        // --- pillar 3: setting + time ---
        r.add(new LintRule("SETTING-NO-TIME", Severity.WARNING, PromptSection.SETTING,
                "A setting with no time of day: the background and its light shift between shots.",
                "Add the time: 'at dawn', 'at 2 a.m.', 'the same dawn'.",
                c -> {
                    String s = c.shot().settingTime();
                    return s.isBlank() || ShotCues.hasTime(s) ? List.<LintRule.Hit>of()
                            : List.of(LintRule.Hit.of("Setting & Time ('" + shorten(s, 60)
                            + "') gives no time of day: the background and light will drift between shots."));
                }));

        // --- pillar 4: lighting + palette ---
        r.add(new LintRule("LIGHTING-NO-SOURCE", Severity.WARNING, PromptSection.LIGHTING,
                "Lighting with no source or no direction: mood and exposure jump between cuts.",
                "Name the source and where it comes from: 'soft window light with warm lamp fill, cool rim from hallway'.",
                c -> {
                    String l = c.shot().lightingPalette();
                    if (l.isBlank()) {
                        return List.of();
                    }
                    String bare = PaletteAnchors.locate(l).map(s -> l.substring(0, s.start())).orElse(l);
                    boolean source = ShotCues.hasLightSource(bare);
                    boolean direction = ShotCues.hasLightDirection(bare);
                    if (source && direction) {
                        return List.of();
                    }
                    String missing = !source && !direction ? "no light source and no direction" : !source ? "no light source" : "no direction";
                    return List.of(LintRule.Hit.of("Lighting & Palette ('" + shorten(bare, 60) + "') gives " + missing
                            + ": lighting will jump between cuts."));
                }));
        r.add(new LintRule("PALETTE-ANCHORS", Severity.WARNING, PromptSection.LIGHTING,
                "Fewer than 3 or more than 5 palette anchors: the colour palette shifts between shots.",
                "Name 3-5 colours explicitly: 'Palette anchors: amber, cream, walnut brown' (in Lighting & Palette, or once "
                        + "on the Style Spine sheet for every shot).",
                c -> {
                    List<String> anchors = PaletteAnchors.parse(c.section(PromptSection.LIGHTING));
                    int n = anchors.size();
                    if (n >= MIN_PALETTE && n <= MAX_PALETTE) {
                        return List.of();
                    }
                    if (n == 0) {
                        return List.of(LintRule.Hit.of("The shot names no palette anchors: the colour palette will shift between shots."));
                    }
                    return List.of(LintRule.Hit.of("The shot names " + n + " palette anchor" + (n == 1 ? "" : "s") + " ("
                            + String.join(", ", anchors) + "): name three to five colours, no more."));
                }));

        // --- pillar 5: style + technical ---
        r.add(new LintRule("PILLAR-MISSING", Severity.WARNING, PromptSection.ACTION,
                "A pillar of the prompt is missing, so the model improvises it.",
                "Fill in the missing pillar; see the messages for an example each.",
                PromptLinter::missingPillars));
        r.add(new LintRule("STYLE-VAGUE", Severity.WARNING, PromptSection.STYLE,
                "A style that names nothing concrete gives a generic 'AI look'.",
                "Name the lens, film look and grade: '35mm lens at f/2.8, fine film grain, natural contrast', or fill the Style Spine sheet.",
                c -> {
                    String style = c.section(PromptSection.STYLE);
                    return style.isEmpty() || ShotCues.hasConcreteStyle(style) ? List.<LintRule.Hit>of()
                            : List.of(LintRule.Hit.of("Style ('" + shorten(c.shot().styleTechnical(), 60)
                            + "') names no lens, film look or grade: expect a generic 'AI look' without character."));
                }));
        r.add(new LintRule("STYLE-DEVIATION", Severity.WARNING, PromptSection.STYLE,
                "The row departs from the style spine without marking it in Overrides, so the spine's value is used.",
                "Write the change in Overrides (e.g. 'lens: 85mm; palette: teal, sand, rust'), or take it out of the text.",
                PromptLinter::spineDeviations));
        r.add(new LintRule("PARAMETERS-IN-PROSE", Severity.WARNING, PromptSection.STYLE,
                "Resolution, length or model asked for in the prose, where the API ignores them.",
                "Remove it from the text and set Model, Size or Seconds instead.",
                c -> ShotCues.parameterInProse(c.prose())
                        .map(p -> List.of(LintRule.Hit.of("The text asks for '" + p + "': model, size and length are API "
                                + "parameters and cannot be requested in prose.")))
                        .orElse(List.of())));

        // --- physics ---
        r.add(new LintRule("PHYSICS-MISSING-CUES", Severity.WARNING, PromptSection.PHYSICS,
                "Physical action with no weight, material or contact cue: objects float, clip or teleport.",
                "Encode weight, material and contact surfaces: 'Rubber basketball against a glass backboard, momentum-conserving "
                        + "rebound, realistic friction on the rim' (Physics column).",
                c -> {
                    List<String> verbs = ShotCues.physicalVerbs(c.shot().subjectAction());
                    if (verbs.isEmpty() || ShotCues.hasPhysicsCue(c.shot().subjectAction() + " " + c.shot().physics())) {
                        return List.of();
                    }
                    return List.of(LintRule.Hit.of("The action is physical (" + String.join(", ", verbs)
                            + ") but states no weight, material or contact: expect floating or clipping."));
                }));
        r.add(new LintRule("CONTINUITY-OBJECTS", Severity.WARNING, PromptSection.PHYSICS,
                "Objects handled in a shot with no object-permanence cue teleport across cuts.",
                "Add 'object permanence maintained' to Physics.",
                c -> ShotCues.objectHandling(c.shot().subjectAction())
                        .filter(h -> !ShotCues.hasObjectPermanence(c.prose()))
                        .map(h -> List.of(LintRule.Hit.of("The action moves an object ('" + h
                                + "') with no object-permanence cue: objects may teleport across cuts.")))
                        .orElse(List.of())));

        // --- audio + dialogue ---
        r.add(new LintRule("DIALOGUE-TOO-LONG", Severity.ERROR, PromptSection.DIALOGUE,
                "More dialogue than the shot's length can hold: lip-sync drifts.",
                "Shorten it to one short sentence per speaker, or make the shot longer.",
                c -> {
                    int words = 0;
                    for (ShotCues.Turn t : ShotCues.turns(c.shot().dialogue())) {
                        words += ShotCues.words(t.line());
                    }
                    int budget = (int) Math.floor(c.seconds() * WORDS_PER_SECOND);
                    if (words <= budget) {
                        return List.of();
                    }
                    return List.of(LintRule.Hit.of("The dialogue has " + words + " words for a " + c.seconds()
                            + "-second shot (about " + budget + " fit): lip-sync will drift."));
                }));
        r.add(new LintRule("DIALOGUE-SENTENCES", Severity.WARNING, PromptSection.DIALOGUE,
                "More than two sentences for one speaker in one shot: lip-sync drifts.",
                "Keep lines concise: one or two short sentences per character.",
                c -> {
                    Map<String, Integer> perSpeaker = new LinkedHashMap<>();
                    for (ShotCues.Turn t : ShotCues.turns(c.shot().dialogue())) {
                        String who = c.bible().find(t.speaker()).map(CharacterAnchor::name).orElse(t.speaker());
                        perSpeaker.merge(who, ShotCues.sentences(t.line()), Integer::sum);
                    }
                    List<LintRule.Hit> hits = new ArrayList<>();
                    perSpeaker.forEach((who, n) -> {
                        if (n > MAX_SENTENCES_PER_SPEAKER) {
                            hits.add(new LintRule.Hit((who.isEmpty() ? "An unlabelled speaker" : who) + " says " + n
                                    + " sentences in this shot: keep one or two short sentences per character.",
                                    "Shorten " + (who.isEmpty() ? "the line" : who + "'s lines") + " to one sentence."));
                        }
                    });
                    return hits;
                }));
        r.add(new LintRule("DIALOGUE-UNLABELLED", Severity.WARNING, PromptSection.DIALOGUE,
                "A spoken line with no speaker label: the model cannot tie it to a character's gestures.",
                "Label every line with its speaker: Detective: 'You're lying.' Suspect: 'Or maybe I'm tired.'",
                c -> {
                    List<LintRule.Hit> hits = new ArrayList<>();
                    for (ShotCues.Turn t : ShotCues.turns(c.shot().dialogue())) {
                        if (t.speaker().isEmpty()) {
                            hits.add(LintRule.Hit.of("The dialogue line '" + shorten(t.line(), 50)
                                    + "' has no speaker label: the model cannot tell who says it."));
                        }
                    }
                    return hits;
                }));
        r.add(new LintRule("DIALOGUE-SPEAKER-UNKNOWN", Severity.WARNING, PromptSection.DIALOGUE,
                "A speaker label that is not a name on the Characters sheet: speakers must be labelled consistently.",
                "Label the speaker with a name or alias from the Characters sheet, or add the speaker there.",
                c -> {
                    List<LintRule.Hit> hits = new ArrayList<>();
                    if (c.bible().isEmpty()) {
                        return hits;
                    }
                    List<String> seen = new ArrayList<>();
                    for (ShotCues.Turn t : ShotCues.turns(c.shot().dialogue())) {
                        if (!t.speaker().isEmpty() && c.bible().find(t.speaker()).isEmpty() && !seen.contains(t.speaker())) {
                            seen.add(t.speaker());
                            hits.add(new LintRule.Hit("Speaker '" + t.speaker() + "' is not on the Characters sheet: label each "
                                    + "speaker the same way in every shot.",
                                    "Use a name or alias from the Characters sheet" + known(c.bible()) + ", or add '"
                                            + t.speaker() + "' there."));
                        }
                    }
                    return hits;
                }));
        r.add(new LintRule("AUDIO-CUE-TIMING", Severity.WARNING, PromptSection.AUDIO_CUES,
                "An audio cue with no time, or timed after the shot ends: sound and picture fall out of sync.",
                "Give each cue a time inside the shot: 'door slam at 00:02; footsteps at 00:04'.",
                c -> {
                    List<LintRule.Hit> hits = new ArrayList<>();
                    for (String cue : ShotCues.audioCues(c.shot().audioCues())) {
                        Optional<Double> t = ShotCues.cueTime(cue);
                        if (t.isEmpty()) {
                            hits.add(LintRule.Hit.of("The audio cue '" + cue + "' has no time: give it one, like 'door slam at 00:02'."));
                        } else if (t.get() >= c.seconds()) {
                            hits.add(new LintRule.Hit("The audio cue '" + cue + "' is timed after the end of this "
                                    + c.seconds() + "-second shot.",
                                    "Time it before 00:" + String.format("%02d", c.seconds()) + ", or move it to the shot where it happens."));
                        }
                    }
                    return hits;
                }));
        r.add(new LintRule("AUDIO-CUES-TOO-MANY", Severity.WARNING, PromptSection.AUDIO_CUES,
                "Too many timed audio cues: over-specified sound syncs worse than a few rhythmic anchors.",
                "Keep the two or three cues that matter; describe the rest as the ambient Sound.",
                c -> {
                    int n = ShotCues.audioCues(c.shot().audioCues()).size();
                    int limit = Math.max(3, c.seconds() / 2);
                    return n <= limit ? List.<LintRule.Hit>of()
                            : List.of(LintRule.Hit.of(n + " timed audio cues for a " + c.seconds() + "-second shot: give a few "
                            + "precise cues (at most " + limit + ") and avoid over-specifying."));
                }));

        // --- the catalog ---
        r.addAll(ApiLimits.RULES);
        return List.copyOf(r);
    }

    // --- the longer checks ---

    private static List<LintRule.Hit> missingPillars(LintContext c) {
        List<LintRule.Hit> hits = new ArrayList<>();
        ShotSpec s = c.shot();
        if (!s.subjectAction().isBlank() && c.cameraText().isBlank()) {
            hits.add(new LintRule.Hit("Camera & Movement is empty: expect random angles and shaky footage.",
                    "Name the shot type and one move: 'Wide shot, low angle; slow dolly-in; steady gimbal, stable horizon, no jitter.'",
                    PromptSection.CAMERA));
        }
        if (!s.subjectAction().isBlank() && s.settingTime().isBlank()) {
            hits.add(new LintRule.Hit("Setting & Time is empty: the background will shift between shots.",
                    "Describe the place and the time: 'A restaurant kitchen at 8:30 p.m.: a brushed-steel pass, white tiled walls.'",
                    PromptSection.SETTING));
        }
        if (!s.subjectAction().isBlank() && s.lightingPalette().isBlank()) {
            hits.add(new LintRule.Hit("Lighting & Palette is empty: mood and exposure will be inconsistent.",
                    "Describe the light: 'Soft window light with warm lamp fill, cool rim from hallway. Palette anchors: amber, cream, walnut brown.'",
                    PromptSection.LIGHTING));
        }
        if (!s.subjectAction().isBlank() && c.section(PromptSection.STYLE).isEmpty()) {
            hits.add(new LintRule.Hit("Style & Technical is empty and the style spine gives no camera language or grade: "
                    + "expect a generic 'AI look'.",
                    "Fill the Style Spine sheet (lens, aperture, grade...), or describe the look: '35mm lens at f/2.8, fine film grain, natural contrast.'",
                    PromptSection.STYLE));
        }
        return hits;
    }

    private static List<LintRule.Hit> spineDeviations(LintContext c) {
        List<LintRule.Hit> hits = new ArrayList<>();
        ShotSpec s = c.shot();
        StyleSpine spine = c.spine();
        String lensText = s.shotType() + " " + s.cameraMovement() + " " + s.styleTechnical();
        if (!s.overrides().has(SpineField.LENS)) {
            ShotCues.lensNumber(spine.lens()).ifPresent(n -> {
                for (String other : distinct(ShotCues.lenses(lensText))) {
                    if (!other.equals(n)) {
                        hits.add(deviation("a " + other + "mm lens", "lens is " + spine.lens(), "lens: " + other + "mm",
                                spine.lens(), other + "mm"));
                    }
                }
            });
        }
        if (!s.overrides().has(SpineField.APERTURE)) {
            ShotCues.apertureNumber(spine.aperture()).ifPresent(n -> {
                for (String other : distinct(ShotCues.apertures(lensText))) {
                    if (!other.equals(n)) {
                        hits.add(deviation("f/" + other, "aperture is " + spine.aperture(), "aperture: f/" + other,
                                spine.aperture(), "f/" + other));
                    }
                }
            });
        }
        if (!s.overrides().has(SpineField.PALETTE) && !spine.paletteAnchors().isEmpty()) {
            List<String> written = PaletteAnchors.parse(s.lightingPalette());
            if (!written.isEmpty() && !PromptCompiler.samePalette(written, spine.paletteAnchors())) {
                String list = String.join(", ", written);
                hits.add(deviation("the palette " + list, "palette is " + String.join(", ", spine.paletteAnchors()),
                        "palette: " + list, "the spine's palette", "this palette"));
            }
        }
        return hits;
    }

    private static LintRule.Hit deviation(String written, String spineSays, String override, String used, String wanted) {
        return new LintRule.Hit("The row asks for " + written + " but the style spine's " + spineSays
                + " and Overrides does not change it: the prompt uses " + used + " so the cut stays continuous.",
                "If this shot needs " + wanted + ", write '" + override + "' in Overrides; otherwise take it out of the text.");
    }

    /** Mentions of a bible character followed by a description that is not the bible's. */
    private static final Pattern APPOSITIVE = Pattern.compile(
            "^(?:\\s*(?:,|\\(|\u2014|\u2013|--)\\s*(?:a|an)\\s|\\s*,\\s*who\\s+wears\\s|\\s+(?:wearing|dressed\\s+in|clad\\s+in)\\s)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PERSON = Pattern.compile("(?i)\\b(?:woman|man|women|men|girl|boy|child|kid|person|figure|lady"
            + "|gentleman|teen(?:ager)?|wearing|dressed|clad|with|in\\s+(?:a|an|her|his|their)|hair|eyes|beard|coat|dress|gown|suit"
            + "|jacket|uniform|tall|short|young|old|elderly)\\b");

    private static List<LintRule.Hit> characterMismatch(LintContext c) {
        List<LintRule.Hit> hits = new ArrayList<>();
        List<CharacterAnchor> reported = new ArrayList<>();
        ShotSpec s = c.shot();
        for (String text : List.of(s.subjectAction(), s.cameraMovement(), s.settingTime(), s.lightingPalette(),
                s.styleTechnical(), s.physics())) {
            String flat = ShotCues.oneSpace(text);
            for (CharacterBible.Mention m : c.bible().mentions(flat)) {
                CharacterAnchor ch = m.character();
                if (m.possessive() || reported.contains(ch)) {
                    continue;
                }
                String rest = flat.substring(m.end());
                Matcher a = APPOSITIVE.matcher(rest);
                if (!a.find()) {
                    continue;
                }
                String after = rest.replaceFirst("^\\s*[,(\u2014\u2013-]*\\s*", "");
                if (after.startsWith(ch.description())) {
                    continue;
                }
                // ", a moment later," is not a description: an appositive must describe a person
                String clause = after.split("[,)\u2014\u2013;.]", 2)[0];
                if (!a.group().strip().matches("(?i)(?:wearing|dressed\\s+in|clad\\s+in)") && !PERSON.matcher(clause).find()) {
                    continue;
                }
                reported.add(ch);
                hits.add(LintRule.Hit.of(ch.name() + " is described here as '" + shorten(after, 70)
                        + "' but the Characters sheet says '" + ch.description()
                        + "': a character described two ways will change appearance between shots."));
            }
        }
        return hits;
    }

    private static List<String> distinct(List<String> xs) {
        List<String> out = new ArrayList<>();
        for (String x : xs) {
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private static String known(CharacterBible bible) {
        if (bible.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", bible.characters().stream().map(CharacterAnchor::name).toList()) + ")";
    }

    static String shorten(String s, int max) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1).stripTrailing() + "\u2026";
    }
}
