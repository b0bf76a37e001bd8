package dev.hwdesc.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-second counters JMH reports next to ops/s: {@code bytes} (blob bytes handled, so bytes/s;
 * divide by 1e6 for MB/s) and {@code nodes} (nodes/s).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Throughput {
    public long bytes;
    public long nodes;

    @Setup(Level.Iteration)
    public void reset() {
        bytes = 0;
        nodes = 0;
    }
}
