package io.dailies.shotlist.sheet;

import io.dailies.prompt.CharacterBible;
import io.dailies.prompt.StyleSpine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The project-wide sheets of a shot-list workbook, read in one pass: the Characters sheet (the
 * {@link CharacterBible}) and the Style Spine sheet (the {@link StyleSpine}). A workbook with only a Shots
 * sheet gives an empty bible and an empty spine.
 */
public record ProjectSheets(CharacterSheetReader.Result characters, StyleSpineSheetReader.Result styleSpine) {

    public static ProjectSheets read(Path xlsx) throws IOException, ShotSheetFormatException {
        if (WorkbookFileCheck.isCsvText(xlsx)) {
            // A CSV shot list has only shots: no bible, no spine.
            return new ProjectSheets(CharacterSheetReader.Result.absent(), StyleSpineSheetReader.Result.absent());
        }
        try (Workbook wb = SideSheet.open(xlsx)) {
            return new ProjectSheets(CharacterSheetReader.read(wb), StyleSpineSheetReader.read(wb));
        }
    }

    public CharacterBible bible() {
        return characters.bible();
    }

    public StyleSpine spine() {
        return styleSpine.spine();
    }

    /** Problems that should reject the import, Characters first. */
    public List<CellIssue> errors() {
        List<CellIssue> all = new ArrayList<>(characters.errors());
        all.addAll(styleSpine.errors());
        return all;
    }

    public List<CellIssue> warnings() {
        List<CellIssue> all = new ArrayList<>(characters.warnings());
        all.addAll(styleSpine.warnings());
        return all;
    }
}
