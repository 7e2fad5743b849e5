package io.dailies.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heap figures the spreadsheet benchmark prints. <b>Peak</b>: every heap pool's peak is reset
 * before a phase and the pools' peaks are summed after it (the pools peak at different moments, so
 * the sum leans high; it is what the heap had to make room for). <b>Live</b>: the heap in use right
 * after a full collection, i.e. what the phase really keeps. A collector lets garbage pile up
 * towards the cap before it collects, so the peak says as much about the cap as about the code; the
 * live figure does not.
 */
final class HeapGauge {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private long gcCount;
    private long gcMillis;

    /** Starts a phase: a full collection, then every heap pool's peak reset and the collections counted from here. */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        gcCount = collections();
        gcMillis = collectionMillis();
    }

    /** Sum of the heap pools' peak usage since {@link #reset}, in bytes. */
    long peak() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Heap in use after a full collection, in bytes. */
    static long liveAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Collections since {@link #reset}. */
    long gcs() {
        return collections() - gcCount;
    }

    /** Milliseconds spent collecting since {@link #reset}. */
    long gcTime() {
        return collectionMillis() - gcMillis;
    }

    /** The collectors' names, e.g. "G1 Young Generation, G1 Old Generation". */
    String collectorNames() {
        return String.join(", ", collectors.stream().map(GarbageCollectorMXBean::getName).toList());
    }

    private long collections() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private long collectionMillis() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    /**
     * The live heap every so many rows of a pass (a full collection, then the heap in use), to tell a
     * pass that streams (flat) from one that keeps something per row (rising). The collections take
     * time of their own, which is kept apart so the rates can leave it out.
     */
    static final class Probes {
        private final int every;
        private final List<long[]> points = new ArrayList<>();
        private long pausedNanos;

        /** Probes at row {@code every}, 2 x {@code every}, ...; none when {@code every} is 0. */
        Probes(int every) {
            this.every = every;
        }

        /** Call once per row, with the count of rows done so far. */
        void at(int rowsDone) {
            if (every > 0 && rowsDone > 0 && rowsDone % every == 0) {
                long start = System.nanoTime();
                points.add(new long[]{rowsDone, liveAfterFullGc()});
                pausedNanos += System.nanoTime() - start;
            }
        }

        /** Seconds spent in the probes' collections. */
        double pausedSeconds() {
            return pausedNanos / 1e9;
        }

        /** Highest live heap probed, in bytes; 0 when none. */
        long max() {
            return points.stream().mapToLong(p -> p[1]).max().orElse(0);
        }

        /** Rows done at the last probe; 0 when none. */
        long lastRow() {
            return points.isEmpty() ? 0 : points.get(points.size() - 1)[0];
        }

        /** "10,000: 31, 20,000: 35 MB". */
        String describe() {
            if (points.isEmpty()) {
                return "no probe reached";
            }
            StringBuilder b = new StringBuilder();
            for (long[] p : points) {
                b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d: %d", p[0], mb(p[1])));
            }
            return b.append(" MB").toString();
        }

        /** The probes as "row:bytes,row:bytes", for a child JVM's result line. */
        String encode() {
            return String.join(",", points.stream().map(p -> p[0] + ":" + p[1]).toList());
        }

        /** Reads {@link #encode}'s form back. */
        static Probes decode(String text) {
            Probes p = new Probes(0);
            if (text != null && !text.isBlank()) {
                for (String point : text.split(",")) {
                    int colon = point.indexOf(':');
                    p.points.add(new long[]{Long.parseLong(point.substring(0, colon)), Long.parseLong(point.substring(colon + 1))});
                }
            }
            return p;
        }
    }
}
