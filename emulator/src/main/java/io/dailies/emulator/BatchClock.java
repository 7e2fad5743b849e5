package io.dailies.emulator;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the emulator's open batches on every second, so they finish with nobody polling them, and
 * resume after a restart. A non-persistent timer: a missed tick is simply the next one.
 */
@Singleton
@Startup
public class BatchClock {

    private static final Logger LOG = Logger.getLogger(BatchClock.class.getName());
    private static final long TICK_MS = 1000;

    @Resource
    TimerService timers;

    @Inject
    BatchProcessor batches;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(TICK_MS, TICK_MS, new TimerConfig("emulator-batches", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        // Each batch advances in its own transaction: one broken batch does not hold up the others.
        for (String id : batches.open()) {
            try {
                batches.advance(id);
            } catch (RuntimeException e) {
                if (!BatchProcessor.lockBusy(e)) {
                    LOG.log(Level.WARNING, "Emulator could not advance batch " + id, e);
                }
            }
        }
    }
}
