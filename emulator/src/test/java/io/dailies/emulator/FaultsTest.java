package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final RequestCounters counters = new RequestCounters();
    private final AtomicLong now = new AtomicLong(1_000_000);

    private Faults faults(String plan) {
        Faults f = new Faults();
        f.counters = counters;
        f.clock = now::get;
        f.replace(FaultPlan.parse(plan));
        return f;
    }

    private static String pattern(Faults f, int requests) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            s.append(f.httpFault("POST", "/videos", null).rule() == null ? '.' : 'X');
        }
        return s.toString();
    }

    @Test
    void countFiresOnTheFirstMatchingRequestsOnly() {
        Faults f = faults("{\"rules\": [{\"fault\": \"rate_limit\", \"method\": \"POST\", \"path\": \"^/videos$\", \"count\": 2}]}");
        assertNull(f.httpFault("GET", "/videos", null).rule(), "not matching: does not use up the count");
        assertNull(f.httpFault("POST", "/videos/video_1/remix", null).rule());
        assertEquals("XX...", pattern(f, 5));
        assertEquals(2, f.fired(0));
        assertEquals(2, counters.faultsFired());
    }

    @Test
    void aSeededProbabilityReplaysTheSamePatternAndReplacingThePlanStartsItAfresh() {
        String plan = "{\"seed\": 1234, \"rules\": [{\"fault\": \"server_error\", \"probability\": 0.5}]}";
        Faults f = faults(plan);
        String first = pattern(f, 40);
        assertTrue(first.contains("X") && first.contains("."), first);
        assertEquals(expected(1234, 0.5, Integer.MAX_VALUE, 40), first, "a java.util.Random seeded with seed + rule index 0");
        assertEquals(first, pattern(faults(plan), 40), "another emulator with the same plan");
        f.replace(FaultPlan.parse(plan));
        assertEquals(first, pattern(f, 40), "PUT again resets the Random");
        assertNotEquals(first, pattern(faults(plan.replace("1234", "99")), 40), "another seed, another pattern");
        assertEquals(".".repeat(20), pattern(faults("{\"rules\": [{\"fault\": \"drop\", \"probability\": 0}]}"), 20));
        assertEquals("X".repeat(20), pattern(faults("{\"rules\": [{\"fault\": \"drop\", \"probability\": 1}]}"), 20));
    }

    @Test
    void eachRuleDrawsFromItsOwnRandomSeededWithSeedPlusItsIndex() {
        Faults f = faults("{\"seed\": 70, \"rules\": [{\"fault\": \"server_error\", \"path\": \"^/files\", \"probability\": 0.3},"
                + " {\"fault\": \"unavailable\", \"probability\": 0.3}]}");
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            p.append(f.httpFault("GET", "/videos", null).rule() == null ? '.' : 'X');
        }
        assertEquals(expected(71, 0.3, Integer.MAX_VALUE, 30), p.toString(), "rule 1 alone matched: Random(70 + 1)");
    }

    /** The pattern the spec promises: Random(seed + index), fire when nextDouble() < p, at most count times. */
    private static String expected(long seed, double p, int count, int requests) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder s = new StringBuilder();
        int fired = 0;
        for (int i = 0; i < requests; i++) {
            boolean fires = fired < count && random.nextDouble() < p;
            fired += fires ? 1 : 0;
            s.append(fires ? 'X' : '.');
        }
        return s.toString();
    }

    @Test
    void countAndProbabilityTogetherFireByChanceAtMostCountTimes() {
        Faults f = faults("{\"seed\": 5, \"rules\": [{\"fault\": \"server_error\", \"probability\": 0.5, \"count\": 3}]}");
        String p = pattern(f, 60);
        assertEquals(3, p.chars().filter(c -> c == 'X').count(), p);
        assertEquals(expected(5, 0.5, 3, 60), p);
    }

    @Test
    void slowRulesAddUpAndTheFirstFiringStatusRuleWins() {
        Faults f = faults("""
                {"rules": [{"fault": "slow", "delay_ms": 100},
                           {"fault": "slow", "delay_ms": 50, "phase": "after"},
                           {"fault": "server_error", "count": 1, "phase": "after"},
                           {"fault": "unavailable"}]}""");
        Faults.HttpFault first = f.httpFault("GET", "/videos", null);
        assertEquals(100, first.delayBeforeMs());
        assertEquals(50, first.delayAfterMs());
        assertEquals(FaultPlan.Kind.SERVER_ERROR, first.rule().fault());
        assertTrue(first.processes() && first.holdsAnswer());
        Faults.HttpFault second = f.httpFault("GET", "/videos", null);
        assertEquals(FaultPlan.Kind.UNAVAILABLE, second.rule().fault());
        assertFalse(second.processes());
        assertEquals(1, f.fired(2));
        assertEquals(1, f.fired(3));
        assertEquals(2, f.fired(0), "slow fired on both requests");
    }

    @Test
    void controlRequestsAreNeverFaulted() {
        Faults f = faults("{\"rules\": [{\"fault\": \"server_error\"}, {\"fault\": \"slow\", \"delay_ms\": 5000}]}");
        assertSame(Faults.HttpFault.NONE, f.httpFault("PUT", "/control/faults", null));
        assertSame(Faults.HttpFault.NONE, f.httpFault("GET", "/control", null));
        assertEquals(0, f.fired(0));
        assertEquals(FaultPlan.Kind.SERVER_ERROR, f.httpFault("GET", "/controlled", null).rule().fault());
    }

    @Test
    void modelRulesAskForTheBodyOnlyWhereTheyCouldApply() {
        Faults f = faults("{\"rules\": [{\"fault\": \"rate_limit\", \"method\": \"POST\", \"path\": \"^/videos$\", \"model\": \"sora-2-pro\"}]}");
        assertTrue(f.wantsModel("POST", "/videos"));
        assertFalse(f.wantsModel("GET", "/videos"));
        assertFalse(f.wantsModel("POST", "/control/faults"));
        assertNull(f.httpFault("POST", "/videos", "sora-2").rule());
        assertEquals(FaultPlan.Kind.RATE_LIMIT, f.httpFault("POST", "/videos", "sora-2-pro").rule().fault());
        assertFalse(faults("{\"rules\": [{\"fault\": \"rate_limit\"}]}").wantsModel("POST", "/videos"));
    }

    private static Optional<Faults.Failure> failure(Faults f, String model, String prompt) {
        return f.generationFault(model, prompt).map(Faults.GenerationFault::failure);
    }

    @Test
    void contentPolicyFailsMatchingGenerationsWithModerationBlocked() {
        Faults f = faults("{\"rules\": [{\"fault\": \"content_policy\", \"model\": \"sora-2\", \"prompt\": \"(?i)\\\\bblood\\\\b\"}]}");
        assertEquals(Optional.empty(), failure(f, "sora-2", "A quiet harbour at dawn."));
        assertEquals(Optional.empty(), failure(f, "sora-2-pro", "Blood on the snow."));
        Faults.Failure failure = failure(f, "sora-2", "Blood on the snow.").orElseThrow();
        assertEquals("moderation_blocked", failure.code());
        assertFalse(failure.message().isBlank());
        Faults custom = faults("{\"rules\": [{\"fault\": \"content_policy\", \"code\": \"content_policy_violation\", \"message\": \"no\", \"count\": 1}]}");
        assertEquals(new Faults.Failure("content_policy_violation", "no"), failure(custom, "sora-2", "x").orElseThrow());
        assertEquals(Optional.empty(), failure(custom, "sora-2", "x"), "count 1: only the first generation");
    }

    @Test
    void stuckLeavesMatchingGenerationsInProgressAndIsTalliedAsFired() {
        Faults f = faults("{\"rules\": [{\"fault\": \"stuck\", \"model\": \"sora-2\", \"prompt\": \"SC2-\", \"count\": 2}]}");
        assertEquals(Optional.empty(), f.generationFault("sora-2", "SC1-01: a quiet harbour."));
        assertEquals(Optional.empty(), f.generationFault("sora-2-pro", "SC2-01: a quiet harbour."));
        assertEquals(0, f.fired(0), "no match: nothing fired");
        Faults.GenerationFault stuck = f.generationFault("sora-2", "SC2-01: a quiet harbour.").orElseThrow();
        assertTrue(stuck.isStuck());
        assertNull(stuck.failure());
        assertEquals(FaultPlan.DEFAULT_STUCK_PROGRESS, stuck.stuckAtProgress());
        assertEquals(42, stuck.stuckAtProgress(), "the documented default");
        assertEquals(Optional.of(Faults.GenerationFault.stuck(42)), f.generationFault("sora-2", "SC2-02"));
        assertEquals(Optional.empty(), f.generationFault("sora-2", "SC2-03"), "count 2 is used up");
        assertEquals(2, f.fired(0));
        assertEquals(2, counters.faultsFired());
        assertEquals(2, f.describe().getJsonArray("rules").getJsonObject(0).getInt("fired"));
        assertEquals(Optional.of(Faults.GenerationFault.stuck(7)),
                faults("{\"rules\": [{\"fault\": \"stuck\", \"progress\": 7}]}").generationFault("sora-2", "anything"));
    }

    @Test
    void stuckByChanceReplaysFromTheSeed() {
        String plan = "{\"seed\": 11, \"rules\": [{\"fault\": \"batch_line\"}, {\"fault\": \"stuck\", \"probability\": 0.4}]}";
        Faults f = faults(plan);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            p.append(f.generationFault("sora-2", "take " + i).isPresent() ? 'X' : '.');
        }
        assertEquals(expected(12, 0.4, Integer.MAX_VALUE, 40), p.toString(), "Random(seed 11 + rule index 1)");
        assertEquals(p.chars().filter(c -> c == 'X').count(), f.fired(1));
        assertEquals(0, f.fired(0), "a batch_line rule is no generation fault");
    }

    @Test
    void contentPolicyAndStuckRulesAreTriedInThePlansOrder() {
        Faults f = faults("""
                {"rules": [{"fault": "stuck", "prompt": "SC2-", "count": 1, "progress": 10},
                           {"fault": "content_policy", "prompt": "SC2-"}]}""");
        assertEquals(Optional.of(Faults.GenerationFault.stuck(10)), f.generationFault("sora-2", "SC2-01"));
        Faults.GenerationFault next = f.generationFault("sora-2", "SC2-01").orElseThrow();
        assertFalse(next.isStuck(), "the stuck rule's count is used up: the content policy rule decides");
        assertEquals("moderation_blocked", next.failure().code());
        assertEquals(1, f.fired(0));
        assertEquals(1, f.fired(1));
    }

    @Test
    void batchLinesFailByCustomIdWithServerErrorUnlessACodeIsGiven() {
        Faults f = faults("""
                {"rules": [{"fault": "batch_line", "custom_id": "^shot-3$"},
                           {"fault": "batch_line", "custom_id": "^shot-9", "code": "invalid_prompt", "message": "bad line", "count": 1}]}""");
        assertEquals(Optional.empty(), f.batchLineFailure("shot-1"));
        assertEquals("server_error", f.batchLineFailure("shot-3").orElseThrow().code());
        assertTrue(f.batchLineFailure("shot-3").orElseThrow().message().contains("shot-3"));
        assertEquals(new Faults.Failure("invalid_prompt", "bad line"), f.batchLineFailure("shot-9a").orElseThrow());
        assertEquals(Optional.empty(), f.batchLineFailure("shot-9b"), "count 1 is used up");
    }

    @Test
    void aBatchLineAskedAgainWithItsBatchGetsTheSameAnswer() {
        Faults f = faults("{\"rules\": [{\"fault\": \"batch_line\", \"count\": 1}]}");
        Optional<Faults.Failure> first = f.batchLineFailure("batch_a", "shot-1");
        assertTrue(first.isPresent());
        assertEquals(first, f.batchLineFailure("batch_a", "shot-1"), "every poll sees the same failed line");
        assertEquals(Optional.empty(), f.batchLineFailure("batch_a", "shot-2"));
        assertEquals(Optional.empty(), f.batchLineFailure("batch_b", "shot-1"), "a retry in a new batch is a new line");
        assertEquals(1, f.fired(0));
    }

    @Test
    void batchExpiryIsDecidedOncePerBatch() {
        Faults f = faults("{\"rules\": [{\"fault\": \"batch_expired\", \"count\": 1}]}");
        assertTrue(f.batchExpires("batch_1"));
        assertFalse(f.batchExpires("batch_2"));
        assertTrue(f.batchExpires("batch_1"), "asked again on the next poll: still expiring");
        assertFalse(f.batchExpires("batch_2"));
        Faults byId = faults("{\"rules\": [{\"fault\": \"batch_expired\", \"batch_id\": \"_late$\"}]}");
        assertFalse(byId.batchExpires("batch_early"));
        assertTrue(byId.batchExpires("batch_late"));
        assertFalse(faults("{\"rules\": []}").batchExpires("batch_1"));
    }

    @Test
    void modelRateLimitRefusesCreatesBeyondRpmInASlidingMinute() {
        Faults f = faults("{\"rules\": [{\"fault\": \"model_rate_limit\", \"model\": \"sora-2\", \"rpm\": 2}]}");
        f.admitCreate("sora-2");
        now.addAndGet(10_000);
        f.admitCreate("sora-2");
        f.admitCreate("sora-2-pro"); // another model is not limited by this rule
        now.addAndGet(5_000);
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> f.admitCreate("sora-2"));
        Response r = refused.getResponse();
        assertEquals(429, r.getStatus());
        assertEquals("45", r.getHeaderString("Retry-After"), "the oldest create leaves the window 45 s from now");
        JsonObject error = Json.createReader(new StringReader((String) r.getEntity())).readObject().getJsonObject("error");
        assertEquals("requests", error.getString("type"));
        assertEquals("rate_limit_exceeded", error.getString("code"));
        assertTrue(error.isNull("param"));
        assertTrue(error.getString("message").contains("sora-2"), error.toString());
        assertThrows(WebApplicationException.class, () -> f.admitCreate("sora-2"), "refused creates do not free a slot");
        now.addAndGet(45_000); // the first create is 60 s old: one slot frees
        f.admitCreate("sora-2");
        assertThrows(WebApplicationException.class, () -> f.admitCreate("sora-2"));
        assertEquals(3, f.fired(0));
        assertEquals(3, counters.faultsFired());
    }

    @Test
    void modelRateLimitWithoutAModelCountsEachModelApartAndHonoursAGivenRetryAfter() {
        Faults f = faults("{\"rules\": [{\"fault\": \"model_rate_limit\", \"rpm\": 1, \"retry_after\": 3}]}");
        f.admitCreate("sora-2");
        f.admitCreate("sora-2-pro");
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> f.admitCreate("sora-2-pro"));
        assertEquals("3", refused.getResponse().getHeaderString("Retry-After"));
        faults("{\"rules\": []}").admitCreate("sora-2"); // no rule: never refused
    }

    @Test
    void contentLifetimeIsAnHourUnlessInjected() {
        assertEquals(3600, faults("{\"rules\": []}").contentLifetimeSeconds());
        Faults f = faults("{\"rules\": [{\"fault\": \"content_expired\", \"lifetime_s\": 1}]}");
        assertEquals(1, f.contentLifetimeSeconds());
        f.clear();
        assertEquals(3600, f.contentLifetimeSeconds());
    }

    @Test
    void describeShowsThePlanWithHowOftenEachRuleFired() {
        Faults f = faults("{\"seed\": 8, \"rules\": [{\"fault\": \"unavailable\", \"count\": 1, \"retry_after\": 2}, {\"fault\": \"batch_expired\"}]}");
        f.httpFault("GET", "/videos", null);
        f.httpFault("GET", "/videos", null);
        JsonObject d = f.describe();
        assertEquals(8, d.getInt("seed"));
        assertEquals(1, d.getJsonArray("rules").getJsonObject(0).getInt("fired"));
        assertEquals(2, d.getJsonArray("rules").getJsonObject(0).getInt("retry_after"));
        assertEquals(0, d.getJsonArray("rules").getJsonObject(1).getInt("fired"));
        f.clear();
        assertEquals(0, f.describe().getJsonArray("rules").size());
    }

    @Test
    void theConfiguredPlanIsLoadedAndABrokenOneStopsTheStart() {
        Faults f = new Faults();
        f.counters = counters;
        f.configured = Optional.of("{\"rules\": [{\"fault\": \"server_error\", \"count\": 1}]}");
        f.load();
        assertEquals(FaultPlan.Kind.SERVER_ERROR, f.httpFault("GET", "/videos", null).rule().fault());

        Faults none = new Faults();
        none.counters = counters;
        none.load();
        assertTrue(none.plan().isEmpty());

        Faults broken = new Faults();
        broken.counters = counters;
        broken.configured = Optional.of("{\"rules\": [{\"fault\": \"slow\"}]}");
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::load);
        assertTrue(e.getMessage().contains("rules[0].delay_ms"), e.getMessage());
    }
}
