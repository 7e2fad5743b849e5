package io.dailies.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The style-spine fields one shot changes on purpose, as written in its Overrides cell.
 *
 * <p>Syntax, made for a spreadsheet cell: {@code field: value} entries separated by {@code ;} or line
 * breaks, e.g. {@code lens: 85mm; palette: teal, sand, rust}. Field names are case-insensitive and
 * accept the usual synonyms ({@code f-stop} for aperture, {@code colour grade} for grade, {@code palette
 * anchors} for palette, see {@link SpineField}); {@code =} works as well as {@code :}. The value
 * {@code none} (or {@code off}, {@code -}) clears the field for this shot: the compiler then adds
 * nothing for it (it never edits the producer's own text). A field may appear once.
 *
 * @param values overridden fields in {@link SpineField} order; "" means cleared ("none")
 */
public record SpineOverrides(Map<SpineField, String> values) {

    /** No overrides: the shot follows the spine. */
    public static final SpineOverrides NONE = new SpineOverrides(Map.of());

    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("\\s*(?:;|\\R)\\s*");
    private static final Pattern KEY_VALUE = Pattern.compile("^([^:=]{1,40}?)\\s*[:=]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern CLEARED = Pattern.compile("(?i)none|off|no|-|\u2013|\u2014|n/a|clear");
    private static final Pattern LOOKS_LIKE_LENS = Pattern.compile("(?i)\\d{2,3}(?:\\.\\d)?\\s?mm");
    private static final Pattern LOOKS_LIKE_APERTURE = Pattern.compile("(?i)f\\s?/\\s?\\d+(?:\\.\\d+)?");

    public SpineOverrides {
        EnumMap<SpineField, String> copy = new EnumMap<>(SpineField.class);
        values.forEach((k, v) -> copy.put(k, v == null ? "" : v.strip()));
        values = Collections.unmodifiableMap(copy);
    }

    /** The result of reading an Overrides cell: what could be read, and a message per entry that could not. */
    public record Parsed(SpineOverrides overrides, List<String> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads an Overrides cell; blank → {@link #NONE}. Problems are phrased for the producer. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(NONE, List.of());
        }
        EnumMap<SpineField, String> values = new EnumMap<>(SpineField.class);
        List<String> problems = new ArrayList<>();
        for (String raw : ENTRY_SEPARATOR.split(text.strip())) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            var m = KEY_VALUE.matcher(entry);
            if (!m.matches()) {
                problems.add("'" + entry + "' names no field: write it as " + suggestion(entry)
                        + " (fields: " + SpineField.allKeys() + ")");
                continue;
            }
            String name = m.group(1).strip();
            String value = m.group(2).strip();
            Optional<SpineField> field = SpineField.forName(name);
            if (field.isEmpty()) {
                problems.add("'" + name + "' is not a style-spine field; use " + SpineField.allKeys()
                        + ", e.g. 'lens: 85mm; palette: teal, sand, rust'");
                continue;
            }
            if (value.isEmpty()) {
                problems.add("'" + name + "' has no value: write e.g. '" + example(field.get())
                        + "', or 'none' to leave it out of this shot");
                continue;
            }
            if (values.containsKey(field.get())) {
                problems.add("'" + field.get().overrideKey() + "' is overridden twice: keep one");
                continue;
            }
            values.put(field.get(), normalise(field.get(), value));
        }
        return new Parsed(new SpineOverrides(values), problems);
    }

    /** Reads an Overrides cell, ignoring entries that cannot be read (the importer reports them). */
    public static SpineOverrides of(String text) {
        return parse(text).overrides();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(SpineField field) {
        return values.containsKey(field);
    }

    /** The overriding value; "" when the shot clears the field; empty when the shot follows the spine. */
    public Optional<String> get(SpineField field) {
        return Optional.ofNullable(values.get(field));
    }

    /** These overrides with one field set (value "none" or "" clears it). */
    public SpineOverrides with(SpineField field, String value) {
        EnumMap<SpineField, String> copy = new EnumMap<>(SpineField.class);
        copy.putAll(values);
        copy.put(field, value == null ? "" : normalise(field, value.strip()));
        return new SpineOverrides(copy);
    }

    /** These overrides without the field: the shot follows the spine for it again. */
    public SpineOverrides without(SpineField field) {
        EnumMap<SpineField, String> copy = new EnumMap<>(SpineField.class);
        copy.putAll(values);
        copy.remove(field);
        return new SpineOverrides(copy);
    }

    /** The canonical cell text, fields in spine order: {@code lens: 85mm; palette: teal, sand, rust}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        values.forEach((f, v) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(f.overrideKey()).append(": ").append(v.isEmpty() ? "none" : v);
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String normalise(SpineField field, String value) {
        if (CLEARED.matcher(value).matches()) {
            return "";
        }
        if (field == SpineField.PALETTE) {
            return String.join(", ", StyleSpine.paletteList(value));
        }
        return ShotCues.oneSpace(value);
    }

    private static String suggestion(String entry) {
        if (LOOKS_LIKE_LENS.matcher(entry).find()) {
            return "'lens: " + entry + "'";
        }
        if (LOOKS_LIKE_APERTURE.matcher(entry).find()) {
            return "'aperture: " + entry + "'";
        }
        if (entry.contains(",")) {
            return "'palette: " + entry + "'";
        }
        return "'field: value', e.g. 'lens: 85mm'";
    }

    private static String example(SpineField f) {
        return switch (f) {
            case LENS -> "lens: 85mm";
            case APERTURE -> "aperture: f/2.8";
            case CAMERA_LANGUAGE -> "camera language: handheld documentary coverage";
            case GRADE -> "grade: bleach bypass, crushed blacks";
            case PALETTE -> "palette: teal, sand, rust";
            case STABILITY -> "stability: steady gimbal, stable horizon, no jitter";
        };
    }
}
