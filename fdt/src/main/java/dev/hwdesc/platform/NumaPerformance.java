package dev.hwdesc.platform;

import java.util.List;
import java.util.Optional;

/**
 * What the ACPI HMAT says of a NUMA machine's memory, which its device tree does not describe: each
 * node's attached initiator (the node whose CPUs use its memory), the latencies and bandwidths from
 * initiator nodes to target nodes, and the memory side caches.
 *
 * @param initiators for each NUMA node in order, its attached initiator node, if it has one
 */
public record NumaPerformance(List<Optional<Integer>> initiators, List<MachineConfig.Hmat.LatencyBandwidth> latencyBandwidth,
        List<MachineConfig.Hmat.MemoryCache> caches) {

    public NumaPerformance {
        initiators = List.copyOf(initiators);
        latencyBandwidth = List.copyOf(latencyBandwidth);
        caches = List.copyOf(caches);
    }

    /** The largest entry an HMAT latency or bandwidth structure holds (its entries are 16 bits; 0xFFFF is reserved). */
    public static final long MAX_ENTRY = 0xFFFE;
    public static final long MIB = 1L << 20;

    /**
     * The values of one latency or bandwidth structure as its entries and their unit, as QEMU writes
     * them: latencies (ns) over the largest power of ten that divides them all, the unit in
     * picoseconds; bandwidths (bytes/s) over the largest power of two that divides them all, the unit
     * in MB/s.
     *
     * @param divisor what each value is divided by to give its entry
     * @param unit the Entry Base Unit written
     */
    public record Units(long divisor, long unit) {

        public long entry(long value) {
            return value / divisor;
        }

        /**
         * The units for {@code values}: latencies when {@code latency}, bandwidths otherwise.
         *
         * @throws IllegalArgumentException if a value is not above 0, or a bandwidth not whole MB/s
         */
        public static Units of(List<Long> values, boolean latency) {
            for (long v : values) {
                if (v <= 0 || (!latency && v % MIB != 0)) {
                    throw new IllegalArgumentException((latency ? "latency " : "bandwidth ") + v
                            + (latency ? " ns is not above 0" : " bytes/s is not a whole number of MB/s above 0"));
                }
            }
            if (latency) {
                long divisor = Long.MAX_VALUE;
                for (long v : values) {
                    long p = 1;
                    while (v % (p * 10) == 0) {
                        p *= 10;
                    }
                    divisor = Math.min(divisor, p);
                }
                return new Units(divisor, divisor * 1000);
            }
            long bits = 0;
            for (long v : values) {
                bits |= v;
            }
            long divisor = Long.lowestOneBit(bits);
            return new Units(divisor, divisor / MIB);
        }
    }
}
