package io.dailies.shotlist.sheet;

import io.dailies.prompt.CharacterBible;
import io.dailies.prompt.StyleSpine;
import io.dailies.provider.catalog.ModelCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The project-wide sheets of a shot-list workbook, found by name or by content and read in one pass: the Characters sheet (the
 * {@link CharacterBible}), the Style Spine sheet (the {@link StyleSpine}) and the Settings sheet (the
 * {@link ProjectSettings}: name, shot defaults, budget). A workbook with only a Shots sheet gives an empty
 * bible, an empty spine and {@link ProjectSettings#NONE}.
 */
public record ProjectSheets(CharacterSheetReader.Result characters, StyleSpineSheetReader.Result styleSpine,
                            SettingsSheetReader.Result settings) {

    /** Characters and Style Spine only, as before the Settings sheet: no settings. */
    public ProjectSheets(CharacterSheetReader.Result characters, StyleSpineSheetReader.Result styleSpine) {
        this(characters, styleSpine, SettingsSheetReader.Result.absent());
    }

    /**
     * Reads the sheets, checking the Settings sheet against the catalog shipped on the classpath; where the
     * catalog in force may be another one ({@code dailies.catalog.file}), use {@link #read(Path, ModelCatalog)}.
     */
    public static ProjectSheets read(Path xlsx) throws IOException, ShotSheetFormatException {
        return read(xlsx, ModelCatalog.load());
    }

    /**
     * Reads the sheets, checking the Settings sheet's model, size and seconds against {@code catalog}; sheets that
     * look like a shot list are not taken for side sheets.
     */
    public static ProjectSheets read(Path xlsx, ModelCatalog catalog) throws IOException, ShotSheetFormatException {
        return read(xlsx, catalog, List.of());
    }

    /**
     * Reads the side sheets of a workbook whose shot list is on {@code shotSheets}. Each is found by its name, else by
     * what it holds (a Characters sheet by a name and description header, a Style Spine or Settings sheet by two or
     * more of its fields), names first: Characters, then Settings, then Style Spine.
     */
    public static ProjectSheets read(Path xlsx, ModelCatalog catalog, Collection<String> shotSheets)
            throws IOException, ShotSheetFormatException {
        if (WorkbookFileCheck.isCsvText(xlsx)) {
            // A CSV shot list has only shots: no bible, no spine, no settings.
            return new ProjectSheets(CharacterSheetReader.Result.absent(), StyleSpineSheetReader.Result.absent(),
                    SettingsSheetReader.Result.absent());
        }
        try (XlsxSheets workbook = SafeWorkbook.forReading(xlsx)) {
            SideSheet.Sheets sheets = new SideSheet.Sheets(workbook, shotSheets);
            // Sheets named for their part are taken first, so a sheet found by its content is never one named for another.
            SideSheet.Found characters = sheets.byName(CharacterSheetReader.SHEET_NAMES);
            SideSheet.Found settings = sheets.byName(SettingsSheetReader.SHEET_NAMES);
            SideSheet.Found spine = sheets.byName(StyleSpineSheetReader.SHEET_NAMES);
            characters = characters != null ? characters : sheets.byContent(CharacterSheetReader::looksLike);
            settings = settings != null ? settings : sheets.byContent(SettingsSheetReader::looksLike);
            spine = spine != null ? spine : sheets.byContent(StyleSpineSheetReader::looksLike);
            return new ProjectSheets(
                    characters == null ? CharacterSheetReader.Result.absent() : CharacterSheetReader.read(characters),
                    spine == null ? StyleSpineSheetReader.Result.absent() : StyleSpineSheetReader.read(spine),
                    settings == null ? SettingsSheetReader.Result.absent() : SettingsSheetReader.read(settings, catalog));
        }
    }

    public CharacterBible bible() {
        return characters.bible();
    }

    public StyleSpine spine() {
        return styleSpine.spine();
    }

    /** The Settings sheet's values; {@link ProjectSettings#NONE} without one. */
    public ProjectSettings projectSettings() {
        return settings.settings();
    }

    /** What blank Model, Size and Seconds cells become, for {@link ShotRowValidator}. */
    public ShotDefaults shotDefaults() {
        return settings.settings().shotDefaults();
    }

    /** Problems that should reject the import: Characters, then Style Spine, then Settings. */
    public List<CellIssue> errors() {
        List<CellIssue> all = new ArrayList<>(characters.errors());
        all.addAll(styleSpine.errors());
        all.addAll(settings.errors());
        return all;
    }

    public List<CellIssue> warnings() {
        List<CellIssue> all = new ArrayList<>(characters.warnings());
        all.addAll(styleSpine.warnings());
        all.addAll(settings.warnings());
        return all;
    }
}
