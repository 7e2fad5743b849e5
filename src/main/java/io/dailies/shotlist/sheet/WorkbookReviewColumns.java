package io.dailies.shotlist.sheet;

import io.dailies.core.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The producer's review, typed into the workbook Dailies wrote back (the write-back of the report component) and
 * uploaded again as the shot list. On that upload Dailies' own columns come back as unknown columns of
 * each row ({@link ShotRowData#extras()}); this tells them apart from the producer's own columns and reads
 * the row's Verdict and Notes as a {@link WorkbookReview} of its selected take. Pure: whether the review
 * differs from the take's current verdict and notes, and recording it, is the import's business.
 *
 * <p>Which extras are Dailies' columns: those headed exactly like one of {@link #HEADERS} (ignoring case and
 * surrounding spaces), or like one with the reader's suffix for a repeated header ("Notes (AB)"), and only
 * when most of them ({@link #MIN_HEADERS}) are there, so a shot list with a Status
 * or Notes column of the producer's own is left alone. When a header appears twice (the producer's own
 * "Notes" and Dailies' "Notes"), Dailies' is the one further right: the write-back appends its columns to
 * the right of the producer's.
 */
public final class WorkbookReviewColumns {

    /** The headers of Dailies' write-back columns: exactly the ones the write-back writes. */
    public static final List<String> HEADERS = DailiesColumns.COLUMNS;
    /** How many of {@link #HEADERS} a header row needs for its columns to be taken as Dailies': a majority. */
    public static final int MIN_HEADERS = HEADERS.size() / 2 + 1;

    /** Words a producer may type in the Verdict column, by the verdict they mean; the first is the canonical one. */
    public static final Map<Verdict, List<String>> VERDICT_WORDS = verdictWords();

    /** "Notes (AB)": how the shot-sheet reader keys a repeated header. */
    private static final Pattern REPEATED = Pattern.compile("(.*?)\\s*\\(([A-Z]{1,3})\\)");
    /** "take 123" as the write-back writes the selected take; "#123" and "123" too. */
    private static final Pattern TAKE = Pattern.compile("(?i)(?:take\\s*)?#?\\s*(\\d{1,18})");

    private WorkbookReviewColumns() {
    }

    /**
     * A reviewer's verdict and notes from one row of the uploaded workbook.
     *
     * @param selectedTakeId the take the row's Selected take cell names ("take 123" → 123); null when blank or unreadable
     * @param videoId        the row's Video id cell; null when blank
     * @param verdict        the Verdict cell as a verdict; null when blank
     * @param notes          the Notes cell, trimmed; null when blank. It holds what Dailies wrote there too: see
     *                       {@link #notesAddedTo(String)}
     * @param sheet          the sheet's name as on its tab
     * @param row            1-based Excel row
     */
    public record WorkbookReview(Long selectedTakeId, String videoId, Verdict verdict, String notes, String sheet, int row)
            implements Serializable {

        /** Whether the row names a take the review can be recorded on. */
        public boolean hasTake() {
            return selectedTakeId != null || videoId != null;
        }

        /**
         * What the reviewer added to the notes Dailies wrote: the cell without {@code written} when the
         * reviewer only typed around it, the whole cell when they rewrote it, null when they left it as written.
         */
        public String notesAddedTo(String written) {
            if (notes == null) {
                return null;
            }
            String was = written == null ? "" : normalise(written);
            String now = normalise(notes);
            if (was.isEmpty()) {
                return notes;
            }
            if (now.equals(was)) {
                return null;
            }
            int at = now.indexOf(was);
            if (at < 0) {
                return notes;
            }
            String added = (now.substring(0, at) + "\n" + now.substring(at + was.length())).strip();
            return added.isEmpty() ? null : added;
        }

        private static String normalise(String s) {
            return s.replace("\r\n", "\n").replace('\r', '\n').strip();
        }
    }

    /**
     * What one row's extras hold.
     *
     * @param producerColumns the producer's own unknown columns, by header, in sheet order: what to keep as theirs
     * @param review          the review typed into the row; null when the row has none (not a write-back, no
     *                        take, or Verdict and Notes both blank)
     * @param errors          problems that should be fixed before the review counts (an unknown verdict word)
     * @param warnings        problems worth telling (a verdict on a row with no take)
     */
    public record Reading(Map<String, String> producerColumns, WorkbookReview review, List<CellIssue> errors,
                          List<CellIssue> warnings) {
        public Reading {
            producerColumns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(producerColumns));
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public Optional<WorkbookReview> reviewed() {
            return Optional.ofNullable(review);
        }
    }

    /**
     * Dailies' columns among a row's extras: the extras key of each Dailies header found, by header, in
     * {@link #HEADERS} order; empty when fewer than {@link #MIN_HEADERS} are found (not a write-back).
     */
    public static Map<String, String> dailiesColumns(Collection<String> extraKeys) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String header : HEADERS) {
            String key = null;
            for (String k : extraKeys) {
                if (names(k, header)) {
                    key = k; // the last one, the furthest right
                }
            }
            if (key != null) {
                found.put(header, key);
            }
        }
        return found.size() >= MIN_HEADERS ? found : Map.of();
    }

    /** Whether these extras keys are a write-back's: at least {@link #MIN_HEADERS} of Dailies' headers. */
    public static boolean isWriteBack(Collection<String> extraKeys) {
        return !dailiesColumns(extraKeys).isEmpty();
    }

    /** A row's extras without Dailies' columns: the producer's own unknown columns, in sheet order. */
    public static Map<String, String> producerColumns(Map<String, String> extras) {
        Map<String, String> own = new LinkedHashMap<>(extras);
        own.keySet().removeAll(dailiesColumns(extras.keySet()).values());
        return own;
    }

    /** Reads a validated shot's extras; {@code layout} gives the sheet's name and the columns' letters. */
    public static Reading read(ShotRowData shot, SheetLayout layout) {
        SheetLayout sheet = layout.of(shot.sourceSheet());
        return read(sheet.sheetName(), shot.sourceRow(), shot.extras(), sheet.extraLetters());
    }

    /**
     * Reads one row's extras.
     *
     * @param sheet   the sheet's name as on its tab, for issues
     * @param row     1-based Excel row, for issues
     * @param extras  the row's unknown columns by key, in sheet order ({@link ShotRowData#extras()})
     * @param letters Excel letter of each extras key ({@link SheetLayout#extraLetters()}); may be empty
     */
    public static Reading read(String sheet, int row, Map<String, String> extras, Map<String, String> letters) {
        Map<String, String> dailies = dailiesColumns(extras.keySet());
        Map<String, String> own = new LinkedHashMap<>(extras);
        own.keySet().removeAll(dailies.values());
        if (dailies.isEmpty()) {
            return new Reading(own, null, List.of(), List.of());
        }
        List<CellIssue> errors = new ArrayList<>();
        List<CellIssue> warnings = new ArrayList<>();
        String verdictKey = dailies.get(DailiesColumns.VERDICT);
        String verdictText = cell(extras, verdictKey);
        Verdict verdict = null;
        if (!verdictText.isEmpty()) {
            verdict = verdict(verdictText).orElse(null);
            if (verdict == null) {
                errors.add(new CellIssue(sheet, row, letter(verdictKey, letters), DailiesColumns.VERDICT, verdictText,
                        "Verdict '" + verdictText + "' is not a verdict: write " + acceptedWords() + ", or leave it empty"));
                return new Reading(own, null, errors, warnings);
            }
        }
        String notes = cell(extras, dailies.get(DailiesColumns.NOTES));
        Long takeId = takeId(cell(extras, dailies.get(DailiesColumns.SELECTED_TAKE)));
        String videoId = cell(extras, dailies.get(DailiesColumns.VIDEO_ID));
        WorkbookReview review = new WorkbookReview(takeId, videoId.isEmpty() ? null : videoId, verdict,
                notes.isEmpty() ? null : notes, sheet, row);
        if (!review.hasTake()) {
            if (verdict != null) {
                warnings.add(new CellIssue(sheet, row, letter(verdictKey, letters), DailiesColumns.VERDICT, verdictText,
                        "Verdict " + verdict + " is on a shot with no take (its Selected take and Video id are empty): "
                                + "it is ignored; review the shot once it has been rendered"));
            }
            return new Reading(own, null, errors, warnings);
        }
        if (verdict == null && review.notes() == null) {
            return new Reading(own, null, errors, warnings);
        }
        return new Reading(own, review, errors, warnings);
    }

    /** The verdict a word stands for, ignoring case, spaces and punctuation ("Accept", "re-take", "Needs review"). */
    public static Optional<Verdict> verdict(String word) {
        String key = key(word);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<Verdict, List<String>> e : VERDICT_WORDS.entrySet()) {
            for (String w : e.getValue()) {
                if (key(w).equals(key)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** "take 123" → 123; null when blank or not a take number. */
    public static Long takeId(String cell) {
        Matcher m = TAKE.matcher(cell.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether an extras key is this Dailies header, as is or with the suffix of a repeated header. */
    private static boolean names(String key, String header) {
        String k = key.strip();
        if (k.equalsIgnoreCase(header)) {
            return true;
        }
        Matcher m = REPEATED.matcher(k);
        return m.matches() && m.group(1).strip().equalsIgnoreCase(header);
    }

    private static String cell(Map<String, String> extras, String key) {
        String v = key == null ? null : extras.get(key);
        return v == null ? "" : v.strip();
    }

    /** The key's letter from the layout, else from a repeated header's suffix; null when unknown. */
    private static String letter(String key, Map<String, String> letters) {
        String letter = letters.get(key);
        if (letter == null) {
            Matcher m = REPEATED.matcher(key.strip());
            letter = m.matches() ? m.group(2) : null;
        }
        return letter;
    }

    /** "ACCEPT, RETAKE or REVIEW (also accepted: accepted, approve, ...)". */
    public static String acceptedWords() {
        List<String> canonical = new ArrayList<>();
        List<String> others = new ArrayList<>();
        VERDICT_WORDS.forEach((v, words) -> {
            canonical.add(v.name());
            others.addAll(words.subList(1, words.size()));
        });
        return String.join(", ", canonical.subList(0, canonical.size() - 1)) + " or " + canonical.get(canonical.size() - 1)
                + " (also accepted: " + String.join(", ", others) + ")";
    }

    private static String key(String word) {
        return word == null ? "" : word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Map<Verdict, List<String>> verdictWords() {
        Map<Verdict, List<String>> words = new EnumMap<>(Verdict.class);
        words.put(Verdict.ACCEPT, List.of("ACCEPT", "accepted", "approve", "approved", "ok", "pass", "passed", "keep"));
        words.put(Verdict.RETAKE, List.of("RETAKE", "redo", "reshoot", "reject", "rejected", "fail", "failed"));
        words.put(Verdict.REVIEW, List.of("REVIEW", "needs review", "to review", "check", "hold", "on hold"));
        return java.util.Collections.unmodifiableMap(words);
    }
}
