package dev.hwdesc.platform;

/**
 * The Power State Coordination Interface the firmware or hypervisor offers: its version and the
 * conduit (HVC to a hypervisor, SMC to EL3 firmware). The function IDs follow from the version and
 * the CPU's architecture.
 */
public record Psci(Version version, Method method) {

    /** PSCI versions as the device tree's compatible strings tell them apart. */
    public enum Version {
        V0_1, V0_2, V1_0
    }

    /** How the guest calls PSCI. */
    public enum Method {
        HVC("hvc"), SMC("smc");

        private final String name;

        Method(String name) {
            this.name = name;
        }

        /** The device tree's "method" string and the config's spelling. */
        public String text() {
            return name;
        }
    }

    /** Function IDs of CPU_SUSPEND, CPU_OFF, CPU_ON and MIGRATE for a guest of {@code arch}. */
    public record FunctionIds(long cpuSuspend, long cpuOff, long cpuOn, long migrate) {
    }

    public FunctionIds functionIds(Architecture arch) {
        if (version == Version.V0_1) {
            // PSCI 0.1 left the IDs to the implementation; these are QEMU's.
            return new FunctionIds(0x95c1ba5eL, 0x95c1ba5fL, 0x95c1ba60L, 0x95c1ba61L);
        }
        long base = arch == Architecture.AARCH64 ? 0xc4000000L : 0x84000000L;
        return new FunctionIds(base + 1, 0x84000002L, base + 3, base + 5);
    }
}
