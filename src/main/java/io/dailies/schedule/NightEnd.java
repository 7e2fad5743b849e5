package io.dailies.schedule;

import io.dailies.core.Run;
import io.dailies.production.RunFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

    @Inject
    NightEnd self;

    @PersistenceContext
    EntityManager em;

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
            nights.mailed(f.getId(), mail.send(self.morning(f.getId())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The morning e-mail of night " + f.getId() + " failed", e);
        }
    }

    @Transactional
    public DailiesMail.Morning morning(long firingId) {
        Firing f = em.find(Firing.class, firingId);
        Schedule s = em.find(Schedule.class, f.getScheduleId());
        Run run = em.find(Run.class, f.getRunId());
        return new DailiesMail.Morning(f.getProjectId(), run.getProject().getName(), firingId, f.getWindowDate().toString(),
                s == null ? java.util.List.of() : s.getRecipients(), morning.summary(f));
    }
}
