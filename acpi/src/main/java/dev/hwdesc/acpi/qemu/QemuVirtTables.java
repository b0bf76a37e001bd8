package dev.hwdesc.acpi.qemu;

import dev.hwdesc.acpi.table.Dbg2;
import dev.hwdesc.acpi.table.Fadt;
import dev.hwdesc.acpi.table.Gtdt;
import dev.hwdesc.acpi.table.Hmat;
import dev.hwdesc.acpi.table.Iort;
import dev.hwdesc.acpi.table.Layout;
import dev.hwdesc.acpi.table.Madt;
import dev.hwdesc.acpi.table.Mcfg;
import dev.hwdesc.acpi.table.Pptt;
import dev.hwdesc.acpi.table.Rsdp;
import dev.hwdesc.acpi.table.Sdt;
import dev.hwdesc.acpi.table.Slit;
import dev.hwdesc.acpi.table.Spcr;
import dev.hwdesc.acpi.table.Srat;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.Viot;
import dev.hwdesc.acpi.table.Xsdt;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.CpuTopology;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.NumaPerformance;
import dev.hwdesc.platform.InterruptController;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Psci;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.Smmuv3;
import dev.hwdesc.platform.Timer;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's ACPI tables as QEMU 7.2's virt machine writes them into its fw_cfg blob, in its
 * order: DSDT (its AML from {@link QemuVirtDsdt}), FACP, APIC, PPTT, GTDT, MCFG, SPCR, DBG2, SRAT,
 * SLIT and HMAT (with NUMA, {@link QemuVirtNuma}), IORT, VIOT (with a virtio-iommu,
 * {@link QemuVirtViot}), XSDT and the RSDP. QEMU's NVDIMM tables (NFIT and its SSDT) are not
 * written: the platform has no NVDIMMs. Every value that describes the machine comes from the
 * {@link Platform} (or, for what a device tree cannot say, the hot-pluggable range and the HMAT's
 * figures, from the options); what the platform does not say is
 * QEMU's choice, named here (baud rate, the DBG2 namespace path). Where QEMU's tables contradict
 * its own device tree, hwdesc follows the platform unless the options ask for a {@link QemuDefect}.
 * Pointer fields are 0, as in QEMU's tables before the firmware links them, unless
 * {@link Options#addresses()} gives the tables' guest addresses.
 */
public final class QemuVirtTables {

    /**
     * What the platform does not describe (the tables' identity, their addresses, the GTDT revision,
     * the console's namespace path, the room for hot-plugged memory), and which of QEMU 7.2's
     * {@link QemuDefect defects} to reproduce; each may be changed.
     */
    public record Options(AcpiIdentity identity, Optional<Map<String, Long>> addresses, int gtdtRevision,
            Set<QemuDefect> defects, String consoleNamespace, Optional<Region> hotpluggableMemory,
            Optional<NumaPerformance> numaPerformance) {

        public Options {
            addresses = addresses.map(Map::copyOf);
            defects = defects.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(defects));
            if (gtdtRevision != 2 && gtdtRevision != 3) {
                throw new IllegalArgumentException("GTDT revision 2 or 3, not " + gtdtRevision);
            }
        }

        /**
         * hwdesc's: QEMU's identity, unlinked tables, GTDT revision 2, the console at COM0, and the
         * platform as the truth wherever QEMU's tables contradict its device tree (no defects).
         */
        public static Options defaults() {
            return new Options(AcpiIdentity.QEMU, Optional.empty(), 2, Set.of(), "COM0", Optional.empty(), Optional.empty());
        }

        /** QEMU 7.2's bytes: the defaults with every {@link QemuDefect} reproduced. */
        public static Options qemu72() {
            return defaults().withDefects(QemuDefect.qemu72());
        }

        public boolean has(QemuDefect d) {
            return defects.contains(d);
        }

        public Options withDefects(Set<QemuDefect> d) {
            return new Options(identity, addresses, gtdtRevision, d, consoleNamespace, hotpluggableMemory, numaPerformance);
        }

        public Options withIdentity(AcpiIdentity id) {
            return new Options(id, addresses, gtdtRevision, defects, consoleNamespace, hotpluggableMemory, numaPerformance);
        }

        /** Guest addresses by signature ("DSDT", "XSDT", "FACP" ...): fills the pointer fields. */
        public Options withAddresses(Map<String, Long> a) {
            return new Options(identity, Optional.of(a), gtdtRevision, defects, consoleNamespace, hotpluggableMemory,
                    numaPerformance);
        }

        /**
         * The room the machine keeps for hot-plugged memory, which the platform does not describe
         * (QemuVirt.deviceMemory gives QEMU's): the SRAT gives it to the last NUMA node, hot-pluggable.
         */
        public Options withHotpluggableMemory(Optional<Region> r) {
            return new Options(identity, addresses, gtdtRevision, defects, consoleNamespace, r, numaPerformance);
        }

        public Options withGtdtRevision(int r) {
            return new Options(identity, addresses, r, defects, consoleNamespace, hotpluggableMemory, numaPerformance);
        }

        /**
         * What a qemu-virt config says that its platform does not describe: the room for hot-plugged
         * memory and the memory's performance (the SRAT's hot-pluggable range, the HMAT).
         *
         * @param platform the platform QemuVirt made from {@code config}
         */
        public Options withConfig(MachineConfig config, Platform platform) {
            return withHotpluggableMemory(QemuVirt.deviceMemory(config, platform))
                    .withNumaPerformance(QemuVirt.numaPerformance(config));
        }

        /**
         * The memory's performance (QemuVirt.numaPerformance gives a config's), which the platform does
         * not describe: with NUMA nodes, the HMAT says it.
         */
        public Options withNumaPerformance(Optional<NumaPerformance> p) {
            return new Options(identity, addresses, gtdtRevision, defects, consoleNamespace, hotpluggableMemory, p);
        }
    }

    /** Where QEMU's virt puts GICv2's virtual interface control (GICH) and virtual CPU interface (GICV). */
    static final long QEMU_VIRT_GICH_BASE = 0x08030000L;
    static final long QEMU_VIRT_GICV_BASE = 0x08040000L;

    /** Where QEMU's virt puts the GICv3 ITS (VIRT_GIC_ITS). */
    static final long QEMU_VIRT_ITS_BASE = 0x08080000L;

    // QEMU's choices for the console, which the platform model does not describe.
    static final int SPCR_BAUD_9600 = 3;
    static final int SPCR_FLOW_RTS_CTS = 2;
    static final int SPCR_STOP_BITS_1 = 1;
    static final int PCI_NONE = 0xFFFF;
    /** QEMU's UART register access: 8-bit wide, byte access (GAS Access Size 1). */
    static final int UART_GAS_BIT_WIDTH = 8;
    static final int UART_GAS_ACCESS_BYTE = 1;
    static final long NO_MMIO_TIMER = 0xFFFFFFFFFFFFFFFFL;
    static final String HYPERVISOR_VENDOR = "QEMU\0\0\0\0";
    /** A GICv4 redistributor has four 64 KiB frames, a GICv3 one two. */
    static final long GICV4_REDISTRIBUTOR_STRIDE = 0x40000L;
    static final int IORT_DMA_ADDRESS_BITS = 64;
    static final long ALL_REQUESTER_IDS = 0xFFFF;

    private final Platform platform;
    private final Options options;

    private QemuVirtTables(Platform platform, Options options) {
        this.platform = platform;
        this.options = options;
    }

    /** The tables for {@code platform} on the {@link Options#defaults() defaults}. */
    public static AcpiTables of(Platform platform) {
        return of(platform, Options.defaults());
    }

    public static AcpiTables of(Platform platform, Options options) {
        return new QemuVirtTables(platform, options).build();
    }

    private AcpiTables build() {
        InterruptController gic = platform.gic().orElseThrow(
                () -> new IllegalArgumentException("ACPI for an ARM VM needs a GIC (the platform has none)"));
        Map<String, Structure> t = new LinkedHashMap<>();
        t.put("DSDT", table(Sdt.GENERIC, "DSDT", 2).tail(QemuVirtDsdt.body(platform, options.defects())).build());
        t.put("FACP", fadt());
        t.put("APIC", madt(gic));
        t.put("PPTT", pptt());
        platform.timer().ifPresent(timer -> t.put("GTDT", gtdt(timer)));
        platform.pcie().ifPresent(pcie -> t.put("MCFG", mcfg(pcie)));
        console().ifPresent(uart -> {
            t.put("SPCR", spcr(uart));
            t.put("DBG2", dbg2(uart));
        });
        if (QemuVirtNuma.hasNuma(platform)) {
            t.put("SRAT", QemuVirtNuma.srat(platform, options.hotpluggableMemory(), table(Srat.LAYOUT, "SRAT", 3)));
            platform.numaDistances().ifPresent(d -> t.put("SLIT", QemuVirtNuma.slit(d, table(Slit.LAYOUT, "SLIT", 1))));
            options.numaPerformance().ifPresent(p -> t.put("HMAT",
                    QemuVirtNuma.hmat(p, QemuVirtNuma.nodes(platform), table(Hmat.LAYOUT, "HMAT", 2))));
        }
        platform.pcie().ifPresent(pcie -> t.put("IORT", iort(pcie)));
        platform.pcie().filter(pcie -> pcie.virtioIommu().isPresent())
                .ifPresent(pcie -> t.put("VIOT", QemuVirtViot.viot(pcie, table(Viot.LAYOUT, "VIOT", 0))));
        List<String> listed = new ArrayList<>(t.keySet());
        listed.remove("DSDT"); // reached through the FADT, not the XSDT
        t.put("XSDT", xsdt(listed));
        t.put("RSDP", rsdp());
        return new AcpiTables(t);
    }

    private long address(String signature) {
        return options.addresses().map(a -> a.getOrDefault(signature, 0L)).orElse(0L);
    }

    private Structure.Builder table(Layout layout, String signature, int revision) {
        AcpiIdentity id = options.identity();
        return Structure.builder(layout)
                .set(Sdt.SIGNATURE, signature)
                .set(Sdt.REVISION, revision)
                .set(Sdt.OEM_ID, id.oemId())
                .set(Sdt.OEM_TABLE_ID, id.oemTableId())
                .set(Sdt.OEM_REVISION, id.oemRevision())
                .set(Sdt.CREATOR_ID, id.creatorId())
                .set(Sdt.CREATOR_REVISION, id.creatorRevision());
    }

    private Optional<Pl011> console() {
        return platform.console().or(() -> platform.uarts().stream().filter(u -> !u.secure()).findFirst());
    }

    // ---------------------------------------------------------------- FADT

    private Structure fadt() {
        int bootArch = platform.psci().map(p -> p.method() == Psci.Method.HVC
                ? Fadt.PSCI_COMPLIANT | Fadt.PSCI_USE_HVC : Fadt.PSCI_COMPLIANT).orElse(0);
        return table(Fadt.LAYOUT, "FACP", 6)
                .set("Flags", Fadt.HW_REDUCED_ACPI)
                .set("ARM_BOOT_ARCH", bootArch)
                .set("FADT Minor Version", 0)
                .set(Fadt.X_DSDT, address("DSDT"))
                .set("Hypervisor Vendor Identity", HYPERVISOR_VENDOR)
                .build();
    }

    // ---------------------------------------------------------------- MADT

    private Structure madt(InterruptController gic) {
        Structure.Builder m = table(Madt.LAYOUT, "APIC", 4);
        int version = gic instanceof GicV3 v3 && v3.redistributorStride().orElse(0L) == GICV4_REDISTRIBUTOR_STRIDE
                ? 4 : gic.version();
        m.child(Structure.builder(Madt.GICD)
                .set("GIC ID", 0)
                .set("Physical Base Address", gic.distributor().base())
                .set("GIC Version", version)
                .build());
        long pmuGsiv = platform.pmu().flatMap(p -> p.interrupt()).map(i -> (long) i.gsiv()).orElse(0L);
        long maintenance = gic.maintenance().map(i -> (long) i.gsiv()).orElse(0L);
        for (Cpu cpu : platform.cpus()) {
            Structure.Builder c = Structure.builder(Madt.GICC)
                    .set("CPU Interface Number", cpu.index())
                    .set("ACPI Processor UID", cpu.index())
                    .set("Flags", Madt.GICC_ENABLED)
                    .set("Performance Interrupt GSIV", pmuGsiv)
                    .set("VGIC Maintenance Interrupt", maintenance)
                    .set("MPIDR", cpu.mpidr());
            if (gic instanceof GicV2 v2) {
                boolean qemu = options.has(QemuDefect.GICV2_VIRTUAL_FRAMES_WITHOUT_EL2);
                c.set("Physical Base Address", v2.cpuInterface().base())
                        .set("GICV", v2.virtualCpuInterface().map(Region::base).orElse(qemu ? QEMU_VIRT_GICV_BASE : 0))
                        .set("GICH", v2.hypervisorInterface().map(Region::base).orElse(qemu ? QEMU_VIRT_GICH_BASE : 0));
            }
            m.child(c.build());
        }
        if (gic instanceof GicV3 v3) {
            for (Region r : v3.redistributorRegions()) {
                m.child(Structure.builder(Madt.GICR)
                        .set("Discovery Range Base Address", r.base())
                        .set("Discovery Range Length", r.size())
                        .build());
            }
            Optional<Long> its = v3.its().map(Region::base).or(() -> options.has(QemuDefect.ITS_IN_MADT_WITHOUT_ITS)
                    ? Optional.of(QEMU_VIRT_ITS_BASE) : Optional.empty());
            its.ifPresent(base -> m.child(Structure.builder(Madt.ITS)
                    .set("GIC ITS ID", 0)
                    .set("Physical Base Address", base)
                    .build()));
        } else if (gic instanceof GicV2 v2) {
            v2.v2m().ifPresent(frame -> {
                Structure.Builder f = Structure.builder(Madt.MSI_FRAME)
                        .set("GIC MSI Frame ID", 0)
                        .set("Physical Base Address", frame.frame().base());
                frame.spis().ifPresent(spis -> f.set("Flags", Madt.MSI_SPI_SELECT)
                        .set("SPI Count", spis.count())
                        .set("SPI Base", Interrupt.spi(spis.first(), Interrupt.Trigger.EDGE_RISING).gsiv()));
                m.child(f.build());
            });
        }
        return m.build();
    }

    // ---------------------------------------------------------------- PPTT

    /**
     * Sockets, clusters, cores and threads as processor hierarchy nodes, parents before children, as
     * QEMU 7.2 lays them out: a socket is a physical package; a cluster level always; with one thread
     * per core the cores are the leaves (ID = CPU index), otherwise each core (ID = its index in the
     * cluster) has thread leaves. Each node names its parent by its offset in the table.
     */
    private Structure pptt() {
        Structure.Builder p = table(Pptt.LAYOUT, "PPTT", 2);
        CpuTopology t = platform.topology();
        Hierarchy h = new Hierarchy(p);
        int cpu = 0;
        for (int s = 0; s < t.sockets(); s++) {
            long socket = h.node(Pptt.PHYSICAL_PACKAGE, 0, s);
            for (int c = 0; c < t.clusters(); c++) {
                long cluster = h.node(0, socket, c);
                for (int k = 0; k < t.cores(); k++) {
                    if (t.threads() == 1) {
                        h.node(Pptt.ID_VALID | Pptt.LEAF, cluster, cpu++);
                    } else {
                        long core = h.node(0, cluster, k);
                        for (int thread = 0; thread < t.threads(); thread++) {
                            h.node(Pptt.ID_VALID | Pptt.THREAD | Pptt.LEAF, core, cpu++);
                        }
                    }
                }
            }
        }
        return p.build();
    }

    /** Appends processor hierarchy nodes to a PPTT and knows where each one lands. */
    private static final class Hierarchy {
        private final Structure.Builder table;
        private long next = Pptt.LAYOUT.size();

        Hierarchy(Structure.Builder table) {
            this.table = table;
        }

        /** Adds a node; returns its offset in the table. */
        long node(int flags, long parent, long id) {
            Structure node = Structure.builder(Pptt.PROCESSOR)
                    .set("Flags", flags)
                    .set("Parent", parent)
                    .set("ACPI Processor ID", id)
                    .build();
            table.child(node);
            long at = next;
            next += TableCodec.size(node);
            return at;
        }
    }

    // ---------------------------------------------------------------- GTDT

    private Structure gtdt(Timer timer) {
        int rev = options.gtdtRevision();
        List<Interrupt> irq = timer.interrupts();
        Structure.Builder g = table(Gtdt.forRevision(rev), "GTDT", rev)
                .set("CntControlBase Physical Address", NO_MMIO_TIMER)
                .set("Secure EL1 Timer GSIV", irq.get(0).gsiv())
                .set("Secure EL1 Timer Flags", timerFlags(irq.get(0), false))
                .set("Non-Secure EL1 Timer GSIV", irq.get(1).gsiv())
                // QEMU marks only the non-secure EL1 timer always-on.
                .set("Non-Secure EL1 Timer Flags", timerFlags(irq.get(1), timer.alwaysOn()))
                .set("Virtual EL1 Timer GSIV", irq.get(2).gsiv())
                .set("Virtual EL1 Timer Flags", timerFlags(irq.get(2), false))
                .set("EL2 Timer GSIV", irq.get(3).gsiv())
                .set("EL2 Timer Flags", timerFlags(irq.get(3), false))
                .set("CntReadBase Physical Address", NO_MMIO_TIMER);
        if (rev >= 3 && irq.size() > 4) {
            g.set("Virtual EL2 Timer GSIV", irq.get(4).gsiv())
                    .set("Virtual EL2 Timer Flags", timerFlags(irq.get(4), false));
        }
        return g.build();
    }

    private static long timerFlags(Interrupt i, boolean alwaysOn) {
        return (i.trigger().isEdge() ? Gtdt.EDGE : 0) | (i.trigger().isActiveLow() ? Gtdt.ACTIVE_LOW : 0)
                | (alwaysOn ? Gtdt.ALWAYS_ON : 0);
    }

    // ---------------------------------------------------------------- MCFG

    private Structure mcfg(PcieHost pcie) {
        return table(Mcfg.LAYOUT, "MCFG", 1)
                .child(Structure.builder(Mcfg.ALLOCATION)
                        .set("Base Address", pcie.ecam().base())
                        .set("PCI Segment Group", pcie.domain())
                        .set("Start Bus Number", pcie.firstBus())
                        .set("End Bus Number", pcie.lastBus())
                        .build())
                .build();
    }

    // ---------------------------------------------------------------- SPCR, DBG2

    private Structure spcr(Pl011 uart) {
        return table(Spcr.LAYOUT, "SPCR", 2)
                .set("Interface Type", Spcr.PL011)
                .gas("Base Address", 0, UART_GAS_BIT_WIDTH, 0, UART_GAS_ACCESS_BYTE, uart.mmio().base())
                .set("Interrupt Type", Spcr.GIC_INTERRUPT)
                .set("Global System Interrupt", uart.interrupt().gsiv())
                .set("Baud Rate", SPCR_BAUD_9600)
                .set("Stop Bits", SPCR_STOP_BITS_1)
                .set("Flow Control", SPCR_FLOW_RTS_CTS)
                .set("PCI Device ID", PCI_NONE)
                .set("PCI Vendor ID", PCI_NONE)
                .build();
    }

    private Structure dbg2(Pl011 uart) {
        byte[] name = (options.consoleNamespace() + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Structure device = Structure.builder(Dbg2.DEVICE)
                .set("Port Type", Dbg2.SERIAL)
                .set("Port Subtype", Dbg2.PL011)
                .child(Structure.builder(Dbg2.REGISTER)
                        .gas("Register", 0, UART_GAS_BIT_WIDTH, 0, UART_GAS_ACCESS_BYTE, uart.mmio().base())
                        .build())
                .child(Structure.builder(Dbg2.ADDRESS_SIZE).set("Size", uart.mmio().size()).build())
                .tail(name)
                .build();
        return table(Dbg2.LAYOUT, "DBG2", 0).child(device).build();
    }

    // ---------------------------------------------------------------- IORT

    /**
     * The IORT: an ITS group when the GIC has an ITS, an SMMUv3 when the platform has one, and the
     * root complex. The root bus's requester IDs go to the SMMUv3 when the host is behind it, and
     * the others (or all, without an SMMUv3) to the ITS group when the host's MSIs go to the ITS.
     * Without an ITS the root complex maps to nothing: under GICv2 its MSIs go to the GICv2m frame,
     * which the MADT describes and an IORT cannot name, and the node stays for its memory address
     * limit and coherency. {@link QemuDefect#ITS_GROUP_WITHOUT_ITS} gives QEMU's ITS group always.
     */
    private Structure iort(PcieHost pcie) {
        Structure.Builder t = table(Iort.LAYOUT, "IORT", 3);
        boolean qemu = options.has(QemuDefect.ITS_GROUP_WITHOUT_ITS);
        boolean hasIts = platform.gic().filter(g -> g instanceof GicV3 v3 && v3.its().isPresent()).isPresent();
        int id = 0;
        long next = Iort.LAYOUT.size();
        Optional<Long> itsGroupAt = Optional.empty();
        if (hasIts || qemu) {
            Structure itsGroup = Structure.builder(Iort.ITS_GROUP)
                    .set("Revision", 1)
                    .set("Identifier", id++)
                    .child(Structure.builder(Iort.ITS_ID).set("GIC ITS ID", 0).build())
                    .build();
            t.child(itsGroup);
            itsGroupAt = Optional.of(next);
            next += TableCodec.size(itsGroup);
        }
        Optional<Long> smmuAt = Optional.empty();
        if (platform.smmu().isPresent()) {
            Smmuv3 smmu = platform.smmu().get();
            List<Interrupt> irq = smmu.interrupts();
            Structure.Builder node = Structure.builder(Iort.SMMUV3)
                    .set("Revision", 4)
                    .set("Identifier", id++)
                    .set("Base Address", smmu.mmio().base())
                    .set("Flags", 1)
                    .set("Event GSIV", irq.get(0).gsiv())
                    .set("PRI GSIV", irq.get(1).gsiv())
                    .set("GERR GSIV", irq.get(3).gsiv())
                    .set("Sync GSIV", irq.get(2).gsiv());
            itsGroupAt.ifPresent(its -> node.child(mapping(0, ALL_REQUESTER_IDS, its)));
            t.child(node.build());
            smmuAt = Optional.of(next);
        }
        Optional<Long> msiTarget = itsGroupAt.filter(its -> qemu || pcie.msi());
        Structure.Builder rc = Structure.builder(Iort.ROOT_COMPLEX)
                .set("Revision", 3)
                .set("Identifier", id++)
                .set("Cache Coherency", 1)
                .set("Memory Access Flags", 3)
                .set("PCI Segment Number", pcie.domain())
                .set("Memory Address Size Limit", IORT_DMA_ADDRESS_BITS);
        long from = 0;
        if (smmuAt.isPresent() && pcie.smmu()) {
            // The root bus's requester IDs (bus firstBus, as before any bridge is set up) go through the SMMU.
            from = (long) pcie.firstBus() << 8;
            rc.child(mapping(from, 1L << 8, smmuAt.get()));
            from += 1L << 8;
        }
        if (msiTarget.isPresent() && from < ALL_REQUESTER_IDS) {
            rc.child(mapping(from, ALL_REQUESTER_IDS - from, msiTarget.get()));
        }
        t.child(rc.build());
        return t.build();
    }

    private static Structure mapping(long inputBase, long count, long outputNode) {
        return Structure.builder(Iort.ID_MAPPING)
                .set("Input Base", inputBase)
                .set("ID Count", count)
                .set("Output Base", inputBase)
                .set("Output Reference", outputNode)
                .build();
    }

    // ---------------------------------------------------------------- XSDT, RSDP

    private Structure xsdt(List<String> signatures) {
        Structure.Builder x = table(Xsdt.LAYOUT, "XSDT", 1);
        for (String s : signatures) {
            x.child(Structure.builder(Xsdt.ENTRY).set("Address", address(s)).build());
        }
        return x.build();
    }

    private Structure rsdp() {
        return Structure.builder(Rsdp.LAYOUT)
                .set("Signature", Rsdp.SIGNATURE_TEXT)
                .set("OEM ID", options.identity().oemId())
                .set("Revision", 2)
                .set("XSDT Address", address("XSDT"))
                .build();
    }
}
