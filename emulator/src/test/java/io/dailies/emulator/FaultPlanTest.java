package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void parsesEveryFaultWithItsFieldsAndDefaults() {
        FaultPlan plan = FaultPlan.parse("""
                {"seed": 42, "rules": [
                  {"fault": "rate_limit", "method": "post", "path": "^/videos$", "count": 2, "retry_after": 7},
                  {"fault": "server_error", "phase": "after", "probability": 0.25},
                  {"fault": "unavailable", "model": "sora-2-pro"},
                  {"fault": "slow", "delay_ms": 1500},
                  {"fault": "drop", "phase": "before", "path": "/content$"},
                  {"fault": "content_policy", "prompt": "(?i)blood", "message": "nope"},
                  {"fault": "batch_line", "custom_id": "^shot-3$", "code": "invalid_prompt"},
                  {"fault": "batch_expired", "batch_id": "batch_"},
                  {"fault": "content_expired", "lifetime_s": 1},
                  {"fault": "model_rate_limit", "model": "sora-2", "rpm": 3}
                ]}""");
        assertEquals(42, plan.seed());
        assertEquals(10, plan.rules().size());

        FaultPlan.Rule rateLimit = plan.rules().get(0);
        assertEquals(FaultPlan.Kind.RATE_LIMIT, rateLimit.fault());
        assertEquals("POST", rateLimit.method(), "methods are compared in upper case");
        assertEquals(2, rateLimit.count());
        assertEquals(7, rateLimit.retryAfter());
        assertEquals(FaultPlan.Phase.BEFORE, rateLimit.phase(), "before is the default phase");
        assertNull(rateLimit.probability());

        FaultPlan.Rule serverError = plan.rules().get(1);
        assertEquals(FaultPlan.Phase.AFTER, serverError.phase());
        assertEquals(0.25, serverError.probability());
        assertNull(serverError.count());
        assertEquals(1, serverError.index());

        assertEquals(1500, plan.rules().get(3).delayMs());
        assertEquals("invalid_prompt", plan.rules().get(6).code());
        assertEquals(1, plan.rules().get(8).lifetimeSeconds());
        assertEquals(3, plan.rules().get(9).rpm());
        assertTrue(plan.rules().stream().limit(5).allMatch(r -> r.fault().http()));
        assertTrue(plan.rules().stream().skip(5).noneMatch(r -> r.fault().http()));
    }

    @Test
    void parsesStuckWithItsProgressOrTheDefault() {
        FaultPlan plan = FaultPlan.parse("""
                {"seed": 3, "rules": [
                  {"fault": "stuck", "model": "sora-2", "prompt": "SC2-", "count": 1},
                  {"fault": "stuck", "probability": 0.5, "progress": 0},
                  {"fault": "stuck", "progress": 99}
                ]}""");
        FaultPlan.Rule stuck = plan.rules().get(0);
        assertEquals(FaultPlan.Kind.STUCK, stuck.fault());
        assertFalse(stuck.fault().http());
        assertEquals("stuck", stuck.fault().wireName());
        assertEquals(42, stuck.progress(), "the default");
        assertTrue(stuck.matchesModel("sora-2"));
        assertFalse(stuck.matchesModel("sora-2-pro"));
        assertTrue(stuck.matchesPrompt("SC2-01: a kite."));
        assertFalse(stuck.matchesPrompt("SC1-01: a kite."));
        assertEquals(1, stuck.count());
        assertEquals(0, plan.rules().get(1).progress());
        assertEquals(0.5, plan.rules().get(1).probability());
        assertEquals(99, plan.rules().get(2).progress());
        assertEquals(plan.toJson(), FaultPlan.parse(plan.toJson().toString()).toJson(), "the plan as written comes back");
    }

    @Test
    void refusesBadStuckRulesNamingTheField() {
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"progress\": 100}]}", "rules[0].progress", "between 0 and 99");
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"progress\": -1}]}", "rules[0].progress", "between 0 and 99");
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"progress\": 42.5}]}", "rules[0].progress", "whole number");
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"progress\": \"42\"}]}", "rules[0].progress", "whole number");
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"prompt\": \"SC2-(\"}]}", "rules[0].prompt", "regular expression");
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"model\": 2}]}", "rules[0].model", "string");
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"count\": 0}]}", "rules[0].count", "between 1");
        assertInvalid("{\"rules\": [{\"fault\": \"stuck\", \"probability\": 2}]}", "rules[0].probability", "between 0 and 1");
        for (String foreign : new String[] {"code", "message", "path", "method", "phase", "custom_id", "lifetime_s", "progres"}) {
            assertInvalid("{\"rules\": [{\"fault\": \"rate_limit\"}, {\"fault\": \"stuck\", \"" + foreign + "\": \"x\"}]}",
                    "rules[1]." + foreign, "not a field");
        }
        assertInvalid("{\"rules\": [{\"fault\": \"content_policy\", \"progress\": 5}]}", "rules[0].progress", "not a field");
        assertInvalid("{\"rules\": [{\"fault\": \"stuk\"}]}", "rules[0].fault", "stuck");
    }

    @Test
    void matchesRequestsByMethodPathRegexAndModel() {
        FaultPlan plan = FaultPlan.parse("""
                {"rules": [{"fault": "rate_limit", "method": "POST", "path": "^/videos$", "model": "sora-2-pro"},
                           {"fault": "server_error"}]}""");
        FaultPlan.Rule r = plan.rules().get(0);
        assertTrue(r.matchesRequest("POST", "/videos", "sora-2-pro"));
        assertTrue(r.matchesRequest("post", "/videos", "sora-2-pro"));
        assertFalse(r.matchesRequest("GET", "/videos", "sora-2-pro"));
        assertFalse(r.matchesRequest("POST", "/videos/video_1", "sora-2-pro"), "the regex is anchored by the test");
        assertFalse(r.matchesRequest("POST", "/videos", "sora-2"));
        assertFalse(r.matchesRequest("POST", "/videos", null), "a request without a model does not match a rule naming one");
        assertTrue(plan.rules().get(1).matchesRequest("DELETE", "/anything", null), "no matching fields: every request");
    }

    @Test
    void blankTextIsNoPlanAndTheWrittenPlanComesBack() {
        assertSame(FaultPlan.NONE, FaultPlan.parse(""));
        assertSame(FaultPlan.NONE, FaultPlan.parse(null));
        assertTrue(FaultPlan.parse("{\"seed\": 3, \"rules\": []}").isEmpty());
        String written = "{\"seed\":9,\"rules\":[{\"fault\":\"slow\",\"delay_ms\":10,\"path\":\"^/videos\"}]}";
        assertEquals(FaultPlan.parse(written).toJson(), FaultPlan.parse(FaultPlan.parse(written).toJson().toString()).toJson());
        assertEquals("^/videos", FaultPlan.parse(written).toJson().getJsonArray("rules").getJsonObject(0).getString("path"));
    }

    @Test
    void refusesBadPlansNamingTheRuleIndexAndField() {
        assertInvalid("{\"rules\": [{\"fault\": \"rate_limit\"}, {\"fault\": \"teapot\"}]}", "rules[1].fault", "teapot");
        assertInvalid("{\"rules\": [{\"count\": 1}]}", "rules[0].fault", "required");
        assertInvalid("{\"rules\": [{\"fault\": \"rate_limit\"}, {\"fault\": \"rate_limit\", \"retry-after\": 2}]}",
                "rules[1].retry-after", "not a field");
        assertInvalid("{\"rules\": [{\"fault\": \"slow\"}]}", "rules[0].delay_ms", "required");
        assertInvalid("{\"rules\": [{\"fault\": \"slow\", \"delay_ms\": \"soon\"}]}", "rules[0].delay_ms", "whole number");
        assertInvalid("{\"rules\": [{\"fault\": \"server_error\", \"probability\": 1.5}]}", "rules[0].probability", "between 0 and 1");
        assertInvalid("{\"rules\": [{\"fault\": \"server_error\", \"count\": 0}]}", "rules[0].count", "between 1");
        assertInvalid("{\"rules\": [{\"fault\": \"server_error\", \"count\": 1.5}]}", "rules[0].count", "whole number");
        assertInvalid("{\"rules\": [{\"fault\": \"server_error\", \"path\": \"^/videos(\"}]}", "rules[0].path", "regular expression");
        assertInvalid("{\"rules\": [{\"fault\": \"server_error\", \"phase\": \"during\"}]}", "rules[0].phase", "before");
        assertInvalid("{\"rules\": [{\"fault\": \"rate_limit\", \"phase\": \"after\"}]}", "rules[0].phase", "not a field");
        assertInvalid("{\"rules\": [{\"fault\": \"content_expired\", \"lifetime_s\": 1, \"count\": 1}]}", "rules[0].count", "not a field");
        assertInvalid("{\"rules\": [{\"fault\": \"model_rate_limit\"}]}", "rules[0].rpm", "required");
        assertInvalid("{\"rules\": [{\"fault\": \"batch_line\", \"custom_id\": 3}]}", "rules[0].custom_id", "string");
        assertInvalid("{\"rules\": [{\"fault\": \"drop\", \"method\": \"GET /videos\"}]}", "rules[0].method", "HTTP method");
        assertInvalid("{\"rules\": [\"rate_limit\"]}", "rules[0]", "JSON object");
        assertInvalid("{\"seed\": 1.5, \"rules\": []}", "seed", "whole number");
        assertInvalid("{\"rules\": {}}", "rules", "array");
        assertInvalid("{\"rule\": []}", "rule", "Unknown field");
        assertInvalid("[1, 2]", null, "JSON object");
        assertInvalid("{\"rules\": [", null, "not valid JSON");
    }

    private static void assertInvalid(String json, String param, String messagePart) {
        FaultPlan.Invalid e = assertThrows(FaultPlan.Invalid.class, () -> FaultPlan.parse(json), json);
        assertEquals(param, e.param(), json);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
