package io.dailies.prompt;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The typed half of a generation request: everything the API takes as a parameter rather than as prose
 * (the guide: "specific parameters that must be set explicitly; you cannot request them in prose").
 *
 * @param model          catalog model name, e.g. "sora-2"
 * @param size           "WIDTHxHEIGHT", e.g. "1280x720"
 * @param seconds        clip length
 * @param inputReference image anchoring the first frame ("" when none)
 * @param characterIds   character references, at most the model's {@code maxCharacters}. Built from the
 *                       shot's Characters cell as the bible's canonical names; replace them with the ids
 *                       the Characters API returned ({@link #withCharacterIds}) before sending.
 */
public record VideoParameters(String model, String size, int seconds, String inputReference, List<String> characterIds) {

    /** Whitespace runs, taken out of a size (compiled once: every shot's parameters are built). */
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

    public VideoParameters {
        model = model == null ? "" : model.strip();
        size = size == null ? "" : size.strip().toLowerCase(Locale.ROOT).replace('\u00d7', 'x');
        size = BLANKS.matcher(size).replaceAll("");
        inputReference = inputReference == null ? "" : inputReference.strip();
        characterIds = List.copyOf(characterIds == null ? List.of() : characterIds);
    }

    /**
     * The parameters of a shot, blanks filled from the catalog: no model → the catalog's default model, no
     * size or seconds → that model's defaults. An unknown model is kept as written (validation reports it).
     */
    public static VideoParameters of(ShotSpec shot, CharacterBible bible, ModelCatalog catalog) {
        Optional<ModelSpec> spec = shot.model().isEmpty() ? Optional.of(catalog.defaultModel()) : catalog.model(shot.model());
        String model = spec.map(ModelSpec::name).orElse(shot.model());
        String size = shot.size().isEmpty() ? spec.map(ModelSpec::defaultSize).orElse("") : shot.size();
        int seconds = shot.seconds() == 0 ? spec.map(ModelSpec::defaultSeconds).orElse(0) : shot.seconds();
        List<String> ids = new ArrayList<>();
        for (String name : shot.characters()) {
            String id = bible.find(name).map(CharacterAnchor::name).orElse(name);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return new VideoParameters(model, size, seconds, shot.inputReference(), ids);
    }

    /** These parameters with the character ids the Characters API returned, in the same order. */
    public VideoParameters withCharacterIds(List<String> ids) {
        return new VideoParameters(model, size, seconds, inputReference, ids);
    }

    /**
     * What the catalog refuses: an unknown model (MODEL-UNKNOWN), a size or length the model does not
     * render (SIZE-UNSUPPORTED, DURATION-UNSUPPORTED), more character references than it takes
     * (CHARACTER-REFS-TOO-MANY). Every finding is an ERROR. Empty when the request can be sent.
     */
    public List<LintFinding> validate(ModelCatalog catalog) {
        return ApiLimits.check(this, catalog, null);
    }

    /** As {@link #validate(ModelCatalog)}, also checking the prompt against the model's length limit (PROMPT-TOO-LONG). */
    public List<LintFinding> validate(ModelCatalog catalog, String prompt) {
        return ApiLimits.check(this, catalog, prompt);
    }

    public int width() {
        int x = size.indexOf('x');
        return x < 0 ? 0 : Integer.parseInt(size.substring(0, x));
    }

    public int height() {
        int x = size.indexOf('x');
        return x < 0 ? 0 : Integer.parseInt(size.substring(x + 1));
    }
}
