package dev.hwdesc.platform.qemu;

import static dev.hwdesc.platform.qemu.QemuVirtMemoryMap.*;

import dev.hwdesc.platform.Architecture;
import dev.hwdesc.platform.Chosen;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.CpuTopology;
import dev.hwdesc.platform.FixedClock;
import dev.hwdesc.platform.Flash;
import dev.hwdesc.platform.FwCfg;
import dev.hwdesc.platform.Ged;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.InterruptController;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Interrupt.Trigger;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.MemoryMap;
import dev.hwdesc.platform.MemoryRegion;
import dev.hwdesc.platform.NumaDistances;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Pl031;
import dev.hwdesc.platform.Pl061;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.PlatformBus;
import dev.hwdesc.platform.Pmu;
import dev.hwdesc.platform.Psci;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.RngSeed;
import dev.hwdesc.platform.SecureWorld;
import dev.hwdesc.platform.Sizes;
import dev.hwdesc.platform.Smmuv3;
import dev.hwdesc.platform.SpiRange;
import dev.hwdesc.platform.Timer;
import dev.hwdesc.platform.VirtioIommu;
import dev.hwdesc.platform.VirtioMmio;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A config made into the platform QEMU 7.2's virt machine builds for the same options: its memory
 * and interrupt maps, its rules (PSCI over SMC when the guest has EL2, none when it has EL3, GICv2m
 * with GICv2, the high regions only where they fit), and its limits, reported as config errors.
 * Where hwdesc's defaults differ from QEMU's (4 CPUs, cortex-a57, 2 GiB, GICv3), they are the
 * defaults of a useful VM; every one of them can be set to QEMU's.
 */
final class QemuVirtPlatform {

    static final int DEFAULT_CPUS = 4;
    static final long DEFAULT_MEMORY = 2 * GIB;
    static final int DEFAULT_GIC = 3;
    /**
     * Where QEMU puts a virtio-iommu-pci given as the first -device: PCI slot 2, after the host
     * bridge (slot 0) and its default network card (slot 1); slot 1 with -nodefaults (iommu-slot).
     */
    static final int VIRTIO_IOMMU_SLOT = 2;

    /** QEMU 7.2 accepts at most 512 CPUs on virt. */
    static final int MAX_CPUS = 512;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final List<ConfigException.Problem> problems = new ArrayList<>();

    private QemuVirtPlatform() {
    }

    static Platform of(MachineConfig c) throws ConfigException {
        return new QemuVirtPlatform().build(c);
    }

    private void problem(String key, String message) {
        problems.add(new ConfigException.Problem(key, message));
    }

    private Platform build(MachineConfig c) throws ConfigException {
        QemuCpuModel model = cpuModel(c);
        Architecture arch = model.hasAarch64() ? Architecture.AARCH64 : Architecture.AARCH32;
        int cpus = c.cpus().orElse(DEFAULT_CPUS);
        if (cpus < 1 || cpus > MAX_CPUS) {
            problem("cpus", "must be 1 to " + MAX_CPUS + ", not " + cpus);
            cpus = 1;
        }
        CpuTopology topology = topology(c, cpus);
        int gicVersion = c.gicVersion().orElse(DEFAULT_GIC);
        boolean secure = c.secure().orElse(false);
        boolean el2 = c.virtualization().orElse(false);
        boolean highmem = c.highmem().orElse(true);
        long memory = c.memory().orElse(DEFAULT_MEMORY);
        if (gicVersion < 2 || gicVersion > 4) {
            problem("gic.version", "must be 2, 3 or 4, not " + gicVersion);
            gicVersion = DEFAULT_GIC;
        }
        if (gicVersion == 4 && !el2) {
            problem("gic.version", "GICv4 needs virtualization: true (QEMU: gic-version=4 requires virtualization enabled)");
        }
        if (gicVersion == 2 && c.its().orElse(false)) {
            problem("gic.its", "an ITS needs GICv3 (GICv2 gets a GICv2m MSI frame instead)");
        }
        if (gicVersion == 2 && cpus > GicV2.MAX_CPUS) {
            problem("cpus", "GICv2 serves at most " + GicV2.MAX_CPUS + " CPUs, not " + cpus + " (use gic.version: 3)");
        }
        if (el2 && !model.hasAarch64()) {
            problem("virtualization", model.qemuName() + " cannot run a guest hypervisor in QEMU's virt (EL2 needs an AArch64 CPU)");
        }
        int paBits = highmem ? model.physicalAddressBits() : 32;
        if (c.memory().isEmpty() && c.numaNodes().isPresent()) {
            memory = c.numaNodes().get().stream().mapToLong(MachineConfig.NumaNode::memory).sum();
        }
        long hotplug = hotplugSpace(c, memory);
        if (memory <= 0 || memory % 4096 != 0) {
            problem("memory", "must be a positive multiple of 4 KiB, not " + memory);
            memory = DEFAULT_MEMORY;
        } else if (!memoryFits(memory, hotplug, paBits)) {
            problem("memory", String.format("%s of RAM%s from 0x%x runs past the %d-bit address space%s",
                    Sizes.describe(memory), hotplug > 0 ? " and " + Sizes.describe(hotplug) + " for hot-plugged memory" : "",
                    RAM_BASE, paBits, highmem ? " of " + model.qemuName() : " (highmem: false allows at most 3 GiB)"));
            memory = GIB;
            hotplug = 0;
        }
        HighRegions high = highRegions(memory, hotplug, paBits);
        List<MachineConfig.NumaNode> numa = numaNodes(c, cpus, memory);
        Optional<NumaDistances> distances = numaDistances(c, c.numaNodes().map(List::size).orElse(numa.size()));
        QemuVirtHmatChecks.check(c, this::problem);
        int virtioCount = c.virtioMmio().orElse(VIRTIO_MMIO_SLOTS);
        if (virtioCount < 0 || virtioCount > VIRTIO_MMIO_SLOTS) {
            problem("virtio-mmio", "QEMU's virt has " + VIRTIO_MMIO_SLOTS + " virtio-mmio slots and interrupt lines (SPI "
                    + VIRTIO_MMIO_FIRST_SPI + "-" + (VIRTIO_MMIO_FIRST_SPI + VIRTIO_MMIO_SLOTS - 1) + "), not " + virtioCount);
            virtioCount = VIRTIO_MMIO_SLOTS;
        }
        boolean pcie = c.pcie().orElse(true);
        boolean smmu = c.iommu().orElse(MachineConfig.Iommu.NONE) == MachineConfig.Iommu.SMMUV3;
        boolean virtioIommu = c.iommu().orElse(MachineConfig.Iommu.NONE) == MachineConfig.Iommu.VIRTIO;
        if (c.virtioIommuSlot().isPresent() && !virtioIommu) {
            problem("iommu-slot", "places a virtio-iommu: it needs iommu: virtio");
        }
        if (virtioIommu && !pcie) {
            problem("iommu", "a virtio-iommu is a PCI device: it needs pcie: true");
        }
        if (c.iommuBypass().orElse(false) && !smmu) {
            problem("iommu-bypass", "there is no IOMMU to bypass (iommu: smmuv3)");
        }
        if (smmu && !pcie) {
            problem("iommu", "the SMMUv3 sits in front of the PCIe host: it needs pcie: true");
        }
        Optional<Psci> psci = psci(c, secure, el2);
        Optional<Region> initrd = initrd(c, memory);
        if (c.pmu().orElse(false) && !model.hasPmu()) {
            problem("pmu", model.qemuName() + " has no PMU");
        }
        InterruptController gic = gic(gicVersion, cpus, el2, c.its().orElse(true), high);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }

        Platform.Builder p = Platform.builder()
                .model("linux,dummy-virt")
                .compatible(List.of("linux,dummy-virt"))
                .architecture(arch)
                .topology(topology)
                .peripheralClock(new FixedClock("apb-pclk", 24_000_000L, Optional.of("clk24mhz")));
        int[] nodeOfCpu = new int[cpus];
        java.util.Arrays.fill(nodeOfCpu, -1);
        for (int n = 0; n < numa.size(); n++) {
            for (int cpu : numa.get(n).cpus()) {
                nodeOfCpu[cpu] = n;
            }
        }
        for (int i = 0; i < cpus; i++) {
            // QEMU names PSCI as the enable method of every CPU of an SMP guest, even when the guest's
            // own EL3 firmware provides it (secure=on) and the tree has no /psci node.
            Optional<String> enable = cpus > 1 ? Optional.of("psci") : Optional.empty();
            p.cpu(new Cpu(i, mpidr(i, gicVersion), model.compatible(), enable, topology.placeOf(i), nodeOfCpu[i]));
        }
        if (numa.isEmpty()) {
            p.memory(new MemoryRegion(new Region(RAM_BASE, memory), -1));
        } else {
            // The nodes' RAM in node order, one after another from the start of RAM; a node without
            // RAM has no region.
            long base = RAM_BASE;
            for (int n = 0; n < numa.size(); n++) {
                long size = numa.get(n).memory();
                if (size > 0) {
                    p.memory(new MemoryRegion(new Region(base, size), n));
                    base += size;
                }
            }
        }
        distances.ifPresent(p::numaDistances);
        p.gic(gic);
        p.timer(timer(model, gicVersion, cpus));
        if (model.hasPmu() && c.pmu().orElse(true)) {
            p.pmu(model.isArmv8()
                    ? new Pmu(List.of("arm,armv8-pmuv3"), Optional.of(ppi(PMU_PPI, gicVersion, cpus)))
                    : new Pmu(List.of(), Optional.empty()));
        }
        psci.ifPresent(p::psci);
        p.flash(new Flash(List.of(FLASH_BANK0, FLASH_BANK1), 4, secure));
        p.uart(new Pl011(UART, Interrupt.spi(UART_SPI, Trigger.LEVEL_HIGH), false));
        if (secure) {
            p.secureWorld(new SecureWorld(SECURE_MEM, new Pl011(SECURE_UART, Interrupt.spi(SECURE_UART_SPI, Trigger.LEVEL_HIGH), true),
                    Optional.of(new Pl061(SECURE_GPIO, Interrupt.spi(0, Trigger.LEVEL_HIGH), true,
                            List.of(new Pl061.GpioLine(Pl061.Use.POWEROFF, 0), new Pl061.GpioLine(Pl061.Use.RESTART, 1))))));
        }
        p.rtc(new Pl031(RTC, Interrupt.spi(RTC_SPI, Trigger.LEVEL_HIGH)));
        if (pcie) {
            List<Interrupt> intx = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                intx.add(Interrupt.spi(PCIE_FIRST_SPI + i, Trigger.LEVEL_HIGH));
            }
            Region ecam = high.ecam().orElse(PCIE_ECAM);
            boolean msi = gicVersion == 2 || c.its().orElse(true);
            boolean behindSmmu = smmu && !c.iommuBypass().orElse(false);
            p.pcie(new PcieHost(ecam, 0, (int) (ecam.size() >> 20) - 1, PCIE_PIO, PCIE_MMIO, high.mmio(), intx, 0, msi,
                    behindSmmu, virtioIommu ? Optional.of(new VirtioIommu(c.virtioIommuSlot().orElse(VIRTIO_IOMMU_SLOT) << 3))
                            : Optional.empty()));
            if (smmu) {
                List<Interrupt> irqs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    irqs.add(Interrupt.spi(SMMU_FIRST_SPI + i, Trigger.EDGE_RISING));
                }
                p.smmu(new Smmuv3(SMMU, irqs));
            }
        }
        if (c.firmware().orElse(false) && arch == Architecture.AARCH64) {
            // machvirt_init: with firmware that can give the guest ACPI, the power button is the
            // generic event device's, and there is no PL061 (nor its key) in the device tree.
            // With DIMM slots, the generic event device also serves the memory hotplug registers.
            Optional<Ged.MemoryHotplug> memoryHotplug = c.memoryHotplug().filter(h -> h.slots() > 0)
                    .map(h -> new Ged.MemoryHotplug(MEMORY_HOTPLUG_REGISTERS, h.slots()));
            p.ged(new Ged(ACPI_GED, Interrupt.spi(ACPI_GED_SPI, Trigger.EDGE_RISING), memoryHotplug));
        } else {
            p.gpio(new Pl061(GPIO, Interrupt.spi(GPIO_SPI, Trigger.LEVEL_HIGH), false,
                    List.of(new Pl061.GpioLine(Pl061.Use.POWER_KEY, 3))));
        }
        for (int i = 0; i < virtioCount; i++) {
            p.virtioMmio(new VirtioMmio(new Region(VIRTIO_MMIO_BASE + i * VIRTIO_MMIO_SIZE, VIRTIO_MMIO_SIZE),
                    Interrupt.spi(VIRTIO_MMIO_FIRST_SPI + i, Trigger.EDGE_RISING)));
        }
        p.fwCfg(new FwCfg(FW_CFG));
        p.platformBus(new PlatformBus(PLATFORM_BUS, Optional.of(new SpiRange(PLATFORM_BUS_FIRST_SPI, PLATFORM_BUS_SPI_COUNT))));
        if (c.randomSeeds().orElse(false)) {
            // create_randomness: 8 bytes for kaslr-seed, 32 for rng-seed, fresh for each VM.
            byte[] rng = new byte[32];
            RANDOM.nextBytes(rng);
            p.chosen(new Chosen(c.bootargs(), initrd, Optional.of(0), Optional.of(RANDOM.nextLong()), Optional.of(new RngSeed(rng))));
        } else {
            p.chosen(new Chosen(c.bootargs(), initrd, Optional.of(0)));
        }
        Platform platform = p.build();
        // QEMU's map keeps RAM and devices apart by construction; this says so for every config.
        for (MemoryMap.Overlap o : MemoryMap.overlaps(platform)) {
            problem(o.first().what().equals("RAM") || o.second().what().equals("RAM") ? "memory" : "profile", o.toString());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return platform;
    }

    /**
     * The address space kept for hot-plugged memory (virt_set_memmap): what RAM may grow to beyond
     * its start size, plus 1 GiB of alignment per slot; 0 without memory hotplug.
     */
    private long hotplugSpace(MachineConfig c, long memory) {
        if (c.memoryHotplug().isEmpty()) {
            return 0;
        }
        MachineConfig.MemoryHotplug h = c.memoryHotplug().get();
        if (h.slots() < 1 || h.slots() > MAX_MEMORY_SLOTS) {
            problem("memory-hotplug.slots", "must be 1 to " + MAX_MEMORY_SLOTS + ", not " + h.slots());
            return 0;
        }
        if (Long.compareUnsigned(h.maxMemory(), memory) < 0) {
            problem("memory-hotplug.max", "must be at least memory (" + Sizes.describe(memory) + "), not " + Sizes.describe(h.maxMemory()));
            return 0;
        }
        return h.maxMemory() - memory + h.slots() * GIB;
    }

    /** QEMU's ACPI limit on DIMM slots. */
    static final int MAX_MEMORY_SLOTS = 256;

    /**
     * The NUMA nodes: as configured, each CPU in exactly one and their RAM adding up to the machine's;
     * or, with memory hotplug and no nodes given, one node of everything (QEMU turns NUMA on itself
     * so hot-plugged memory has a node to go to).
     */
    private List<MachineConfig.NumaNode> numaNodes(MachineConfig c, int cpus, long memory) {
        if (c.numaNodes().isEmpty()) {
            if (c.memoryHotplug().isPresent()) {
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < cpus; i++) {
                    all.add(i);
                }
                return List.of(new MachineConfig.NumaNode(all, memory));
            }
            return List.of();
        }
        List<MachineConfig.NumaNode> nodes = c.numaNodes().get();
        if (nodes.isEmpty() || nodes.size() > MAX_NUMA_NODES) {
            problem("numa.nodes", "must list 1 to " + MAX_NUMA_NODES + " nodes, not " + nodes.size());
            return List.of();
        }
        int[] nodeOf = new int[cpus];
        java.util.Arrays.fill(nodeOf, -1);
        long total = 0;
        for (int n = 0; n < nodes.size(); n++) {
            total += nodes.get(n).memory();
            for (int cpu : nodes.get(n).cpus()) {
                if (cpu < 0 || cpu >= cpus) {
                    problem("numa.nodes", "node " + n + " names CPU " + cpu + ", but there are " + cpus + " CPUs");
                    return List.of();
                }
                if (nodeOf[cpu] >= 0) {
                    problem("numa.nodes", "CPU " + cpu + " is in node " + nodeOf[cpu] + " and in node " + n);
                    return List.of();
                }
                nodeOf[cpu] = n;
            }
        }
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (nodeOf[cpu] < 0) {
                problem("numa.nodes", "CPU " + cpu + " is in no node");
                return List.of();
            }
        }
        if (total != memory) {
            problem("numa.nodes", "the nodes' memory adds up to " + Sizes.describe(total) + ", but memory is " + Sizes.describe(memory));
            return List.of();
        }
        return nodes;
    }

    /** QEMU's MAX_NODES. */
    static final int MAX_NUMA_NODES = 128;

    /** The distance matrix, if given: one row per node, 10 from a node to itself, 10 to 255 otherwise. */
    private Optional<NumaDistances> numaDistances(MachineConfig c, int nodes) {
        if (c.numaDistances().isEmpty()) {
            return Optional.empty();
        }
        List<List<Integer>> rows = c.numaDistances().get();
        if (rows.size() != nodes || rows.stream().anyMatch(r -> r.size() != nodes)) {
            problem("numa.distances", "must be a " + nodes + " x " + nodes + " matrix, one row per NUMA node");
            return Optional.empty();
        }
        int[][] matrix = new int[nodes][nodes];
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                int d = rows.get(i).get(j);
                if (i == j ? d != 10 : d < 10 || d > 255) {
                    problem("numa.distances", String.format("distance from node %d to node %d must be %s, not %d", i, j,
                            i == j ? "10" : "10 to 255", d));
                    return Optional.empty();
                }
                matrix[i][j] = d;
            }
        }
        return Optional.of(new NumaDistances(matrix));
    }

    private QemuCpuModel cpuModel(MachineConfig c) {
        Architecture arch = c.architecture().orElse(Architecture.AARCH64);
        String name = c.cpu().orElse(arch == Architecture.AARCH64 ? "cortex-a57" : "cortex-a15");
        Optional<QemuCpuModel> model = QemuCpuModel.byName(name);
        if (model.isEmpty()) {
            problem("cpu", "QEMU's virt has no CPU model \"" + name + "\" (known: " + String.join(", ", QemuCpuModel.names()) + ")");
            return arch == Architecture.AARCH64 ? QemuCpuModel.CORTEX_A57 : QemuCpuModel.CORTEX_A15;
        }
        if (c.architecture().isPresent() && c.cpu().isPresent() && model.get().hasAarch64() != (arch == Architecture.AARCH64)) {
            problem("arch", name + " is " + (model.get().hasAarch64() ? "an AArch64" : "an AArch32-only")
                    + " CPU, but arch is " + arch.configName());
        }
        return model.get();
    }

    /** -smp's rule: counts not given are 1, except one left to make the product equal the CPU count. */
    private CpuTopology topology(MachineConfig c, int cpus) {
        if (c.topology().isEmpty()) {
            return CpuTopology.flat(cpus);
        }
        MachineConfig.Topology t = c.topology().get();
        int sockets = t.sockets().orElse(0);
        int clusters = t.clusters().orElse(1);
        int cores = t.cores().orElse(0);
        int threads = t.threads().orElse(1);
        if (sockets < 0 || clusters < 1 || cores < 0 || threads < 1) {
            problem("topology", "counts must be at least 1");
            return CpuTopology.flat(cpus);
        }
        if (cores == 0) {
            int others = Math.max(1, sockets) * clusters * threads;
            cores = Math.max(1, cpus / others);
        }
        if (sockets == 0) {
            sockets = Math.max(1, cpus / (clusters * cores * threads));
        }
        CpuTopology topology = new CpuTopology(sockets, clusters, cores, threads);
        if (topology.cpus() != cpus) {
            problem("topology", String.format("%d sockets x %d clusters x %d cores x %d threads make %d CPUs, not %d",
                    sockets, clusters, cores, threads, topology.cpus(), cpus));
            return CpuTopology.flat(cpus);
        }
        return topology;
    }

    /**
     * virt_cpu_mp_affinity: as many CPUs to a cluster as the GIC's target list has bits (8 for
     * GICv2, 16 for GICv3), Aff1 the cluster and Aff0 the CPU within it.
     */
    static long mpidr(int index, int gicVersion) {
        int perCluster = gicVersion == 2 ? 8 : 16;
        return (long) (index / perCluster) << 8 | index % perCluster;
    }

    private InterruptController gic(int version, int cpus, boolean el2, boolean its, HighRegions high) {
        Optional<Interrupt> maintenance = el2
                ? Optional.of(Interrupt.ppi(GIC_MAINTENANCE_PPI, Trigger.LEVEL_HIGH))
                : Optional.empty();
        if (version == 2) {
            return new GicV2(GIC_DIST, GIC_CPU, el2 ? Optional.of(GIC_HYP) : Optional.empty(),
                    el2 ? Optional.of(GIC_VCPU) : Optional.empty(),
                    Optional.of(new GicV2.V2mFrame(GIC_V2M, Optional.of(new SpiRange(GIC_V2M_FIRST_SPI, GIC_V2M_SPI_COUNT)))), maintenance);
        }
        long stride = version == 4 ? GICV4_REDIST_STRIDE : GICV3_REDIST_STRIDE;
        List<Region> redistributors = new ArrayList<>(List.of(GIC_REDIST));
        long capacity = GIC_REDIST.size() / stride;
        if (cpus > capacity) {
            if (high.redistributor2().isEmpty()) {
                problem("cpus", cpus + " CPUs need a second redistributor region, which needs highmem");
            } else {
                redistributors.add(high.redistributor2().get());
                capacity += high.redistributor2().get().size() / stride;
                if (cpus > capacity) {
                    problem("cpus", "GICv" + version + " redistributors here serve at most " + capacity + " CPUs, not " + cpus);
                }
            }
        }
        return new GicV3(GIC_DIST, redistributors, Optional.of(stride), its ? Optional.of(GIC_ITS) : Optional.empty(), maintenance);
    }

    /** A PPI as QEMU describes it: level-high, and on GICv2 wired to every CPU. */
    private static Interrupt ppi(int number, int gicVersion, int cpus) {
        Interrupt i = Interrupt.ppi(number, Trigger.LEVEL_HIGH);
        return gicVersion == 2 ? i.withCpus(cpus) : i;
    }

    private static Timer timer(QemuCpuModel model, int gicVersion, int cpus) {
        List<Interrupt> irqs = List.of(ppi(TIMER_SECURE_PPI, gicVersion, cpus), ppi(TIMER_PHYS_PPI, gicVersion, cpus),
                ppi(TIMER_VIRT_PPI, gicVersion, cpus), ppi(TIMER_HYP_PPI, gicVersion, cpus));
        List<String> compatible = model.isArmv8() ? List.of("arm,armv8-timer", "arm,armv7-timer") : List.of("arm,armv7-timer");
        return new Timer(irqs, true, compatible);
    }

    /** QEMU's conduit: none under EL3 firmware, SMC when the guest has EL2, HVC otherwise; a config may choose. */
    private Optional<Psci> psci(MachineConfig c, boolean secure, boolean el2) {
        MachineConfig.PsciMethod method = c.psciMethod().orElse(
                secure ? MachineConfig.PsciMethod.NONE : el2 ? MachineConfig.PsciMethod.SMC : MachineConfig.PsciMethod.HVC);
        if (secure && method != MachineConfig.PsciMethod.NONE) {
            problem("psci.method", "with secure: true the guest's own EL3 firmware provides PSCI; use none");
        }
        return switch (method) {
            case NONE -> Optional.empty();
            case HVC -> Optional.of(new Psci(Psci.Version.V1_0, Psci.Method.HVC));
            case SMC -> Optional.of(new Psci(Psci.Version.V1_0, Psci.Method.SMC));
        };
    }

    /** QEMU's loader puts the initrd at RAM + min(RAM / 2, 128 MiB); it must lie within RAM. */
    private Optional<Region> initrd(MachineConfig c, long memory) {
        if (c.initrd().isEmpty()) {
            return Optional.empty();
        }
        MachineConfig.Initrd i = c.initrd().get();
        long start = i.start().orElse(RAM_BASE + Math.min(memory / 2, 128L << 20));
        if (i.size() <= 0) {
            problem("initrd.size", "must be positive");
            return Optional.empty();
        }
        Region ram = new Region(RAM_BASE, memory);
        if (Long.compareUnsigned(start, RAM_BASE) < 0 || Long.compareUnsigned(start + i.size(), ram.end()) > 0
                || Long.compareUnsigned(start + i.size(), start) < 0) {
            problem("initrd", String.format("0x%x-0x%x is not within RAM %s", start, start + i.size() - 1, ram));
            return Optional.empty();
        }
        return Optional.of(new Region(start, i.size()));
    }
}
