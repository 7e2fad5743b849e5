package io.dailies.scoring;

import io.dailies.core.Take;
import io.dailies.production.TakeLedger;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Iterator;

/** The run's downloaded takes not scored yet; a take's status is its checkpoint. */
@Dependent
@Named("storedTakeReader")
public class StoredTakeReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    TakeLedger ledger;

    private Iterator<Take> takes;

    @Override
    public void open(Serializable checkpoint) {
        takes = ledger.takes(Long.parseLong(runId), EnumSet.of(Take.Status.STORED)).iterator();
    }

    @Override
    public Object readItem() {
        return takes.hasNext() ? takes.next().getId() : null;
    }
}
