package io.dailies.shotlist;

import io.dailies.core.CompiledPrompt;
import io.dailies.prompt.LintFinding;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptSection;
import io.dailies.prompt.Severity;
import io.dailies.shotlist.sheet.ShotRowData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows the validation pass found valid, kept in a file beside the upload for the load pass, so the load pass
 * neither reads the workbook nor checks its rows again: what is stored is exactly what was checked. A row may carry
 * its prompt, compiled and linted during the validation pass (against the same workbook's look), so the load pass
 * only stores it. The file lasts from the validation pass to the end of the import (a crash in between leaves it for
 * the restart).
 */
final class CheckedRows {

    /** What starts each row: a file cut short in the middle of one is told apart from its end. */
    private static final int ROW = 0x52;

    private CheckedRows() {
    }

    /** The file of an import whose upload is stored at {@code upload}. */
    static Path of(String upload) {
        return Path.of(upload + ".checked");
    }

    /** Writes the checked rows from the first one on, replacing what an earlier attempt wrote. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;

        Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16));
        }

        void write(ShotRowData r) throws IOException {
            write(r, null);
        }

        /** A row and, when it was compiled already, its prompt and lint findings. */
        void write(ShotRowData r, LintReport report) throws IOException {
            out.writeByte(ROW);
            for (String text : new String[]{r.sequence(), r.shotCode(), r.subjectAction(), r.cameraMovement(), r.settingTime(),
                    r.lightingPalette(), r.styleTechnical(), r.dialogue(), r.shotType(), r.sound(), r.audioCues(), r.physics(),
                    r.characters(), r.overrides(), r.inputReference(), r.model(), r.size(), r.sourceSheet()}) {
                text(text);
            }
            out.writeInt(r.seconds());
            out.writeInt(r.sourceRow());
            out.writeInt(r.extras().size());
            for (Map.Entry<String, String> e : r.extras().entrySet()) {
                text(e.getKey());
                text(e.getValue());
            }
            out.writeBoolean(report != null);
            if (report != null) {
                text(report.shot());
                text(report.prompt().text());
                text(report.prompt().hash());
                text(report.prompt().compilerVersion());
                out.writeInt(report.findings().size());
                for (LintFinding f : report.findings()) {
                    text(f.ruleId());
                    text(f.severity() == null ? null : f.severity().name());
                    text(f.section() == null ? null : f.section().name());
                    text(f.message());
                    text(f.fix());
                }
            }
        }

        /** A text of any length (writeUTF stops at 64 KB; a cell holds up to 32,767 characters), or null. */
        private void text(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** At a chunk's end: what the chunk checked is on disk before its transaction commits. */
        void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** A checked row, with its prompt when the validation pass compiled it (else null). */
    record Checked(ShotRowData row, LintReport report) {
    }

    /** Reads the checked rows in order. */
    static final class Reader implements AutoCloseable {
        private final DataInputStream in;

        Reader(Path file) throws IOException {
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (NoSuchFileException e) {
                throw new IOException("The checked rows of this import are gone (" + file.getFileName()
                        + "): upload the workbook again", e);
            }
        }

        /** The next row, or null after the last. */
        Checked next() throws IOException {
            int mark = in.read();
            if (mark < 0) {
                return null;
            }
            if (mark != ROW) {
                throw new IOException("The checked rows of this import are damaged: upload the workbook again");
            }
            String[] t = new String[18];
            for (int i = 0; i < t.length; i++) {
                t[i] = text();
            }
            int seconds = in.readInt();
            int sourceRow = in.readInt();
            int extrasCount = in.readInt();
            Map<String, String> extras = new LinkedHashMap<>();
            for (int i = 0; i < extrasCount; i++) {
                extras.put(text(), text());
            }
            ShotRowData row = new ShotRowData(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12],
                    t[13], t[14], t[15], t[16], seconds, sourceRow, extras, t[17]);
            return new Checked(row, in.readBoolean() ? report() : null);
        }

        private LintReport report() throws IOException {
            String shot = text();
            CompiledPrompt prompt = new CompiledPrompt(text(), text(), text());
            int count = in.readInt();
            List<LintFinding> findings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String rule = text();
                String severity = text();
                String section = text();
                findings.add(new LintFinding(rule, severity == null ? null : Severity.valueOf(severity),
                        section == null ? null : PromptSection.valueOf(section), text(), text()));
            }
            return new LintReport(shot, prompt, findings);
        }

        private String text() throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new EOFException("a row of the checked rows is cut short");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
