package io.dailies.prompt;

import io.dailies.core.CompiledPrompt;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shot as the lint rules see it: the spec as written, the project's spine and the spine as the shot
 * overrides it, the bible, the typed parameters and the compiled prompt with its sections.
 */
public final class LintContext {

    private final ShotSpec shot;
    private final StyleSpine spine;
    private final StyleSpine effectiveSpine;
    private final CharacterBible bible;
    private final ModelCatalog catalog;
    private final VideoParameters parameters;
    private final Map<PromptSection, String> sections;
    private final CompiledPrompt prompt;
    private List<String> cameraMoves;

    LintContext(ShotSpec shot, StyleSpine spine, CharacterBible bible, ModelCatalog catalog) {
        this.shot = shot;
        this.spine = spine;
        this.effectiveSpine = spine.apply(shot.overrides());
        this.bible = bible;
        this.catalog = catalog;
        this.parameters = VideoParameters.of(shot, bible, catalog);
        this.sections = PromptCompiler.sections(shot, spine, effectiveSpine, bible);
        this.prompt = PromptCompiler.render(sections);
    }

    public ShotSpec shot() {
        return shot;
    }

    /** The project's spine, before the shot's overrides. */
    public StyleSpine spine() {
        return spine;
    }

    /** The spine as this shot sees it. */
    public StyleSpine effectiveSpine() {
        return effectiveSpine;
    }

    public CharacterBible bible() {
        return bible;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public VideoParameters parameters() {
        return parameters;
    }

    public Optional<ModelSpec> model() {
        return catalog.model(parameters.model());
    }

    public CompiledPrompt prompt() {
        return prompt;
    }

    /** A compiled section ("" when the prompt has none). */
    public String section(PromptSection s) {
        return sections.getOrDefault(s, "");
    }

    /** The clip length the action and dialogue must fit (the model default when blank). */
    public int seconds() {
        return parameters.seconds() > 0 ? parameters.seconds() : 4;
    }

    /** Shot type and camera text as written. */
    String cameraText() {
        return (shot.shotType() + " " + shot.cameraMovement()).strip();
    }

    /** The camera moves of {@link #cameraText}, found once for the rules that ask (read-only). */
    List<String> cameraMoves() {
        if (cameraMoves == null) {
            cameraMoves = java.util.Collections.unmodifiableList(ShotCues.moves(cameraText()));
        }
        return cameraMoves;
    }

    /** All the prose the producer wrote, one text. */
    String prose() {
        return String.join("\n", shot.subjectAction(), shot.shotType(), shot.cameraMovement(), shot.settingTime(),
                shot.lightingPalette(), shot.styleTechnical(), shot.sound(), shot.audioCues(), shot.physics());
    }
}
