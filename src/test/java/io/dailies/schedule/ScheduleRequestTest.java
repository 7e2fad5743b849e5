package io.dailies.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.core.Run;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRequestTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aValidScheduleIsReadWithItsDefaults() {
        ScheduleRequest.Parsed p = ScheduleRequest.parse(json(
                "{\"days\":[\"MON\",\"fri\",\"Sunday\"],\"start\":\"22:00\",\"end\":\"06:00\",\"zone\":\"Europe/Paris\",\"budgetUsd\":40}"));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY), p.days());
        assertEquals(LocalTime.of(22, 0), p.start());
        assertEquals(new BigDecimal("40"), p.budgetUsd());
        assertNull(p.mode(), "auto");
        assertEquals(Run.Shots.PENDING, p.shots());
        assertEquals(List.of(), p.recipients());
    }

    @Test
    void everyWrongFieldIsNamedInOneAnswer() {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> ScheduleRequest.parse(json(
                "{\"days\":[\"MON\",\"NOPE\"],\"start\":\"25:00\",\"end\":\"6\",\"zone\":\"Mars/Olympus\",\"budgetUsd\":0,"
                        + "\"mode\":\"fast\",\"shots\":\"some\",\"recipients\":[\"not-an-address\"]}")));
        assertEquals(400, e.getResponse().getStatus());
        JsonObject body = json((String) e.getResponse().getEntity());
        assertEquals(400, body.getInt("status"));
        List<String> fields = body.getJsonArray("fields").stream().map(v -> v.asJsonObject().getString("field")).toList();
        assertEquals(List.of("days", "start", "end", "zone", "budgetUsd", "mode", "shots", "recipients"), fields);
        assertTrue(body.getString("detail").contains("zone: is not a time zone: 'Mars/Olympus'"), body.getString("detail"));
    }

    @Test
    void aWindowMustHaveALengthAndRequiredFieldsAreRequired() {
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> ScheduleRequest.parse(json(
                "{\"days\":[],\"start\":\"22:00\",\"end\":\"22:00\"}")));
        JsonObject body = json((String) e.getResponse().getEntity());
        List<String> fields = body.getJsonArray("fields").stream().map(v -> v.asJsonObject().getString("field")).toList();
        assertEquals(List.of("days", "end", "zone", "budgetUsd"), fields);
    }

    @Test
    void secondsAreAllowedForAWindowThatMustOpenOnTheSecond() {
        ScheduleRequest.Parsed p = ScheduleRequest.parse(json(
                "{\"days\":[\"TUE\"],\"start\":\"23:59:30\",\"end\":\"00:10\",\"zone\":\"UTC\",\"budgetUsd\":1.5,\"mode\":\"SYNC\",\"shots\":\"all\","
                        + "\"recipients\":[\"ana@example.com\"]}"));
        assertEquals(LocalTime.of(23, 59, 30), p.start());
        assertEquals(Run.Mode.SYNC, p.mode());
        assertEquals(Run.Shots.ALL, p.shots());
        assertEquals("23:59:30", ScheduleView.time(p.start()));
        assertEquals("00:10", ScheduleView.time(p.end()));
    }
}
