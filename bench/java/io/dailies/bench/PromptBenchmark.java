package io.dailies.bench;

import io.dailies.core.ShotContent;
import io.dailies.prompt.CharacterAnchor;
import io.dailies.prompt.CharacterBible;
import io.dailies.prompt.LintFinding;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptLinter;
import io.dailies.prompt.ShotSpec;
import io.dailies.prompt.StyleSpine;
import io.dailies.provider.catalog.ModelCatalog;
import io.dailies.shotlist.sheet.ShotColumn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Compiles and lints the benchmark shot list's prompts, nothing else: the part of the server import that
 * {@code PromptBook.refresh} does for every row. Prints microseconds per shot for each round and a digest
 * of every prompt and finding, which must not change when the compiler or the linter is made faster.
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS io.dailies.bench.PromptBenchmark [SEQUENCES] [SHOTS] [ROUNDS]</pre>
 */
public final class PromptBenchmark {

    public static void main(String[] args) throws Exception {
        int sequences = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int shots = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<ShotSpec> specs = specs(sequences, shots);
        CharacterBible bible = bible();
        StyleSpine spine = spine();
        PromptLinter linter = new PromptLinter(ModelCatalog.load());
        for (int round = 1; round <= rounds; round++) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            for (ShotSpec spec : specs) {
                LintReport report = linter.lint(spec, spine, bible);
                digest.update(report.prompt().text().getBytes(StandardCharsets.UTF_8));
                for (LintFinding f : report.findings()) {
                    digest.update((f.ruleId() + f.severity() + f.message() + f.fix()).getBytes(StandardCharsets.UTF_8));
                }
            }
            double micros = (System.nanoTime() - start) / 1e3 / specs.size();
            double cpuMicros = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e3 / specs.size();
            System.out.printf("round %d: %,d shots, %.1f us a shot (%,.0f shots/s), %.1f us of CPU, digest %s%n", round, specs.size(),
                    micros, 1e6 / micros, cpuMicros, HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        }
    }

    /** The shots as the load step hands them to the compiler: blank cells filled from the Settings sheet. */
    static List<ShotSpec> specs(int sequences, int shots) {
        List<ShotSpec> out = new ArrayList<>();
        for (int s = 0; s < sequences; s++) {
            ShotListWorkbook.Sequence seq = ShotListWorkbook.sequence(s);
            for (int k = 0; k < shots; k++) {
                ShotListWorkbook.ShotRow r = ShotListWorkbook.row(seq, s, k);
                ShotContent c = new ShotContent(blank(r.value(ShotColumn.SUBJECT_ACTION)), blank(r.value(ShotColumn.CAMERA_MOVEMENT)),
                        blank(r.value(ShotColumn.SETTING_TIME)), blank(r.value(ShotColumn.LIGHTING_PALETTE)),
                        blank(r.value(ShotColumn.STYLE_TECHNICAL)), blank(r.value(ShotColumn.DIALOGUE)),
                        r.value(ShotColumn.MODEL).isEmpty() ? "sora-2" : r.value(ShotColumn.MODEL),
                        r.value(ShotColumn.SIZE).isEmpty() ? "1280x720" : r.value(ShotColumn.SIZE),
                        r.seconds() == null ? 4 : r.seconds(), blank(r.value(ShotColumn.SHOT_TYPE)), blank(r.value(ShotColumn.SOUND)),
                        blank(r.value(ShotColumn.AUDIO_CUES)), blank(r.value(ShotColumn.PHYSICS)), blank(r.value(ShotColumn.CHARACTERS)),
                        blank(r.value(ShotColumn.OVERRIDES)), blank(r.value(ShotColumn.INPUT_REFERENCE)));
                out.add(ShotSpec.of(c, r.sequence(), r.shotCode()));
            }
        }
        return out;
    }

    static CharacterBible bible() {
        List<CharacterAnchor> list = new ArrayList<>();
        for (ShotListWorkbook.Character c : ShotListWorkbook.CHARACTERS) {
            list.add(new CharacterAnchor(c.name(), c.description(), c.reference(),
                    c.aliases().isBlank() ? List.of() : Arrays.stream(c.aliases().split(",")).map(String::strip).toList()));
        }
        return CharacterBible.of(list);
    }

    static StyleSpine spine() {
        return new StyleSpine("35mm", "f/2.8", "anamorphic 2.39:1 feel", "fine film grain, natural contrast",
                Arrays.stream(ShotListWorkbook.SPINE_PALETTE.split(",")).map(String::strip).toList(),
                "steady gimbal, stable horizon, no jitter");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private PromptBenchmark() {
    }
}
