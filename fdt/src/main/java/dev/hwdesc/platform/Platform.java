package dev.hwdesc.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a VM description says, in terms of hardware rather than bytes: the device tree and the
 * ACPI tables are both rendered from (and read back into) this one model. What a VM lacks is an
 * empty Optional or list. The model holds what a description says, not what the VM spec demands
 * (a tree read from any blob may have no CPUs or GIC at all): the profiles that generate a VM and
 * the checks enforce that.
 *
 * @param model the machine's model string ("linux,dummy-virt")
 * @param compatible the machine's compatible strings
 */
public record Platform(
        String model,
        List<String> compatible,
        Architecture architecture,
        List<Cpu> cpus,
        CpuTopology topology,
        List<MemoryRegion> memory,
        Optional<NumaDistances> numaDistances,
        Optional<InterruptController> gic,
        Optional<Timer> timer,
        Optional<Pmu> pmu,
        Optional<Psci> psci,
        Optional<FixedClock> peripheralClock,
        List<Pl011> uarts,
        Optional<Pl031> rtc,
        Optional<Pl061> gpio,
        List<VirtioMmio> virtioMmio,
        Optional<PcieHost> pcie,
        Optional<Smmuv3> smmu,
        Optional<FwCfg> fwCfg,
        Optional<Flash> flash,
        Optional<PlatformBus> platformBus,
        Optional<Ged> ged,
        Optional<SecureWorld> secureWorld,
        Optional<XenHypervisor> xen,
        Chosen chosen) {

    public Platform {
        compatible = List.copyOf(compatible);
        cpus = List.copyOf(cpus);
        memory = List.copyOf(memory);
        uarts = List.copyOf(uarts);
        virtioMmio = List.copyOf(virtioMmio);
        if (gic.isPresent() && gic.get() instanceof GicV2 && cpus.size() > GicV2.MAX_CPUS) {
            throw new IllegalArgumentException("GICv2 serves at most 8 CPUs, not " + cpus.size());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The console UART named by /chosen, if any. */
    public Optional<Pl011> console() {
        return chosen.consoleUart().map(uarts::get);
    }

    /** Assembles a platform piece by piece. */
    public static final class Builder {
        private String model = "";
        private List<String> compatible = List.of();
        private Architecture architecture = Architecture.AARCH64;
        private final List<Cpu> cpus = new ArrayList<>();
        private CpuTopology topology;
        private final List<MemoryRegion> memory = new ArrayList<>();
        private Optional<NumaDistances> numaDistances = Optional.empty();
        private Optional<InterruptController> gic = Optional.empty();
        private Optional<Timer> timer = Optional.empty();
        private Optional<Pmu> pmu = Optional.empty();
        private Optional<Psci> psci = Optional.empty();
        private Optional<FixedClock> peripheralClock = Optional.empty();
        private final List<Pl011> uarts = new ArrayList<>();
        private Optional<Pl031> rtc = Optional.empty();
        private Optional<Pl061> gpio = Optional.empty();
        private final List<VirtioMmio> virtioMmio = new ArrayList<>();
        private Optional<PcieHost> pcie = Optional.empty();
        private Optional<Smmuv3> smmu = Optional.empty();
        private Optional<FwCfg> fwCfg = Optional.empty();
        private Optional<Flash> flash = Optional.empty();
        private Optional<PlatformBus> platformBus = Optional.empty();
        private Optional<Ged> ged = Optional.empty();
        private Optional<SecureWorld> secureWorld = Optional.empty();
        private Optional<XenHypervisor> xen = Optional.empty();
        private Chosen chosen = Chosen.none();

        private Builder() {
        }

        public Builder model(String m) { model = m; return this; }
        public Builder compatible(List<String> c) { compatible = c; return this; }
        public Builder architecture(Architecture a) { architecture = a; return this; }
        public Builder cpu(Cpu c) { cpus.add(c); return this; }
        public Builder topology(CpuTopology t) { topology = t; return this; }
        public Builder memory(MemoryRegion m) { memory.add(m); return this; }
        public Builder numaDistances(NumaDistances d) { numaDistances = Optional.of(d); return this; }
        public Builder gic(InterruptController g) { gic = Optional.of(g); return this; }
        public Builder timer(Timer t) { timer = Optional.of(t); return this; }
        public Builder pmu(Pmu p) { pmu = Optional.of(p); return this; }
        public Builder psci(Psci p) { psci = Optional.of(p); return this; }
        public Builder peripheralClock(FixedClock c) { peripheralClock = Optional.of(c); return this; }
        public Builder uart(Pl011 u) { uarts.add(u); return this; }
        public Builder rtc(Pl031 r) { rtc = Optional.of(r); return this; }
        public Builder gpio(Pl061 g) { gpio = Optional.of(g); return this; }
        public Builder virtioMmio(VirtioMmio v) { virtioMmio.add(v); return this; }
        public Builder pcie(PcieHost p) { pcie = Optional.of(p); return this; }
        public Builder smmu(Smmuv3 s) { smmu = Optional.of(s); return this; }
        public Builder fwCfg(FwCfg f) { fwCfg = Optional.of(f); return this; }
        public Builder flash(Flash f) { flash = Optional.of(f); return this; }
        public Builder platformBus(PlatformBus p) { platformBus = Optional.of(p); return this; }
        public Builder ged(Ged g) { ged = Optional.of(g); return this; }
        public Builder secureWorld(SecureWorld s) { secureWorld = Optional.of(s); return this; }
        public Builder xen(XenHypervisor x) { xen = Optional.of(x); return this; }
        public Builder chosen(Chosen c) { chosen = c; return this; }

        public Platform build() {
            return new Platform(model, compatible, architecture, cpus,
                    topology != null ? topology : CpuTopology.flat(Math.max(1, cpus.size())), memory, numaDistances,
                    gic, timer, pmu, psci, peripheralClock, uarts, rtc, gpio, virtioMmio, pcie, smmu, fwCfg,
                    flash, platformBus, ged, secureWorld, xen, chosen);
        }
    }
}
