package io.dailies.schedule;

import io.dailies.production.RunFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a night's run ends: the night records how it ended and what the window's end deferred, its morning
 * workbook is written, and its recipients get the e-mail. A run started by hand is none of its business.
 */
@ApplicationScoped
public class NightEnd {

    private static final Logger LOG = Logger.getLogger(NightEnd.class.getName());

    @Inject
    Nights nights;

    @Inject
    MorningDailies morning;

    @Inject
    DailiesMail mail;

    @Inject
    ScheduleClock clock;

    void runFinished(@Observes RunFinished event) {
        Firing f = nights.runEnded(event.runId(), clock.now());
        if (f == null) {
            return;
        }
        try {
            morning.write(f.getId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The morning workbook of night " + f.getId() + " could not be written now; it is written when"
                    + " downloaded", e);
        }
        try {
            nights.mailed(f.getId(), mail.send(morning.mail(f.getId())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The morning e-mail of night " + f.getId() + " failed", e);
        }
    }
}
