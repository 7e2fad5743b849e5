package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.ShotContent;
import io.dailies.prompt.CharacterAnchor;
import io.dailies.prompt.CharacterBible;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptBook;
import io.dailies.prompt.PromptLinter;
import io.dailies.prompt.ShotSpec;
import io.dailies.prompt.StyleSpine;
import io.dailies.provider.catalog.ModelCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class PromptsAheadTest {

    static final PromptLinter LINTER = new PromptLinter(ModelCatalog.load());
    static final PromptBook.Look LOOK = new PromptBook.Look(
            new StyleSpine("35mm", "f/2.8", "", "fine film grain", List.of("amber", "cream", "walnut brown"), ""),
            CharacterBible.of(new CharacterAnchor("Queen", "a woman in her sixties with a silver braided crown, a burgundy "
                    + "velvet gown and a jade ring", "refs/queen.png")));

    static ShotContent content(int i) {
        return new ShotContent("The queen takes " + (i % 5 + 2) + " slow steps to the window, pauses, and turns.",
                "Wide shot, low angle; slow dolly-in", "The throne room at dawn", "Soft window light from frame left",
                null, i % 2 == 0 ? "Queen: 'Bring me the traitor.'" : null, "sora-2", "1280x720", 4);
    }

    static LintReport direct(ShotContent c, String sequence, String shot) {
        return LINTER.lint(ShotSpec.of(c, sequence, shot), LOOK.spine(), LOOK.bible());
    }

    @Test
    void workersCompileWhatTheWriterWouldHaveCompiled() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PromptsAhead ahead = new PromptsAhead(pool, 2, LINTER);
            List<PromptsAhead.Job> jobs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                jobs.add(ahead.submit(content(i), "Castle", "SC1-" + i, LOOK));
            }
            for (int i = 0; i < 300; i++) {
                LintReport expected = direct(content(i), "Castle", "SC1-" + i);
                assertEquals(expected.prompt(), jobs.get(i).report().prompt());
                assertEquals(expected.findings(), jobs.get(i).report().findings());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPromptNoWorkerTookIsCompiledByTheWriter() {
        PromptsAhead ahead = new PromptsAhead(task -> {
            throw new RejectedExecutionException("shutting down");
        }, 2, LINTER);
        PromptsAhead.Job job = ahead.submit(content(1), "Castle", "SC1-01", LOOK);
        assertEquals(direct(content(1), "Castle", "SC1-01").prompt(), job.report().prompt());
    }

    @Test
    void aJobIsOnlyForTheShotItWasCompiledFor() {
        PromptsAhead.Job job = new PromptsAhead(Runnable::run, 1, LINTER).submit(content(1), "Castle", "SC1-01", LOOK);
        assertTrue(job.isFor(content(1), "Castle", "SC1-01", LOOK));
        assertFalse(job.isFor(content(1), "castle", "SC1-01", LOOK), "a stored sequence spelt otherwise");
        assertFalse(job.isFor(content(1), "Castle", "sc1-01", LOOK));
        assertFalse(job.isFor(content(2), "Castle", "SC1-01", LOOK));
        assertFalse(job.isFor(content(1), "Castle", "SC1-01", new PromptBook.Look(StyleSpine.EMPTY, LOOK.bible())));
    }
}
