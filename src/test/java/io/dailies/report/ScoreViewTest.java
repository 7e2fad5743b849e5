package io.dailies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ScoreViewTest {

    @Test
    void measurementsKeepTheirScalarsAndDropTheSeries() {
        JsonObject m = ScoreView.scalars("""
                {"width":1280,"fps":24.0,"videoCodec":"h264","hasAudio":true,"meanLuma":[0.1,0.2],
                 "dominantColours":[{"l":1}],"integratedLoudnessLufs":null}""");
        assertEquals(1280, m.getInt("width"));
        assertEquals("h264", m.getString("videoCodec"));
        assertTrue(m.getBoolean("hasAudio"));
        assertTrue(m.isNull("integratedLoudnessLufs"));
        assertFalse(m.containsKey("meanLuma"));
        assertFalse(m.containsKey("dominantColours"));
    }

    @Test
    void noMeasurementsIsAnEmptyObject() {
        assertTrue(ScoreView.scalars(null).isEmpty());
        assertTrue(ScoreView.scalars("not json").isEmpty());
    }
}
