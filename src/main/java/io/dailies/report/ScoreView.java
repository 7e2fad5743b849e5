package io.dailies.report;

import io.dailies.core.Score;

/**
 * A take's scores as the API answers them: the measured criteria (0-100, null when not measured), the
 * overall score, the automated verdict, and the optional judge's two scores beside them.
 */
public record ScoreView(Integer promptAdherence, Integer motionQuality, Integer physicalRealism, Integer continuity,
                        Integer audioSync, Integer overall, String verdict, Integer judgePromptAdherence,
                        Integer judgePhysicalRealism) {

    static ScoreView of(Score s) {
        return new ScoreView(s.getPromptAdherence(), s.getMotionQuality(), s.getPhysicalRealism(), s.getContinuity(),
                s.getAudioSync(), s.getOverall(), s.getVerdict(), s.getJudgePromptAdherence(), s.getJudgePhysicalRealism());
    }
}
