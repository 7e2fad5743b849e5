package io.dailies.shotlist.sheet;

import io.dailies.prompt.CharacterBible;
import io.dailies.prompt.StyleSpine;
import io.dailies.provider.catalog.ModelCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The project-wide sheets of a shot-list workbook, read in one pass: the Characters sheet (the
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

    /** Reads the sheets, checking the Settings sheet's model, size and seconds against {@code catalog}. */
    public static ProjectSheets read(Path xlsx, ModelCatalog catalog) throws IOException, ShotSheetFormatException {
        if (WorkbookFileCheck.isCsvText(xlsx)) {
            // A CSV shot list has only shots: no bible, no spine, no settings.
            return new ProjectSheets(CharacterSheetReader.Result.absent(), StyleSpineSheetReader.Result.absent(),
                    SettingsSheetReader.Result.absent());
        }
        try (Workbook wb = SideSheet.open(xlsx)) {
            return new ProjectSheets(CharacterSheetReader.read(wb), StyleSpineSheetReader.read(wb),
                    SettingsSheetReader.read(wb, catalog));
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
