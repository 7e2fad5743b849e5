package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dailies.emulator.media.Defect;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Defect rules: strict parsing, matching, counts, and the marker added on top. */
class DefectPlanTest {

    private static final String EXAMPLE = "{\"rules\":[{\"prompt_contains\":\"SC1-02\",\"defects\":[\"flicker\"]},"
            + "{\"model\":\"sora-2\",\"defects\":[\"silent\"],\"count\":1}]}";

    private static Defects defects(String plan) {
        Defects d = new Defects();
        d.replace(DefectPlan.parse(plan));
        return d;
    }

    @Test
    void theBriefsExampleParses() {
        DefectPlan plan = DefectPlan.parse(EXAMPLE);
        assertEquals(2, plan.rules().size());
        DefectPlan.Rule first = plan.rules().get(0);
        assertEquals("SC1-02", first.promptContains());
        assertEquals(Set.of(Defect.FLICKER), first.defects());
        assertEquals(null, first.count());
        assertEquals(1, plan.rules().get(1).count());
        assertEquals(EXAMPLE.replace(" ", ""), plan.toJson().toString());
        assertTrue(DefectPlan.parse("").isEmpty());
        assertTrue(DefectPlan.parse("{\"rules\":[]}").isEmpty());
    }

    @Test
    void rulesMatchOnPromptPiecesIgnoringCaseAndOnTheModelOrItsBase() {
        DefectPlan.Rule shot = DefectPlan.parse("{\"rules\":[{\"prompt_contains\":\"sc1-02\",\"defects\":[\"shake\"]}]}").rules().get(0);
        assertTrue(shot.matches("sora-2", "Shot SC1-02: the queen enters."));
        assertTrue(!shot.matches("sora-2", "Shot SC1-03."));
        assertTrue(!shot.matches("sora-2", null));
        DefectPlan.Rule model = DefectPlan.parse("{\"rules\":[{\"model\":\"sora-2\",\"defects\":[\"shake\"]}]}").rules().get(0);
        assertTrue(model.matches("sora-2", "x"));
        assertTrue(model.matches("sora-2-2025-10-06", "x"), "a dated snapshot of the model");
        assertTrue(!model.matches("sora-2-pro", "x"));
        DefectPlan.Rule any = DefectPlan.parse("{\"rules\":[{\"defects\":[\"quiet\"]}]}").rules().get(0);
        assertTrue(any.matches("sora-2-pro", "anything"));
    }

    @Test
    void everyMatchingRuleAddsItsDefectsUntilItsCountIsUsedUp() {
        Defects d = defects(EXAMPLE);
        assertEquals(EnumSet.of(Defect.FLICKER, Defect.SILENT), d.forGeneration("sora-2", "SC1-02 the hall"));
        assertEquals(EnumSet.of(Defect.FLICKER), d.forGeneration("sora-2", "SC1-02 again"), "count 1: silent once only");
        assertEquals(Set.of(), d.forGeneration("sora-2-pro", "SC2-01"));
        assertEquals(List.of(2, 1), d.applied());
        JsonObject described = d.describe();
        assertEquals(2, described.getJsonArray("rules").getJsonObject(0).getInt("applied"));
        assertEquals("SC1-02", described.getJsonArray("rules").getJsonObject(0).getString("prompt_contains"));
        assertEquals(1, described.getJsonArray("rules").getJsonObject(1).getInt("applied"));

        d.replace(DefectPlan.parse(EXAMPLE));
        assertEquals(List.of(0, 0), d.applied(), "new rules, new tallies");
        d.clear();
        assertEquals("{\"rules\":[]}", d.describe().toString());
    }

    @Test
    void thePromptsMarkerAddsToTheRules() {
        Defects d = defects("{\"rules\":[{\"prompt_contains\":\"kite\",\"defects\":[\"black_frames\"]}]}");
        assertEquals(EnumSet.of(Defect.BLACK_FRAMES, Defect.FROZEN_FRAMES, Defect.QUIET),
                d.forGeneration("sora-2", "A kite. [[defect: frozen_frames, quiet]]"));
        assertEquals(EnumSet.of(Defect.QUIET), new Defects().forGeneration("sora-2", "A boat [[defect: quiet]]"));
    }

    @Test
    void badRulesAreRefusedNamingTheRuleAndField() {
        assertEquals("rules[0].defects", param("{\"rules\":[{\"prompt_contains\":\"x\"}]}"));
        assertEquals("rules[0].defects", param("{\"rules\":[{\"defects\":[]}]}"));
        assertEquals("rules[1].defects", param("{\"rules\":[{\"defects\":[\"flicker\"]},{\"defects\":[\"wobble\"]}]}"));
        assertEquals("rules[0].prompt", param("{\"rules\":[{\"prompt\":\"x\",\"defects\":[\"flicker\"]}]}"));
        assertEquals("rules[0].count", param("{\"rules\":[{\"count\":0,\"defects\":[\"flicker\"]}]}"));
        assertEquals("rules[0].count", param("{\"rules\":[{\"count\":1.5,\"defects\":[\"flicker\"]}]}"));
        assertEquals("rules[0].model", param("{\"rules\":[{\"model\":2,\"defects\":[\"flicker\"]}]}"));
        assertEquals("rules[0].prompt_contains", param("{\"rules\":[{\"prompt_contains\":\"\",\"defects\":[\"flicker\"]}]}"));
        assertEquals("rules[0]", param("{\"rules\":[\"flicker\"]}"));
        assertEquals("rules", param("{\"rules\":{}}"));
        assertEquals("seed", param("{\"seed\":1,\"rules\":[]}"));
        assertEquals(null, param("not json"));
    }

    @Test
    void aBrokenConfiguredPlanStopsTheDeployment() {
        Defects d = new Defects();
        d.configured = java.util.Optional.of("{\"rules\":[{\"defects\":[\"wobble\"]}]}");
        assertThrows(IllegalStateException.class, d::load);
        d.configured = java.util.Optional.of(EXAMPLE);
        d.load();
        assertEquals(List.of(0, 0), d.applied());
    }

    @Test
    void theControlEndpointPutsShowsAndClearsTheRules() {
        ControlEndpoint control = new ControlEndpoint();
        control.defects = new Defects();
        assertEquals("{\"rules\":[]}", control.defectRules());
        String put = control.replaceDefectRules(EXAMPLE);
        assertEquals("{\"rules\":[{\"prompt_contains\":\"SC1-02\",\"defects\":[\"flicker\"],\"applied\":0},"
                + "{\"model\":\"sora-2\",\"defects\":[\"silent\"],\"count\":1,\"applied\":0}]}", put);
        control.defects.forGeneration("sora-2", "SC1-02");
        assertTrue(control.defectRules().contains("\"applied\":1"));
        jakarta.ws.rs.WebApplicationException bad = assertThrows(jakarta.ws.rs.WebApplicationException.class,
                () -> control.replaceDefectRules("{\"rules\":[{\"defects\":[\"wobble\"]}]}"));
        assertEquals(400, bad.getResponse().getStatus());
        assertTrue(((String) bad.getResponse().getEntity()).contains("\"param\":\"rules[0].defects\""));
        assertTrue(control.defectRules().contains("SC1-02"), "a refused plan leaves the rules as they were");
        assertEquals("{\"rules\":[]}", control.clearDefectRules());
    }

    private static String param(String plan) {
        return assertThrows(FaultPlan.Invalid.class, () -> DefectPlan.parse(plan)).param();
    }
}
