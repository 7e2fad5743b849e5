package io.dailies.shotlist.sheet;

import java.util.List;

/**
 * The columns Dailies adds to a producer's workbook when it writes the results back, and the summary
 * sheet it adds. Part of the shot list format: the write-back writes them, and an import of a
 * written-back workbook reads the Verdict and Notes a reviewer typed into them.
 */
public final class DailiesColumns {

    private DailiesColumns() {
    }

    public static final String SUMMARY_SHEET = "Dailies";
    public static final String STATUS = "Status";
    public static final String TAKES = "Takes";
    public static final String SELECTED_TAKE = "Selected take";
    public static final String VIDEO_ID = "Video id";
    public static final String COST = "Cost";
    public static final String PROMPT_ADHERENCE = "Prompt adherence";
    public static final String MOTION_QUALITY = "Motion quality";
    public static final String PHYSICAL_REALISM = "Physical realism";
    public static final String CONTINUITY = "Continuity";
    public static final String AUDIO_SYNC = "Audio sync";
    public static final String OVERALL = "Overall";
    public static final String VERDICT = "Verdict";
    public static final String NOTES = "Notes";
    public static final String THUMBNAIL = "Thumbnail";
    public static final String CONSOLE_LINK = "Console link";
    /** The Dailies columns, in the order they are appended. */
    public static final List<String> COLUMNS = List.of(STATUS, TAKES, SELECTED_TAKE, VIDEO_ID, COST,
            PROMPT_ADHERENCE, MOTION_QUALITY, PHYSICAL_REALISM, CONTINUITY, AUDIO_SYNC, OVERALL, VERDICT, NOTES,
            THUMBNAIL, CONSOLE_LINK);
}
