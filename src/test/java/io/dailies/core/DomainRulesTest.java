package io.dailies.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rules the domain core keeps: a take only moves forward, and the verdict that counts. */
class DomainRulesTest {

    private static Take take() {
        Project project = new Project("The Queen's Court");
        Shot shot = new Shot(new Sequence(project, "Castle", 1), "SC1-01");
        return new Take(new Run(project, 4, false, "standalone"), shot, "A prompt", "hash");
    }

    @Test
    void aTakeGoesFromPlannedToScoredThroughTheLedger() {
        Take t = take();
        t.recordIntent("request-hash", "key-1");
        assertEquals(Take.Status.SUBMITTING, t.getStatus());
        t.recordSubmitted("video_1");
        t.recordSubmitted("video_1"); // reconciliation finding the same id again changes nothing
        t.recordPoll(50);
        t.recordStored("takes/1.mp4", "sha", 10);
        t.recordScored();
        assertEquals(Take.Status.SCORED, t.getStatus());
    }

    @Test
    void aTakeNeverMovesBackOrSkipsTheLedger() {
        Take planned = take();
        assertThrows(IllegalStateException.class, () -> planned.recordSubmitted("video_1"), "an id without an intent");
        assertThrows(IllegalStateException.class, planned::recordScored, "scored before it was stored");

        Take scored = take();
        scored.recordIntent("h", "k");
        scored.recordSubmitted("video_2");
        scored.recordStored("takes/2.mp4", "sha", 10);
        scored.recordScored();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scored.fail("late failure"));
        assertTrue(e.getMessage().contains("SCORED"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> scored.recordIntent("h", "k"), "a scored take is never sent again");
        assertThrows(IllegalStateException.class, scored::requeue);

        Take generating = take();
        generating.recordIntent("h", "k");
        generating.recordSubmitted("video_3");
        assertThrows(IllegalStateException.class, generating::requeue, "a take the provider has must not be sent again");
        assertThrows(IllegalStateException.class, () -> generating.recordSubmitted("video_4"), "a second id for one take");
    }

    @Test
    void aTakeThatCertainlyDidNotReachTheProviderGoesBackToTheQueue() {
        Take t = take();
        t.recordIntent("h", "k");
        t.requeue();
        assertEquals(Take.Status.PLANNED, t.getStatus());
        t.fail("Rejected by the provider's content policy");
        t.fail("a newer reason");
        assertEquals("a newer reason", t.getFailure());
    }

    @Test
    void theReviewersVerdictWinsOverTheAutomatedOne() {
        Take t = take();
        assertNull(Verdict.effective(null, null));
        Review review = new Review(t, Verdict.RETAKE, "goblet floats", "Ana", Review.Source.CONSOLE);
        assertEquals(Verdict.RETAKE, Verdict.effective(null, review));
        Score accepted = new Score(t);
        accepted.setOutcome(90, "ACCEPT", null);
        assertEquals(Verdict.ACCEPT, Verdict.effective(accepted, null));
        assertEquals(Verdict.RETAKE, Verdict.effective(accepted, review), "the reviewer's word counts");
    }

    @Test
    void aFinishedRunKeepsItsFailureAndARestartClearsIt() {
        Run run = new Run(new Project("P"), 4, false, "standalone");
        run.moveTo(Run.Status.RUNNING, null);
        run.moveTo(Run.Status.FAILED, "The provider stayed unavailable");
        assertEquals("The provider stayed unavailable", run.getFailure());
        run.moveTo(Run.Status.RUNNING, null);
        assertNull(run.getFailure());
        assertNull(run.getFinishedAt());
        run.moveTo(Run.Status.COMPLETED, null);
        assertThrows(IllegalStateException.class, () -> run.moveTo(Run.Status.RUNNING, null));
    }
}
