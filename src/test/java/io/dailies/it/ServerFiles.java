package io.dailies.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The test server's own files as a test sees them from outside: its base dir (it.server.base), which no
 * answer, report or workbook may name, the files it stores, and its log.
 */
public final class ServerFiles {

    private ServerFiles() {
    }

    /** The server's base dir, as configured and as the file system resolves it (both must stay on the server). */
    public static Set<String> serverPaths() {
        Set<String> paths = new LinkedHashSet<>();
        Path base = Path.of(System.getProperty("it.server.base", "target/it-server"));
        paths.add(base.toAbsolutePath().normalize().toString());
        try {
            paths.add(base.toRealPath().toString());
        } catch (IOException e) {
            // not there yet: the configured path is enough
        }
        return paths;
    }

    /** Fails when the text names the server's base dir (its storage folder, data dir or log lie under it). */
    public static void assertNoServerPath(String where, String text) {
        for (String path : serverPaths()) {
            assertFalse(text != null && text.contains(path), where + " names the server's path " + path + ": " + text);
        }
    }

    /** Every cell of every sheet of an .xlsx, as text, each checked to name no server path. */
    public static List<String> assertNoServerPathInWorkbook(String where, byte[] xlsx) {
        List<String> cells = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = format.formatCellValue(cell);
                        assertNoServerPath(where + " " + sheet.getSheetName() + "!" + cell.getAddress(), text);
                        if (cell.getCellComment() != null) {
                            assertNoServerPath(where + " comment " + cell.getAddress(), cell.getCellComment().getString().getString());
                        }
                        cells.add(text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }

    /**
     * A file the server stored, from the path an answer or a report gives for it: relative to the storage
     * folder, which is under the server's data dir (where exactly is the server's configuration).
     */
    public static Path stored(String relative) {
        assertFalse(Path.of(relative).isAbsolute(), "a stored file is named relative to the storage folder: " + relative);
        Path data = Path.of(System.getProperty("it.server.base", "target/it-server"), "data");
        try (var found = Files.find(data, 4, (p, a) -> a.isDirectory() && Files.exists(p.resolve(relative)))) {
            return found.findFirst().map(p -> p.resolve(relative))
                    .orElseGet(() -> fail("no stored file " + relative + " under " + data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's log (every boot of this base dir). */
    public static String log() {
        try {
            return Files.readString(Path.of(System.getProperty("it.server.base", "target/it-server"), "log", "server.log"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the server's log has a line with the text. */
    public static void assertLogged(String text, String why) {
        assertTrue(log().contains(text), why + ": '" + text + "' is not in the server log");
    }
}
