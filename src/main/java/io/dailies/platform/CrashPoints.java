package io.dailies.platform;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Named steps where a crash test can make the server die exactly as kill -9 would: no shutdown hook,
 * no checkpoint, no transaction completed (Runtime.halt). Off unless the JVM was started with
 * {@code -Ddailies.test.crash-at=<step>} or {@code <step>#<n>} (die the n-th time the step is reached);
 * the restart tests (KillPointsRestartIT) start the server that way. Production never sets it, and then
 * reaching a step costs one string comparison.
 *
 * <p>Steps: {@code render.after-intent}, {@code render.after-create}, {@code render.awaiting},
 * {@code render.downloading}, {@code score.take}, {@code report.write}, {@code batch.after-upload},
 * {@code batch.after-create}, {@code batch.collecting}, {@code import.load}.
 */
public final class CrashPoints {

    private static final Logger LOG = Logger.getLogger(CrashPoints.class.getName());
    /** Set by the JVM's command line only: read once, here. */
    private static final String AT = System.getProperty("dailies.test.crash-at");
    private static final String STEP = AT == null ? null : AT.split("#", 2)[0];
    private static final AtomicInteger REMAINING = new AtomicInteger(AT == null || !AT.contains("#") ? 1
            : Integer.parseInt(AT.split("#", 2)[1]));

    private CrashPoints() {
    }

    /** The server dies here if a crash test asked for this step. */
    public static void reach(String step) {
        if (STEP != null && STEP.equals(step) && REMAINING.decrementAndGet() == 0) {
            LOG.severe(() -> "Crash test: halting the server at " + step + " (dailies.test.crash-at=" + AT + ")");
            Runtime.getRuntime().halt(137);
        }
    }
}
