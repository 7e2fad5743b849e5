package io.dailies.prompt;

import io.dailies.core.CompiledPrompt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a shot into the guide's prompt anatomy: the five pillars in order (Subject + Action,
 * Camera + Movement, Setting + Time, Lighting + Palette, Style + Technical), then the spoken lines
 * in a {@code <dialogue>} block with one labelled speaker per line, then the ambient sound and the timed
 * audio cues, then the physics constraints. Deterministic: the same inputs always give the same bytes, so
 * a prompt's hash identifies it.
 *
 * <p>With a style spine and a character bible ({@link #compile(ShotSpec, StyleSpine, CharacterBible)}):
 * <ul>
 * <li><b>Characters.</b> Each character the shot names (in its text, its Characters cell or as a
 * speaker) is described with the bible's description, verbatim, once: in brackets right after the first
 * mention in the pillars, e.g. {@code the queen (a woman in her sixties with a silver braided crown, a
 * burgundy velvet gown and a jade ring)}. Nothing is added when the text already carries the description
 * word for word. Characters named only possessively ("the queen's shoulder"), only in the shot type or
 * the sound, or not at all in the text (referenced or speaking) are described on a {@code Characters:}
 * line after the action.</li>
 * <li><b>Style spine.</b> The spine as overridden by the shot ({@link StyleSpine#apply}) is carried in:
 * lens and aperture on the Camera line, stability cues there too when the camera moves and the text has
 * no cue of its own (or when the shot overrides them), camera language and grade on the Style line,
 * palette anchors on the Lighting line. A field the text already states is not repeated. Where the text
 * names a different lens, aperture or palette, the spine's (or the override's) value replaces it, so a
 * prompt never contradicts its spine; the linter reports such a deviation when it is not marked as an
 * override.</li>
 * </ul>
 * API parameters (model, size, seconds, references) never reach the text: see {@link VideoParameters}.
 */
public final class PromptCompiler {

    /** Version of the compilation rules; stored with each prompt. 2 added the spine, the bible and sound. */
    public static final String VERSION = "2";

    /** "Detective: 'You're lying.' Suspect: 'Or maybe I'm tired.'" → one match per speaker label. */
    private static final Pattern SPEAKER = Pattern.compile("(?:^|(?<=[\\s.!?\"'’”]))([A-Z][\\p{L}0-9 -]{0,30}?):\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.;,:]+$");

    private PromptCompiler() {
    }

    /** The shot's pillars and dialogue alone, with no spine and no bible. */
    public static CompiledPrompt compile(ShotPillars shot) {
        return compile(ShotSpec.of(shot), StyleSpine.EMPTY, CharacterBible.EMPTY);
    }

    /** The shot's prompt, with the project's style spine and character bible carried in. */
    public static CompiledPrompt compile(ShotSpec shot, StyleSpine spine, CharacterBible bible) {
        return render(sections(shot, spine, bible));
    }

    /** A prompt from its sections (as returned by {@link #sections}). */
    public static CompiledPrompt render(Map<PromptSection, String> sections) {
        StringBuilder p = new StringBuilder();
        for (PromptSection s : PromptSection.values()) {
            String text = sections.get(s);
            if (text == null) {
                continue;
            }
            // a blank line before the dialogue block, the sound (cues directly under the sound) and the physics
            boolean startsBlock = switch (s) {
                case DIALOGUE, SOUND, PHYSICS -> true;
                case AUDIO_CUES -> !sections.containsKey(PromptSection.SOUND);
                default -> false;
            };
            if (startsBlock) {
                p.append('\n');
            }
            p.append(text).append('\n');
        }
        String text = p.toString().strip();
        return new CompiledPrompt(text, sha256(text), VERSION);
    }

    /**
     * The prompt's sections as they are written, each with its label ("Camera: …."), in prompt order;
     * sections with nothing to say are absent. The dialogue section is the whole {@code <dialogue>} block.
     */
    public static Map<PromptSection, String> sections(ShotSpec shot, StyleSpine spine, CharacterBible bible) {
        return sections(shot, spine, spine.apply(shot.overrides()), bible);
    }

    /** {@link #sections(ShotSpec, StyleSpine, CharacterBible)} with the shot's spine already applied ({@code eff}). */
    static Map<PromptSection, String> sections(ShotSpec shot, StyleSpine spine, StyleSpine eff, CharacterBible bible) {
        Prose prose = new Prose(shot);

        substituteSpine(prose, spine, eff, shot.overrides());
        List<CharacterAnchor> undescribed = describeCharacters(prose, shot, bible);

        Map<PromptSection, String> out = new EnumMap<>(PromptSection.class);
        put(out, PromptSection.ACTION, sentence("", prose.action));
        if (!undescribed.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (CharacterAnchor c : undescribed) {
                parts.add(c.name() + " (" + c.description() + ")");
            }
            put(out, PromptSection.CHARACTERS, sentence(PromptSection.CHARACTERS.label(), String.join("; ", parts)));
        }
        put(out, PromptSection.CAMERA, cameraLine(prose, eff, shot.overrides()));
        put(out, PromptSection.SETTING, sentence(PromptSection.SETTING.label(), prose.setting));
        put(out, PromptSection.LIGHTING, lightingLine(prose, eff));
        put(out, PromptSection.STYLE, styleLine(prose, eff));
        List<String> lines = dialogueLines(shot.dialogue());
        if (!lines.isEmpty()) {
            out.put(PromptSection.DIALOGUE, "<dialogue>\n" + String.join("\n", lines) + "\n</dialogue>");
        }
        put(out, PromptSection.SOUND, sentence(PromptSection.SOUND.label(), prose.sound));
        put(out, PromptSection.AUDIO_CUES, sentence(PromptSection.AUDIO_CUES.label(),
                String.join("; ", ShotCues.audioCues(shot.audioCues()))));
        put(out, PromptSection.PHYSICS, sentence(PromptSection.PHYSICS.label(), prose.physics));
        return Collections.unmodifiableMap(out);
    }

    /** The shot's text fields as they will be written, one line each, changed in place by the steps below. */
    private static final class Prose {
        String action;
        String camera;
        String shotType;
        String setting;
        String lighting;
        String style;
        String sound;
        String audioCues;
        String physics;

        Prose(ShotSpec s) {
            action = flat(s.subjectAction());
            camera = flat(s.cameraMovement());
            shotType = flat(s.shotType());
            setting = flat(s.settingTime());
            lighting = flat(s.lightingPalette());
            style = flat(s.styleTechnical());
            sound = flat(s.sound());
            audioCues = flat(s.audioCues());
            physics = flat(s.physics());
        }

        /** The pillar texts where a character can be described, in prompt order. */
        String[] describable() {
            return new String[] {action, camera, setting, lighting, style, physics};
        }

        void describable(String[] t) {
            action = t[0];
            camera = t[1];
            setting = t[2];
            lighting = t[3];
            style = t[4];
            physics = t[5];
        }

        String cameraText() {
            return shotType + " " + camera;
        }

        /** Every text that can name a character, in prompt order. */
        String[] naming() {
            return new String[] {action, shotType, camera, setting, lighting, style, sound, audioCues, physics};
        }

        String all() {
            return String.join(" ", action, shotType, camera, setting, lighting, style, physics);
        }
    }

    // --- the style spine ---

    private static void substituteSpine(Prose p, StyleSpine spine, StyleSpine eff, SpineOverrides overrides) {
        Optional<String> lens = ShotCues.lensNumber(eff.lens());
        if (lens.isPresent()) {
            p.shotType = ShotCues.replaceOther(ShotCues.LENS, p.shotType, lens.get(), eff.lens());
            p.camera = ShotCues.replaceOther(ShotCues.LENS, p.camera, lens.get(), eff.lens());
            p.style = ShotCues.replaceOther(ShotCues.LENS, p.style, lens.get(), eff.lens());
        }
        Optional<String> aperture = ShotCues.apertureNumber(eff.aperture());
        if (aperture.isPresent()) {
            p.shotType = ShotCues.replaceOther(ShotCues.APERTURE, p.shotType, aperture.get(), eff.aperture());
            p.camera = ShotCues.replaceOther(ShotCues.APERTURE, p.camera, aperture.get(), eff.aperture());
            p.style = ShotCues.replaceOther(ShotCues.APERTURE, p.style, aperture.get(), eff.aperture());
        }
        // A text field the shot overrides: where the text repeats the spine's words, the override's replace them.
        for (SpineField f : List.of(SpineField.CAMERA_LANGUAGE, SpineField.GRADE, SpineField.STABILITY,
                SpineField.LENS, SpineField.APERTURE)) {
            String was = spine.value(f);
            String now = eff.value(f);
            if (overrides.has(f) && !was.isEmpty() && !now.isEmpty() && !was.equalsIgnoreCase(now)) {
                p.shotType = ShotCues.replaceLoosely(p.shotType, was, now);
                p.camera = ShotCues.replaceLoosely(p.camera, was, now);
                p.style = ShotCues.replaceLoosely(p.style, was, now);
            }
        }
        if (!eff.paletteAnchors().isEmpty()) {
            Optional<PaletteAnchors.Span> span = PaletteAnchors.locate(p.lighting);
            if (span.isPresent() && !samePalette(PaletteAnchors.parse(p.lighting), eff.paletteAnchors())) {
                PaletteAnchors.Span s = span.get();
                p.lighting = p.lighting.substring(0, s.start()) + String.join(", ", eff.paletteAnchors())
                        + p.lighting.substring(s.end());
            }
        }
    }

    static boolean samePalette(List<String> a, List<String> b) {
        Set<String> x = new LinkedHashSet<>();
        a.forEach(s -> x.add(ShotCues.normal(s)));
        Set<String> y = new LinkedHashSet<>();
        b.forEach(s -> y.add(ShotCues.normal(s)));
        return x.equals(y);
    }

    private static String cameraLine(Prose p, StyleSpine eff, SpineOverrides overrides) {
        List<String> parts = new ArrayList<>();
        if (!p.shotType.isEmpty() && !ShotCues.containsLoosely(p.camera, p.shotType)) {
            parts.add(p.shotType);
        }
        if (!p.camera.isEmpty()) {
            parts.add(p.camera);
        }
        String lensText = p.shotType + " " + p.camera + " " + p.style;
        boolean needLens = !eff.lens().isEmpty() && !mentionsLens(lensText, eff.lens());
        boolean needAperture = !eff.aperture().isEmpty() && !mentionsAperture(lensText, eff.aperture());
        String lens = eff.lens().toLowerCase(java.util.Locale.ROOT).endsWith("lens") ? eff.lens() : eff.lens() + " lens";
        if (needLens && needAperture) {
            parts.add(lens + " at " + eff.aperture());
        } else if (needLens) {
            parts.add(lens);
        } else if (needAperture) {
            parts.add("aperture " + eff.aperture());
        }
        String camera = p.cameraText();
        if (!eff.stabilityCues().isEmpty() && !ShotCues.containsLoosely(camera, eff.stabilityCues())) {
            boolean explicit = overrides.get(SpineField.STABILITY).filter(v -> !v.isEmpty()).isPresent();
            boolean unsteadyMove = ShotCues.moving(camera) && !ShotCues.hasStabilityCue(camera) && !ShotCues.handheld(camera);
            if (explicit || unsteadyMove) {
                parts.add(eff.stabilityCues());
            }
        }
        return sentence(PromptSection.CAMERA.label(), join(parts));
    }

    private static boolean mentionsLens(String text, String lens) {
        return ShotCues.lensNumber(lens).map(n -> !ShotCues.lenses(text).isEmpty())
                .orElseGet(() -> ShotCues.containsLoosely(text, lens));
    }

    private static boolean mentionsAperture(String text, String aperture) {
        return ShotCues.apertureNumber(aperture).map(n -> !ShotCues.apertures(text).isEmpty())
                .orElseGet(() -> ShotCues.containsLoosely(text, aperture));
    }

    private static String lightingLine(Prose p, StyleSpine eff) {
        String anchors = String.join(", ", eff.paletteAnchors());
        if (p.lighting.isEmpty()) {
            return anchors.isEmpty() ? null : sentence("Palette anchors: ", anchors);
        }
        if (!anchors.isEmpty() && PaletteAnchors.locate(p.lighting).isEmpty()) {
            return sentence(PromptSection.LIGHTING.label(), trimEnd(p.lighting) + ". Palette anchors: " + anchors);
        }
        return sentence(PromptSection.LIGHTING.label(), p.lighting);
    }

    private static String styleLine(Prose p, StyleSpine eff) {
        List<String> parts = new ArrayList<>();
        if (!p.style.isEmpty()) {
            parts.add(p.style);
        }
        // the prose normalised once for both checks (ShotCues.containsLoosely, as it would for each)
        String all = ShotCues.normal(p.all());
        if (!eff.cameraLanguage().isEmpty() && !ShotCues.containsNormalised(all, eff.cameraLanguage())) {
            parts.add(eff.cameraLanguage());
        }
        if (!eff.grade().isEmpty() && !ShotCues.containsNormalised(all, eff.grade())) {
            parts.add(eff.grade());
        }
        return sentence(PromptSection.STYLE.label(), join(parts));
    }

    // --- characters ---

    /** Writes each named character's description at its first plain mention; returns those left to list. */
    private static List<CharacterAnchor> describeCharacters(Prose p, ShotSpec shot, CharacterBible bible) {
        if (bible.isEmpty()) {
            return List.of();
        }
        String[] fields = p.describable();
        List<CharacterAnchor> named = named(shot, bible, p.naming());
        List<CharacterAnchor> undescribed = new ArrayList<>();
        // insertion points per field, applied right to left so earlier offsets stay valid
        List<List<int[]>> inserts = new ArrayList<>();
        List<List<CharacterAnchor>> who = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            inserts.add(new ArrayList<>());
            who.add(new ArrayList<>());
        }
        List<List<CharacterBible.Mention>> mentions = new ArrayList<>();
        for (String f : fields) {
            mentions.add(bible.mentions(f));
        }
        // the fields with their whitespace runs collapsed, once for every character (describedVerbatim)
        String[] spaced = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            spaced[i] = ShotCues.oneSpace(fields[i]);
        }
        for (CharacterAnchor c : named) {
            if (describedVerbatim(spaced, c)) {
                continue;
            }
            boolean placed = false;
            for (int i = 0; i < fields.length && !placed; i++) {
                for (CharacterBible.Mention m : mentions.get(i)) {
                    if (m.character().equals(c) && !m.possessive()) {
                        inserts.get(i).add(new int[] {m.end()});
                        who.get(i).add(c);
                        placed = true;
                        break;
                    }
                }
            }
            if (!placed) {
                undescribed.add(c);
            }
        }
        for (int i = 0; i < fields.length; i++) {
            StringBuilder sb = new StringBuilder(fields[i]);
            List<int[]> at = inserts.get(i);
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < at.size(); k++) {
                order.add(k);
            }
            order.sort((a, b) -> Integer.compare(at.get(b)[0], at.get(a)[0]));
            for (int k : order) {
                sb.insert(at.get(k)[0], " (" + who.get(i).get(k).description() + ")");
            }
            fields[i] = sb.toString();
        }
        p.describable(fields);
        return undescribed;
    }

    /** The characters a shot names: in its text (in prompt order), then its Characters cell, then its speakers. */
    static List<CharacterAnchor> named(ShotSpec shot, CharacterBible bible, String[] prose) {
        List<CharacterAnchor> out = new ArrayList<>();
        for (String f : prose) {
            for (CharacterAnchor c : bible.named(f)) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        for (String name : shot.characters()) {
            bible.find(name).filter(c -> !out.contains(c)).ifPresent(out::add);
        }
        for (ShotCues.Turn t : ShotCues.turns(shot.dialogue())) {
            if (!t.speaker().isEmpty()) {
                bible.find(t.speaker()).filter(c -> !out.contains(c)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The characters a shot names, with the bible: in its text, its Characters cell or as a speaker. */
    public static List<CharacterAnchor> namedCharacters(ShotSpec shot, CharacterBible bible) {
        return named(shot, bible, new Prose(shot).naming());
    }

    /** Whether a field ({@link ShotCues#oneSpace} already applied) holds the character's description. */
    private static boolean describedVerbatim(String[] spacedFields, CharacterAnchor c) {
        String d = ShotCues.oneSpace(c.description());
        for (String f : spacedFields) {
            if (f.contains(d)) {
                return true;
            }
        }
        return false;
    }

    // --- dialogue ---

    /** Each speaker's line on its own row as {@code Speaker: "line"}; unlabelled text is kept as written. */
    static List<String> dialogueLines(String dialogue) {
        List<String> out = new ArrayList<>();
        if (dialogue == null || dialogue.isBlank()) {
            return out;
        }
        for (String row : LINE.split(dialogue.strip())) {
            row = row.strip();
            if (row.isEmpty()) {
                continue;
            }
            Matcher m = SPEAKER.matcher(row);
            List<int[]> labels = new ArrayList<>();
            while (m.find()) {
                labels.add(new int[] {m.start(1), m.end(1), m.end()});
            }
            if (labels.isEmpty()) {
                out.add(row);
                continue;
            }
            if (labels.get(0)[0] > 0) {
                out.add(row.substring(0, labels.get(0)[0]).strip());
            }
            for (int i = 0; i < labels.size(); i++) {
                int[] l = labels.get(i);
                int end = i + 1 < labels.size() ? labels.get(i + 1)[0] : row.length();
                String speaker = row.substring(l[0], l[1]).strip();
                String said = unquote(row.substring(l[2], end).strip());
                out.add(speaker + ": \"" + said + "\"");
            }
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            boolean quoted = (first == '\'' || first == '"' || first == '‘' || first == '“')
                    && (last == '\'' || last == '"' || last == '’' || last == '”');
            if (quoted) {
                return s.substring(1, s.length() - 1).strip();
            }
        }
        return s;
    }

    // --- text ---

    private static void put(Map<PromptSection, String> out, PromptSection s, String line) {
        if (line != null) {
            out.put(s, line);
        }
    }

    /** Line breaks become spaces, as in a one-line prompt pillar. */
    private static String flat(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            // \R: \n, \u000B, \f, \r, \u0085, \u2028, \u2029 (and \r\n)
            if ((c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return LINE_BREAK.matcher(t).replaceAll(" ");
            }
        }
        return t;
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern LINE = Pattern.compile("\\R");

    /** Parts joined with "; ", each but the last without its closing punctuation. */
    private static String join(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = i < parts.size() - 1 ? trimEnd(parts.get(i)) : parts.get(i);
            if (part.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static String trimEnd(String s) {
        return TRAILING.matcher(s).replaceAll("");
    }

    /** The label and the text, ending in '.', '!' or '?'; null when the text is blank. */
    private static String sentence(String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = flat(text);
        char last = t.charAt(t.length() - 1);
        return label + t + (last != '.' && last != '!' && last != '?' ? "." : "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
