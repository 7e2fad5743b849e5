package io.dailies.scoring.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TakeJudgeTest {

    private static JsonObject completion(String content) {
        return Json.createObjectBuilder().add("model", "judge-1").add("choices", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))))
                .build();
    }

    @Test
    void readsTheStructuredAnswer() {
        TakeJudge.Judgement j = TakeJudge.parse(completion("{\"prompt_adherence\": 81, \"physical_realism\": 64, \"rationale\": \"cup floats\"}"), "fallback");
        assertEquals(81, j.promptAdherence());
        assertEquals(64, j.physicalRealism());
        assertEquals("cup floats", j.rationale());
        assertEquals("judge-1", j.model());
    }

    @Test
    void refusesScoresOffTheRubric() {
        assertThrows(IllegalArgumentException.class,
                () -> TakeJudge.parse(completion("{\"prompt_adherence\": 140, \"physical_realism\": 64, \"rationale\": \"\"}"), "m"));
        assertThrows(RuntimeException.class, () -> TakeJudge.parse(completion("not json"), "m"));
    }

    @Test
    void requestCarriesTheRubricThePromptEveryFrameAndAStrictSchema() {
        TakeJudge judge = new TakeJudge();
        judge.model = "judge-1";
        JsonObject request = judge.request("A queen lifts a goblet.", List.of(new byte[] {1, 2}, new byte[] {3}));
        assertEquals("judge-1", request.getString("model"));
        var user = request.getJsonArray("messages").getJsonObject(1).getJsonArray("content");
        assertEquals(3, user.size(), "the prompt and two frames");
        assertTrue(user.getJsonObject(0).getString("text").contains("A queen lifts a goblet."));
        assertTrue(user.getJsonObject(1).getJsonObject("image_url").getString("url").startsWith("data:image/jpeg;base64,"));
        assertTrue(request.getJsonObject("response_format").getJsonObject("json_schema").getBoolean("strict"));
    }
}
