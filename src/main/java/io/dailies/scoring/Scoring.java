package io.dailies.scoring;

import io.dailies.core.Score;
import io.dailies.core.Take;
import io.dailies.prompt.PaletteAnchors;
import io.dailies.scoring.media.CriterionScore;
import io.dailies.scoring.media.TakeExpectation;
import io.dailies.scoring.media.TakeMeasurements;
import io.dailies.scoring.media.TakeScore;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** What a take was asked to be, and how a score is stored; shared by the scoring steps. */
final class Scoring {

    static final Jsonb JSON = JsonbBuilder.create();

    private Scoring() {
    }

    static TakeExpectation expectation(Take take) {
        List<Integer> palette = new ArrayList<>();
        for (String name : PaletteAnchors.parse(take.getPrompt())) {
            OptionalInt rgb = PaletteAnchors.rgb(name);
            if (rgb.isPresent()) {
                palette.add(rgb.getAsInt());
            }
        }
        String size = take.getSize();
        int x = size.indexOf('x');
        return new TakeExpectation(Integer.parseInt(size.substring(0, x)), Integer.parseInt(size.substring(x + 1)),
                take.getSeconds(), palette, take.getPrompt().contains("<dialogue>")).withCuesFrom(take.getPrompt());
    }

    static String toJson(TakeMeasurements m) {
        return JSON.toJson(m);
    }

    static TakeMeasurements measurements(Score score) {
        return JSON.fromJson(score.getMeasurements(), TakeMeasurements.class);
    }

    static void apply(TakeScore s, Score score) {
        set(s.promptAdherence(), score::setPromptAdherence);
        set(s.motionQuality(), score::setMotionQuality);
        set(s.physicalRealism(), score::setPhysicalRealism);
        set(s.continuity(), score::setContinuity);
        set(s.audioSync(), score::setAudioSync);
        score.setOutcome(s.overall(), s.verdict() == null ? null : s.verdict().name(),
                s.recommendations() == null ? null : String.join("\n", s.recommendations()));
    }

    private interface Setter {
        void set(Integer score, String note);
    }

    private static void set(CriterionScore c, Setter setter) {
        if (c == null) {
            setter.set(null, "not measured");
        } else {
            setter.set(c.score(), c.note());
        }
    }
}
