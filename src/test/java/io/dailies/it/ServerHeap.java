package io.dailies.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * The test server's heap, read through its management API (the platform MBeans): what is in use now, the
 * most each pool held since the last reset, and the cap (-Xmx).
 */
public final class ServerHeap {

    private static final ModelNode MEMORY = Operations.createAddress("core-service", "platform-mbean", "type", "memory");
    private static final ModelNode POOLS = Operations.createAddress("core-service", "platform-mbean", "type", "memory-pool");

    private final ModelControllerClient client;

    public ServerHeap(ModelControllerClient client) {
        this.client = client;
    }

    /** Heap in use and its cap, in MB. */
    public record Usage(long usedMb, long maxMb) {
    }

    public Usage now() {
        ModelNode heap = execute(Operations.createReadAttributeOperation(MEMORY, "heap-memory-usage"));
        return new Usage(heap.get("used").asLong() >> 20, heap.get("max").asLong() >> 20);
    }

    /** A full collection first, then the heap in use: what is live. */
    public Usage live() {
        execute(Operations.createOperation("gc", MEMORY));
        return now();
    }

    /** Starts the peaks afresh. */
    public void resetPeaks() {
        ModelNode pools = execute(poolNames());
        for (ModelNode name : pools.asList()) {
            ModelNode address = POOLS.clone().add("name", name.asString());
            if (heapPool(address)) {
                execute(Operations.createOperation("reset-peak-usage", address));
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset, in MB (the pools peak at different moments: an upper bound). */
    public long peakMb() {
        long peak = 0;
        ModelNode pools = execute(poolNames());
        for (ModelNode name : pools.asList()) {
            ModelNode address = POOLS.clone().add("name", name.asString());
            if (heapPool(address)) {
                peak += execute(Operations.createReadAttributeOperation(address, "peak-usage")).get("used").asLong();
            }
        }
        return peak >> 20;
    }

    private boolean heapPool(ModelNode address) {
        return "HEAP".equals(execute(Operations.createReadAttributeOperation(address, "type")).asString());
    }

    private static ModelNode poolNames() {
        ModelNode op = Operations.createOperation("read-children-names", POOLS);
        op.get("child-type").set("name");
        return op;
    }

    private ModelNode execute(ModelNode op) {
        try {
            ModelNode result = client.execute(op);
            if (!Operations.isSuccessfulOutcome(result)) {
                throw new IllegalStateException("management operation failed: " + op + " -> " + result);
            }
            return Operations.readResult(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
