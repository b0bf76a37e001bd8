package dev.hwdesc.platform;

/**
 * How the CPUs are grouped: sockets of clusters of cores of threads, as QEMU's -smp counts them
 * (CPU index = ((socket * clusters + cluster) * cores + core) * threads + thread).
 */
public record CpuTopology(int sockets, int clusters, int cores, int threads) {

    /** Where one CPU sits. */
    public record Place(int socket, int cluster, int core, int thread) {
    }

    public CpuTopology {
        if (sockets < 1 || clusters < 1 || cores < 1 || threads < 1) {
            throw new IllegalArgumentException("topology counts must be at least 1");
        }
    }

    /** One socket, one cluster, {@code cpus} single-threaded cores. */
    public static CpuTopology flat(int cpus) {
        return new CpuTopology(1, 1, cpus, 1);
    }

    public int cpus() {
        return sockets * clusters * cores * threads;
    }

    public Place placeOf(int index) {
        return new Place(index / (clusters * cores * threads), (index / (cores * threads)) % clusters,
                (index / threads) % cores, index % threads);
    }
}
