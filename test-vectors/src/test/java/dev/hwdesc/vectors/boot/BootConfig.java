package dev.hwdesc.vectors.boot;

/**
 * One machine the boot test boots: QEMU virt with a GIC version and a CPU count, cortex-a57 CPUs and
 * {@link #MEMORY} of RAM. hwdesc generates its DTB with the same values QEMU is started with.
 */
record BootConfig(int gicVersion, int cpus) {

    /** RAM, in the syntax both {@code hwdesc generate --memory} and QEMU's {@code -m} take. */
    static final String MEMORY = "1G";
    static final long MEMORY_BYTES = 1L << 30;
    static final String CPU = "cortex-a57";

    BootConfig {
        if (gicVersion != 2 && gicVersion != 3) {
            throw new IllegalArgumentException("GIC version 2 or 3, not " + gicVersion);
        }
        if (cpus < 1 || (gicVersion == 2 && cpus > 8)) {
            throw new IllegalArgumentException(cpus + " CPUs with GICv" + gicVersion);
        }
    }

    String name() {
        return "gicv" + gicVersion + "-smp" + cpus;
    }

    /** The {@code -machine} value, without the options a caller adds. */
    String machine() {
        return "virt,gic-version=" + gicVersion;
    }

    @Override
    public String toString() {
        return name();
    }
}
