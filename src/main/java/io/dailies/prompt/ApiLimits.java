package io.dailies.prompt;

import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.provider.catalog.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The catalog's limits as lint rules: the API refuses a request that breaks one, so each is an ERROR. */
final class ApiLimits {

    private ApiLimits() {
    }

    static final LintRule MODEL_UNKNOWN = new LintRule("MODEL-UNKNOWN", Severity.ERROR, PromptSection.ACTION,
            "The model is not in the model catalog, so there is nothing to send the shot to.",
            "Set Model to one of the catalog's models, or leave it blank for the default.",
            c -> model(c.parameters(), c.catalog()));

    static final LintRule SIZE_UNSUPPORTED = new LintRule("SIZE-UNSUPPORTED", Severity.ERROR, PromptSection.ACTION,
            "The size is not one the model renders.",
            "Pick one of the model's sizes, or a model that renders this size.",
            c -> size(c.parameters(), c.catalog()));

    static final LintRule DURATION_UNSUPPORTED = new LintRule("DURATION-UNSUPPORTED", Severity.ERROR, PromptSection.ACTION,
            "The length in seconds is not one the model renders.",
            "Set Seconds to one of the model's lengths (4, 8, 12, 16 or 20 for sora-2); split a longer shot.",
            c -> seconds(c.parameters(), c.catalog()));

    static final LintRule CHARACTER_REFS = new LintRule("CHARACTER-REFS-TOO-MANY", Severity.ERROR, PromptSection.CHARACTERS,
            "More character references than the model takes per generation.",
            "Keep at most the model's limit in Characters (two for sora-2); the others are still described in words.",
            c -> characters(c.parameters(), c.catalog()));

    static final LintRule PROMPT_TOO_LONG = new LintRule("PROMPT-TOO-LONG", Severity.ERROR, PromptSection.ACTION,
            "The compiled prompt is longer than the model accepts.",
            "Shorten the longest pillar; one clear action, one move and a few cues are enough.",
            c -> length(c.parameters(), c.catalog(), c.prompt().text()));

    static final List<LintRule> RULES = List.of(MODEL_UNKNOWN, SIZE_UNSUPPORTED, DURATION_UNSUPPORTED, CHARACTER_REFS, PROMPT_TOO_LONG);

    static List<LintFinding> check(VideoParameters p, ModelCatalog catalog, String prompt) {
        List<LintFinding> out = new ArrayList<>();
        model(p, catalog).forEach(h -> out.add(MODEL_UNKNOWN.finding(h)));
        size(p, catalog).forEach(h -> out.add(SIZE_UNSUPPORTED.finding(h)));
        seconds(p, catalog).forEach(h -> out.add(DURATION_UNSUPPORTED.finding(h)));
        characters(p, catalog).forEach(h -> out.add(CHARACTER_REFS.finding(h)));
        if (prompt != null) {
            length(p, catalog, prompt).forEach(h -> out.add(PROMPT_TOO_LONG.finding(h)));
        }
        return out;
    }

    private static Optional<ModelSpec> spec(VideoParameters p, ModelCatalog catalog) {
        return catalog.model(p.model());
    }

    static List<LintRule.Hit> model(VideoParameters p, ModelCatalog catalog) {
        if (spec(p, catalog).isPresent()) {
            return List.of();
        }
        return List.of(new LintRule.Hit("Model '" + p.model() + "' is not in the model catalog.",
                "Set Model to one of: " + String.join(", ", catalog.names()) + " (blank means "
                        + catalog.defaultModel().name() + ")."));
    }

    static List<LintRule.Hit> size(VideoParameters p, ModelCatalog catalog) {
        Optional<ModelSpec> m = spec(p, catalog);
        if (m.isEmpty() || m.get().allowsSize(p.size())) {
            return List.of();
        }
        List<String> others = catalog.models().stream().filter(s -> s.allowsSize(p.size())).map(ModelSpec::name).toList();
        return List.of(new LintRule.Hit((p.size().isEmpty() ? "No size is set" : "Size " + p.size() + " is not available")
                + " for " + m.get().name() + ".",
                "Use one of " + String.join(", ", m.get().sizes())
                        + (others.isEmpty() ? "." : ", or set Model to " + String.join(" or ", others) + ".")));
    }

    static List<LintRule.Hit> seconds(VideoParameters p, ModelCatalog catalog) {
        Optional<ModelSpec> m = spec(p, catalog);
        if (m.isEmpty() || m.get().allowsSeconds(p.seconds())) {
            return List.of();
        }
        int longest = m.get().seconds().stream().mapToInt(Integer::intValue).max().orElse(0);
        return List.of(new LintRule.Hit(m.get().name() + " does not render " + p.seconds() + "-second clips.",
                "Set Seconds to one of " + m.get().seconds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + (p.seconds() > longest ? "; split a longer shot over several rows." : ".")));
    }

    static List<LintRule.Hit> characters(VideoParameters p, ModelCatalog catalog) {
        Optional<ModelSpec> m = spec(p, catalog);
        if (m.isEmpty() || p.characterIds().size() <= m.get().maxCharacters()) {
            return List.of();
        }
        int max = m.get().maxCharacters();
        return List.of(new LintRule.Hit("Characters lists " + p.characterIds().size() + " characters to reference ("
                + String.join(", ", p.characterIds()) + "); " + m.get().name() + " takes at most " + max + " per generation.",
                max == 0 ? "Empty the Characters cell: " + m.get().name() + " takes no character references."
                        : "Keep the " + (max == 1 ? "one" : max) + " who matter most in Characters; the others are still "
                        + "described in words wherever the text names them."));
    }

    static List<LintRule.Hit> length(VideoParameters p, ModelCatalog catalog, String prompt) {
        Optional<ModelSpec> m = spec(p, catalog);
        if (m.isEmpty() || prompt.length() <= m.get().maxPromptLength()) {
            return List.of();
        }
        return List.of(LintRule.Hit.of(String.format(Locale.US, "The compiled prompt is %,d characters; %s accepts at most %,d.",
                prompt.length(), m.get().name(), m.get().maxPromptLength())));
    }
}
