package io.dailies.schedule;

import io.dailies.core.Run;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A schedule as the API takes it: {"days":["MON",...], "start":"22:00", "end":"06:00", "zone":"Europe/Paris",
 * "budgetUsd":40, "mode":"auto|sync|batch", "shots":"pending|failed|all", "recipients":["ana@example.com"],
 * "paused":false}. Every field is checked and every mistake answered at once, 400 in the API's problem shape
 * with each field named (as Bean Validation answers elsewhere: {"fields":[{"field","message"}]}).
 */
public final class ScheduleRequest {

    /** HH:MM, or HH:MM:SS for a window that must open on a given second (tests, rehearsals). */
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000");

    /** A valid request, parsed. {@code mode} null is auto. */
    public record Parsed(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone, BigDecimal budgetUsd,
                         Run.Mode mode, Run.Shots shots, List<String> recipients, boolean paused) {
    }

    private ScheduleRequest() {
    }

    /** The schedule the body asks for; 400 naming every field that is missing or wrong. */
    public static Parsed parse(JsonObject body) {
        if (body == null) {
            throw problem(Map.of("body", "The request needs a JSON body."));
        }
        Map<String, String> wrong = new LinkedHashMap<>();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonValue d = body.get("days");
        if (d == null || d.getValueType() != JsonValue.ValueType.ARRAY || d.asJsonArray().isEmpty()) {
            wrong.put("days", "is required: a list of days such as [\"MON\",\"TUE\"] (MON ... SUN)");
        } else {
            for (JsonValue v : d.asJsonArray()) {
                DayOfWeek day = v instanceof JsonString s ? dayOrNull(s.getString()) : null;
                if (day == null) {
                    wrong.put("days", "must name days MON, TUE, WED, THU, FRI, SAT or SUN, was " + v);
                    break;
                }
                days.add(day);
            }
        }
        LocalTime start = time(body, "start", wrong);
        LocalTime end = time(body, "end", wrong);
        if (start != null && start.equals(end)) {
            wrong.put("end", "must differ from start (an end before the start closes the window the next day)");
        }
        ZoneId zone = null;
        String z = text(body, "zone");
        if (z == null || z.isBlank()) {
            wrong.put("zone", "is required: an IANA time zone such as Europe/Paris or America/Los_Angeles");
        } else {
            try {
                zone = ZoneId.of(z.strip());
            } catch (DateTimeException e) {
                wrong.put("zone", "is not a time zone: '" + z + "' (use an IANA name such as Europe/Paris)");
            }
        }
        BigDecimal budget = null;
        JsonValue b = body.get("budgetUsd");
        if (b == null || b.getValueType() != JsonValue.ValueType.NUMBER) {
            wrong.put("budgetUsd", "is required: the night's budget in USD, a number greater than 0");
        } else {
            budget = body.getJsonNumber("budgetUsd").bigDecimalValue();
            if (budget.signum() <= 0 || budget.compareTo(MAX_BUDGET) > 0) {
                wrong.put("budgetUsd", "must be greater than 0 and at most " + MAX_BUDGET.toPlainString() + ", was " + budget.toPlainString());
            }
        }
        Run.Mode mode = null;
        String m = text(body, "mode");
        if (m != null && !m.isBlank() && !m.strip().equalsIgnoreCase("auto")) {
            try {
                mode = Run.Mode.valueOf(m.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                wrong.put("mode", "must be auto, sync or batch, was '" + m + "'");
            }
        } else if (body.containsKey("mode") && m == null && body.get("mode").getValueType() != JsonValue.ValueType.NULL) {
            wrong.put("mode", "must be auto, sync or batch");
        }
        Run.Shots shots = Run.Shots.PENDING;
        String s = text(body, "shots");
        if (s != null && !s.isBlank()) {
            try {
                shots = Run.Shots.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                wrong.put("shots", "must be pending, failed or all, was '" + s + "'");
            }
        } else if (body.containsKey("shots") && body.get("shots").getValueType() != JsonValue.ValueType.NULL) {
            wrong.put("shots", "must be pending, failed or all");
        }
        List<String> recipients = new ArrayList<>();
        JsonValue r = body.get("recipients");
        if (r != null && r.getValueType() != JsonValue.ValueType.NULL) {
            if (r.getValueType() != JsonValue.ValueType.ARRAY) {
                wrong.put("recipients", "must be a list of e-mail addresses");
            } else {
                for (JsonValue v : r.asJsonArray()) {
                    String a = v instanceof JsonString js ? js.getString().strip() : null;
                    if (a == null || !EMAIL.matcher(a).matches() || a.length() > 200) {
                        wrong.put("recipients", "must be e-mail addresses such as ana@example.com, was " + v);
                        break;
                    }
                    recipients.add(a);
                }
                if (String.join(",", recipients).length() > 2000) {
                    wrong.put("recipients", "are too many (2000 characters at most)");
                }
            }
        }
        boolean paused = false;
        JsonValue p = body.get("paused");
        if (p != null && p.getValueType() != JsonValue.ValueType.NULL) {
            if (p != JsonValue.TRUE && p != JsonValue.FALSE) {
                wrong.put("paused", "must be true or false");
            }
            paused = p == JsonValue.TRUE;
        }
        if (!wrong.isEmpty()) {
            throw problem(wrong);
        }
        return new Parsed(days, start, end, zone, budget, mode, shots, List.copyOf(recipients), paused);
    }

    static DayOfWeek day(String name) {
        DayOfWeek d = dayOrNull(name);
        if (d == null) {
            throw new IllegalArgumentException(name);
        }
        return d;
    }

    private static DayOfWeek dayOrNull(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (n.length() >= 3 && d.name().startsWith(n) && (n.length() == 3 || n.equals(d.name()))) {
                return d;
            }
        }
        return null;
    }

    private static LocalTime time(JsonObject body, String field, Map<String, String> wrong) {
        String t = text(body, field);
        if (t == null || !TIME.matcher(t.strip()).matches()) {
            wrong.put(field, t == null ? "is required: a time of day HH:MM (24-hour)" : "must be a time of day HH:MM (24-hour), was '" + t + "'");
            return null;
        }
        try {
            return LocalTime.parse(t.strip());
        } catch (DateTimeParseException e) {
            wrong.put(field, "must be a time of day HH:MM (24-hour), was '" + t + "'");
            return null;
        }
    }

    private static String text(JsonObject body, String key) {
        JsonValue v = body.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** 400 in the shape of the API's other validation answers: detail, and each field with its message. */
    static WebApplicationException problem(Map<String, String> wrong) {
        JsonArrayBuilder fields = Json.createArrayBuilder();
        StringBuilder detail = new StringBuilder();
        wrong.forEach((field, message) -> {
            fields.add(Json.createObjectBuilder().add("field", field).add("message", message));
            detail.append(detail.length() == 0 ? "" : "; ").append(field).append(": ").append(message);
        });
        return new WebApplicationException(detail.toString(), Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("status", 400).add("title", "Bad Request")
                        .add("detail", detail.toString()).add("fields", fields).build().toString()).build());
    }
}
