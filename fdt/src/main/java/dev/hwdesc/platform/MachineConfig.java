package dev.hwdesc.platform;

import java.util.List;
import java.util.Optional;

/**
 * What a user asks for, before a profile fills in the rest: every field is optional, and an empty one
 * takes the profile's default. Config files and command-line flags both end up here (flags set last).
 */
public record MachineConfig(
        Optional<String> profile,
        Optional<Architecture> architecture,
        Optional<Integer> cpus,
        Optional<Topology> topology,
        Optional<String> cpu,
        Optional<Boolean> pmu,
        Optional<Long> memory,
        Optional<Integer> gicVersion,
        Optional<Boolean> its,
        Optional<Integer> virtioMmio,
        Optional<Boolean> pcie,
        Optional<Boolean> highmem,
        Optional<Iommu> iommu,
        Optional<Boolean> iommuBypass,
        Optional<Integer> virtioIommuSlot,
        Optional<PsciMethod> psciMethod,
        Optional<Boolean> secure,
        Optional<Boolean> virtualization,
        Optional<Boolean> firmware,
        Optional<String> bootargs,
        Optional<Initrd> initrd,
        Optional<Boolean> randomSeeds,
        Optional<List<NumaNode>> numaNodes,
        Optional<List<List<Integer>>> numaDistances,
        Optional<MemoryHotplug> memoryHotplug,
        Optional<Hmat> hmat) {

    /**
     * A NUMA node: the CPUs in it (by index), the RAM it holds (0 for a node of CPUs only), and for a
     * node without CPUs the node whose CPUs are attached to its memory (QEMU's -numa node,initiator=N;
     * a node with CPUs is its own initiator).
     */
    public record NumaNode(List<Integer> cpus, long memory, Optional<Integer> initiator) {
        public NumaNode {
            cpus = List.copyOf(cpus);
        }

        public NumaNode(List<Integer> cpus, long memory) {
            this(cpus, memory, Optional.empty());
        }
    }

    /**
     * The memory performance the ACPI HMAT gives (QEMU's -machine hmat=on with -numa hmat-lb and
     * -numa hmat-cache): latencies and bandwidths from initiator nodes to target nodes, and memory
     * side caches.
     */
    public record Hmat(List<LatencyBandwidth> latencyBandwidth, List<MemoryCache> caches) {
        public Hmat {
            latencyBandwidth = List.copyOf(latencyBandwidth);
            caches = List.copyOf(caches);
        }

        /** Which memory a latency or bandwidth is of: the memory itself or a level of memory side cache. */
        public enum Hierarchy { MEMORY, FIRST_LEVEL, SECOND_LEVEL, THIRD_LEVEL }

        /** What an entry measures, in the HMAT's order. */
        public enum DataType {
            ACCESS_LATENCY, READ_LATENCY, WRITE_LATENCY, ACCESS_BANDWIDTH, READ_BANDWIDTH, WRITE_BANDWIDTH;

            public boolean latency() {
                return ordinal() <= WRITE_LATENCY.ordinal();
            }
        }

        /**
         * One measure from an initiator node to a target node.
         *
         * @param value nanoseconds for a latency, bytes per second for a bandwidth
         */
        public record LatencyBandwidth(int initiator, int target, Hierarchy hierarchy, DataType type, long value) {
        }

        /** A memory side cache's associativity and write policy, in the HMAT's encoding order. */
        public enum Associativity { NONE, DIRECT, COMPLEX }

        public enum WritePolicy { NONE, WRITE_BACK, WRITE_THROUGH }

        /** A memory side cache of a node's memory: its level (1-3), size, associativity, policy and line size. */
        public record MemoryCache(int node, int level, long size, Associativity associativity, WritePolicy policy,
                int line) {
        }
    }

    /** Room for hot-plugged memory: DIMM slots and the most RAM there can be (QEMU's -m SIZE,slots=N,maxmem=MAX). */
    public record MemoryHotplug(int slots, long maxMemory) {
    }

    /** -smp's sockets, clusters, cores and threads; an empty count is worked out from the others. */
    public record Topology(Optional<Integer> sockets, Optional<Integer> clusters, Optional<Integer> cores,
            Optional<Integer> threads) {
    }

    /** An initrd of {@code size} bytes, at {@code start} or where the profile's boot loader would put it. */
    public record Initrd(Optional<Long> start, long size) {
    }

    /** The IOMMU in front of the PCIe host: none, an SMMUv3, or a virtio-iommu PCI device. */
    public enum Iommu {
        NONE, SMMUV3, VIRTIO
    }

    /** How the guest calls PSCI, or no PSCI at all. */
    public enum PsciMethod {
        HVC, SMC, NONE
    }

    public static MachineConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; a later setting of the same field replaces an earlier one. */
    public static final class Builder {
        private Optional<String> profile = Optional.empty();
        private Optional<Architecture> architecture = Optional.empty();
        private Optional<Integer> cpus = Optional.empty();
        private Optional<Topology> topology = Optional.empty();
        private Optional<String> cpu = Optional.empty();
        private Optional<Boolean> pmu = Optional.empty();
        private Optional<Long> memory = Optional.empty();
        private Optional<Integer> gicVersion = Optional.empty();
        private Optional<Boolean> its = Optional.empty();
        private Optional<Integer> virtioMmio = Optional.empty();
        private Optional<Boolean> pcie = Optional.empty();
        private Optional<Boolean> highmem = Optional.empty();
        private Optional<Iommu> iommu = Optional.empty();
        private Optional<Boolean> iommuBypass = Optional.empty();
        private Optional<Integer> virtioIommuSlot = Optional.empty();
        private Optional<PsciMethod> psciMethod = Optional.empty();
        private Optional<Boolean> secure = Optional.empty();
        private Optional<Boolean> virtualization = Optional.empty();
        private Optional<Boolean> firmware = Optional.empty();
        private Optional<String> bootargs = Optional.empty();
        private Optional<Initrd> initrd = Optional.empty();
        private Optional<Boolean> randomSeeds = Optional.empty();
        private Optional<List<NumaNode>> numaNodes = Optional.empty();
        private Optional<List<List<Integer>>> numaDistances = Optional.empty();
        private Optional<MemoryHotplug> memoryHotplug = Optional.empty();
        private Optional<Hmat> hmat = Optional.empty();

        private Builder() {
        }

        public Builder profile(String v) { profile = Optional.of(v); return this; }
        public Builder architecture(Architecture v) { architecture = Optional.of(v); return this; }
        public Builder cpus(int v) { cpus = Optional.of(v); return this; }
        public Builder topology(Topology v) { topology = Optional.of(v); return this; }
        public Builder cpu(String v) { cpu = Optional.of(v); return this; }
        public Builder pmu(boolean v) { pmu = Optional.of(v); return this; }
        public Builder memory(long v) { memory = Optional.of(v); return this; }
        public Builder gicVersion(int v) { gicVersion = Optional.of(v); return this; }
        public Builder its(boolean v) { its = Optional.of(v); return this; }
        public Builder virtioMmio(int v) { virtioMmio = Optional.of(v); return this; }
        public Builder pcie(boolean v) { pcie = Optional.of(v); return this; }
        public Builder highmem(boolean v) { highmem = Optional.of(v); return this; }
        public Builder iommu(Iommu v) { iommu = Optional.of(v); return this; }
        /** The PCIe root bus bypasses the IOMMU (QEMU's default-bus-bypass-iommu=on). */
        public Builder iommuBypass(boolean v) { iommuBypass = Optional.of(v); return this; }
        /** The PCI slot (on bus 0, function 0) of a virtio-iommu. */
        public Builder virtioIommuSlot(int v) { virtioIommuSlot = Optional.of(v); return this; }
        public Builder psciMethod(PsciMethod v) { psciMethod = Optional.of(v); return this; }
        public Builder secure(boolean v) { secure = Optional.of(v); return this; }
        public Builder virtualization(boolean v) { virtualization = Optional.of(v); return this; }
        /**
         * UEFI firmware boots the guest (QEMU's -bios), so the guest may use ACPI: QEMU's virt then
         * signals the power button through the ACPI generic event device instead of a PL061 key.
         */
        public Builder firmware(boolean v) { firmware = Optional.of(v); return this; }
        public Builder bootargs(String v) { bootargs = Optional.of(v); return this; }
        public Builder initrd(Initrd v) { initrd = Optional.of(v); return this; }
        /** Fresh kaslr-seed and rng-seed in /chosen on every run (QEMU's dtb-randomness=on). */
        public Builder randomSeeds(boolean v) { randomSeeds = Optional.of(v); return this; }
        public Builder numaNodes(List<NumaNode> v) { numaNodes = Optional.of(List.copyOf(v)); return this; }
        public Builder numaDistances(List<List<Integer>> v) { numaDistances = Optional.of(v.stream().map(List::copyOf).toList()); return this; }
        public Builder memoryHotplug(MemoryHotplug v) { memoryHotplug = Optional.of(v); return this; }
        public Builder hmat(Hmat v) { hmat = Optional.of(v); return this; }

        public MachineConfig build() {
            return new MachineConfig(profile, architecture, cpus, topology, cpu, pmu, memory, gicVersion, its,
                    virtioMmio, pcie, highmem, iommu, iommuBypass, virtioIommuSlot, psciMethod, secure, virtualization, firmware, bootargs, initrd, randomSeeds, numaNodes,
                    numaDistances, memoryHotplug, hmat);
        }
    }
}
