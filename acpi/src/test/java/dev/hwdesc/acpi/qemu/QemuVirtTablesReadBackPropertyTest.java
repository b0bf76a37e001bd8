package dev.hwdesc.acpi.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.hwdesc.acpi.table.Fadt;
import dev.hwdesc.acpi.table.Gtdt;
import dev.hwdesc.acpi.table.Iort;
import dev.hwdesc.acpi.table.Layout;
import dev.hwdesc.acpi.table.Madt;
import dev.hwdesc.acpi.table.Mcfg;
import dev.hwdesc.acpi.table.Spcr;
import dev.hwdesc.acpi.table.Structure;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.InterruptController;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Psci;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.Timer;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * For random qemu-virt platforms, the tables hwdesc writes, decoded again through their layouts,
 * say what the platform says: every table has a valid checksum and length, and MADT, GTDT, SPCR,
 * MCFG, FADT and IORT read back (by the layouts' field names) to the platform's CPUs, GIC, timer,
 * console, ECAM, PSCI conduit, ITS and SMMUv3.
 */
class QemuVirtTablesReadBackPropertyTest {

    private static final int TRIES = 300;

    /** A random machine: GICv2/v3/v4, 1-128 CPUs, ITS and v2m, EL2 and EL3, PSCI conduits, PCIe or not, SMMUv3 or not. */
    static Platform platform(long seed) {
        Random r = new Random(seed);
        int gic = 2 + r.nextInt(3);
        boolean secure = r.nextInt(4) == 0;
        boolean el2 = gic == 4 || r.nextBoolean();
        boolean highmem = r.nextBoolean();
        // a second redistributor region (more than 123 GICv3 or 61 GICv4 CPUs) needs highmem
        int cpus = 1 + r.nextInt(gic == 2 ? 8 : !highmem ? (gic == 4 ? 61 : 123) : 128);
        MachineConfig.Builder b = MachineConfig.builder().cpu(el2 ? "max" : "cortex-a57").cpus(cpus).gicVersion(gic)
                .virtualization(el2).secure(secure).firmware(true).pmu(r.nextBoolean());
        boolean pcie = r.nextInt(5) != 0;
        b.pcie(pcie);
        b.highmem(highmem).memory((1L + r.nextInt(highmem ? 4 : 3)) << 30);
        if (!secure) {
            b.psciMethod(List.of(MachineConfig.PsciMethod.values()).get(r.nextInt(3)));
        }
        if (gic != 2) {
            b.its(r.nextBoolean());
        }
        if (pcie && r.nextInt(3) == 0) {
            b.iommu(MachineConfig.Iommu.SMMUV3);
        }
        try {
            return new QemuVirt().platform(b.build());
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    static QemuVirtTables.Options options(long seed) {
        // The defaults: the tables say what the platform says, so they read back to it.
        return QemuVirtTables.Options.defaults().withGtdtRevision((seed & 1) == 0 ? 2 : 3);
    }

    @Test
    void everyTableHasAValidChecksumAndLength() {
        qt().withFixedSeed(0xacb1_0101L).withExamples(TRIES).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            AcpiTables tables = QemuVirtTables.of(platform(seed), options(seed));
            assertTrue(tables.tables().keySet().containsAll(List.of("DSDT", "FACP", "APIC", "GTDT", "XSDT", "RSDP")));
            for (String sig : tables.tables().keySet()) {
                byte[] b = tables.bytes(sig);
                if (sig.equals("RSDP")) {
                    assertEquals(0, TableCodec.sum(b, 0, 20), "RSDP 1.0 checksum");
                    assertEquals(b.length, TableCodec.number(b, 20, 4), "RSDP length");
                } else {
                    assertEquals(sig, new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
                    assertEquals(b.length, TableCodec.number(b, 4, 4), sig + " length");
                }
                assertEquals(0, TableCodec.sum(b, 0, b.length), sig + " checksum");
            }
        });
    }

    @Test
    void madtReadsBackToTheCpusAndTheGic() {
        qt().withFixedSeed(0xacb1_0102L).withExamples(TRIES).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            Platform p = platform(seed);
            QemuVirtTables.Options options = options(seed);
            Structure madt = decoded(QemuVirtTables.of(p, options), "APIC");
            InterruptController gic = p.gic().orElseThrow();

            List<Structure> giccs = of(madt, Madt.GICC);
            assertEquals(p.cpus().size(), giccs.size(), "one GICC per CPU");
            assertEquals(p.cpus().stream().map(Cpu::mpidr).toList(), giccs.stream().map(c -> c.number("MPIDR")).toList());
            for (int i = 0; i < giccs.size(); i++) {
                assertEquals(i, giccs.get(i).number("ACPI Processor UID"));
                assertEquals(Madt.GICC_ENABLED, giccs.get(i).number("Flags") & Madt.GICC_ENABLED);
            }

            Structure gicd = only(madt, Madt.GICD);
            assertEquals(gic.distributor().base(), gicd.number("Physical Base Address"));
            boolean v4 = gic instanceof GicV3 v3 && v3.redistributorStride().equals(Optional.of(0x40000L));
            assertEquals(v4 ? 4 : gic.version(), gicd.number("GIC Version"));

            List<Structure> its = of(madt, Madt.ITS);
            List<Structure> frames = of(madt, Madt.MSI_FRAME);
            if (gic instanceof GicV3 v3) {
                assertEquals(v3.redistributorRegions(), of(madt, Madt.GICR).stream()
                        .map(r -> new Region(r.number("Discovery Range Base Address"), r.number("Discovery Range Length")))
                        .toList(), "GICR structures are the redistributor regions");
                giccs.forEach(c -> assertEquals(0, c.number("GICR Base Address")));
                assertEquals(v3.its().map(Region::base).stream().toList(),
                        its.stream().map(s -> s.number("Physical Base Address")).toList());
                assertTrue(frames.isEmpty(), "no GICv2m frame beside a GICv3");
            } else {
                GicV2 v2 = (GicV2) gic;
                assertTrue(of(madt, Madt.GICR).isEmpty() && its.isEmpty(), "a GICv2 has no GICR or ITS");
                giccs.forEach(c -> assertEquals(v2.cpuInterface().base(), c.number("Physical Base Address")));
                long gicv = v2.virtualCpuInterface().map(Region::base).orElse(0L);
                long gich = v2.hypervisorInterface().map(Region::base).orElse(0L);
                giccs.forEach(c -> assertEquals(List.of(gicv, gich), List.of(c.number("GICV"), c.number("GICH")),
                        "GICV and GICH are the platform's frames, 0 without them"));
                assertEquals(v2.v2m().map(f -> f.frame().base()).stream().toList(),
                        frames.stream().map(f -> f.number("Physical Base Address")).toList());
                v2.v2m().flatMap(GicV2.V2mFrame::spis).ifPresent(spis -> {
                    assertEquals(Madt.MSI_SPI_SELECT, frames.get(0).number("Flags") & Madt.MSI_SPI_SELECT);
                    assertEquals(spis.first() + 32L, frames.get(0).number("SPI Base"));
                    assertEquals(spis.count(), frames.get(0).number("SPI Count"));
                });
            }
            long maintenance = gic.maintenance().map(i -> (long) i.gsiv()).orElse(0L);
            giccs.forEach(c -> assertEquals(maintenance, c.number("VGIC Maintenance Interrupt")));
        });
    }

    @Test
    void gtdtReadsBackToTheTimer() {
        qt().withFixedSeed(0xacb1_0103L).withExamples(TRIES).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            // QEMU's timers are all level-high; other triggers make the edge and polarity checks able to fail.
            Platform p = withTimerTriggers(platform(seed), new Random(~seed));
            QemuVirtTables.Options options = options(seed);
            Structure gtdt = decoded(QemuVirtTables.of(p, options), "GTDT");
            Timer timer = p.timer().orElseThrow();
            List<String> names = List.of("Secure EL1 Timer", "Non-Secure EL1 Timer", "Virtual EL1 Timer", "EL2 Timer",
                    "Virtual EL2 Timer");
            int said = options.gtdtRevision() == 3 ? Math.min(5, timer.interrupts().size()) : 4;
            for (int i = 0; i < said; i++) {
                Interrupt irq = timer.interrupts().get(i);
                long flags = gtdt.number(names.get(i) + " Flags");
                assertEquals(irq.gsiv(), gtdt.number(names.get(i) + " GSIV"), names.get(i));
                assertEquals(irq.trigger().isEdge(), (flags & Gtdt.EDGE) != 0, names.get(i) + " edge");
                assertEquals(irq.trigger().isActiveLow(), (flags & Gtdt.ACTIVE_LOW) != 0, names.get(i) + " polarity");
                assertEquals(i == 1 && timer.alwaysOn(), (flags & Gtdt.ALWAYS_ON) != 0, names.get(i) + " always-on");
            }
            assertEquals(options.gtdtRevision(), TableCodec.number(QemuVirtTables.of(p, options).bytes("GTDT"), 8, 1));
        });
    }

    @Test
    void spcrMcfgAndFadtReadBackToTheConsoleTheEcamAndThePsciConduit() {
        qt().withFixedSeed(0xacb1_0104L).withExamples(TRIES).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            Platform p = platform(seed);
            AcpiTables tables = QemuVirtTables.of(p, options(seed));

            Pl011 console = p.console().or(() -> p.uarts().stream().filter(u -> !u.secure()).findFirst()).orElseThrow();
            Structure spcr = decoded(tables, "SPCR");
            assertEquals(Spcr.PL011, spcr.number("Interface Type"));
            assertEquals(console.mmio().base(), spcr.number("Base Address.Address"));
            assertEquals(console.interrupt().gsiv(), spcr.number("Global System Interrupt"));
            assertEquals(Spcr.GIC_INTERRUPT, spcr.number("Interrupt Type"));

            assertEquals(p.pcie().isPresent(), tables.tables().containsKey("MCFG"));
            if (p.pcie().isPresent()) {
                PcieHost pcie = p.pcie().get();
                Structure allocation = only(decoded(tables, "MCFG"), Mcfg.ALLOCATION);
                assertEquals(pcie.ecam().base(), allocation.number("Base Address"));
                assertEquals(pcie.firstBus(), allocation.number("Start Bus Number"));
                assertEquals(pcie.lastBus(), allocation.number("End Bus Number"));
                assertEquals(pcie.domain(), allocation.number("PCI Segment Group"));
            }

            long boot = decoded(tables, "FACP").number("ARM_BOOT_ARCH");
            Optional<Psci.Method> conduit = p.psci().map(Psci::method);
            assertEquals(conduit.isPresent(), (boot & Fadt.PSCI_COMPLIANT) != 0, "PSCI compliant");
            assertEquals(conduit.equals(Optional.of(Psci.Method.HVC)), (boot & Fadt.PSCI_USE_HVC) != 0, "PSCI uses HVC");
            assertEquals(Fadt.HW_REDUCED_ACPI, decoded(tables, "FACP").number("Flags") & Fadt.HW_REDUCED_ACPI);
        });
    }

    @Test
    void iortReadsBackToTheItsTheSmmuAndTheHostsMsiTarget() {
        qt().withFixedSeed(0xacb1_0105L).withExamples(TRIES).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            Platform p = platform(seed);
            AcpiTables tables = QemuVirtTables.of(p, options(seed));
            assertEquals(p.pcie().isPresent(), tables.tables().containsKey("IORT"));
            if (p.pcie().isEmpty()) {
                return;
            }
            PcieHost pcie = p.pcie().get();
            Structure iort = decoded(tables, "IORT");
            Map<Long, Structure> byOffset = new HashMap<>();
            long at = Iort.LAYOUT.size();
            for (Structure node : iort.children()) {
                byOffset.put(at, node);
                at += TableCodec.encode(node).length;
            }
            boolean its = p.gic().orElseThrow() instanceof GicV3 v3 && v3.its().isPresent();
            assertEquals(its ? 1 : 0, of(iort, Iort.ITS_GROUP).size(), "an ITS group exactly when the GIC has an ITS");
            assertEquals(p.smmu().map(s -> s.mmio().base()).stream().toList(),
                    of(iort, Iort.SMMUV3).stream().map(s -> s.number("Base Address")).toList());
            Structure rc = only(iort, Iort.ROOT_COMPLEX);
            assertEquals(pcie.domain(), rc.number("PCI Segment Number"));
            List<Layout> targets = rc.children().stream()
                    .map(m -> byOffset.get(m.number("Output Reference")).layout()).toList();
            List<Layout> expected = new java.util.ArrayList<>();
            if (pcie.smmu() && p.smmu().isPresent()) {
                expected.add(Iort.SMMUV3);
            }
            if (its && pcie.msi()) {
                expected.add(Iort.ITS_GROUP);
            }
            assertEquals(expected, targets, "the root complex maps to the SMMUv3 it sits behind and the ITS its MSIs go to");
            of(iort, Iort.SMMUV3).forEach(smmu -> assertEquals(its ? 1 : 0, smmu.children().size(),
                    "the SMMUv3 maps to the ITS group when there is one"));
        });
    }

    /** The platform with each timer interrupt given a random trigger (edge or level, either polarity). */
    private static Platform withTimerTriggers(Platform p, Random r) {
        Timer t = p.timer().orElseThrow();
        List<Interrupt> irqs = t.interrupts().stream()
                .map(i -> new Interrupt(i.kind(), i.number(), Interrupt.Trigger.values()[r.nextInt(4)], i.cpuMask()))
                .toList();
        return new Platform(p.model(), p.compatible(), p.architecture(), p.cpus(), p.topology(), p.memory(),
                p.numaDistances(), p.gic(), Optional.of(new Timer(irqs, t.alwaysOn(), t.compatible())), p.pmu(), p.psci(),
                p.peripheralClock(), p.uarts(), p.rtc(), p.gpio(), p.virtioMmio(), p.pcie(), p.smmu(), p.fwCfg(), p.flash(),
                p.platformBus(), p.ged(), p.secureWorld(), p.xen(), p.chosen());
    }

    @Test
    void timerTriggersVary() {
        java.util.Set<Interrupt.Trigger> seen = java.util.EnumSet.noneOf(Interrupt.Trigger.class);
        for (long seed = 0; seed < 20; seed++) {
            withTimerTriggers(platform(seed), new Random(~seed)).timer().orElseThrow().interrupts()
                    .forEach(i -> seen.add(i.trigger()));
        }
        assertEquals(java.util.EnumSet.allOf(Interrupt.Trigger.class), seen);
    }

    /** The random configs reach every branch the read-back checks. */
    @Test
    void theGeneratorCoversEachKindOfMachine() {
        boolean[] seen = new boolean[11];
        for (long seed = 0; seed < 200; seed++) {
            Platform p = platform(seed);
            InterruptController gic = p.gic().orElseThrow();
            seen[0] |= gic instanceof GicV2 v2 && v2.v2m().isPresent();
            seen[1] |= gic instanceof GicV3 v3 && v3.its().isPresent();
            seen[2] |= gic instanceof GicV3 v3 && v3.its().isEmpty();
            seen[3] |= gic instanceof GicV3 v3 && v3.redistributorStride().equals(Optional.of(0x40000L));
            seen[4] |= p.psci().map(Psci::method).equals(Optional.of(Psci.Method.HVC));
            seen[5] |= p.psci().map(Psci::method).equals(Optional.of(Psci.Method.SMC));
            seen[6] |= p.psci().isEmpty();
            seen[7] |= p.pcie().isEmpty();
            seen[8] |= gic instanceof GicV3 v3 && v3.redistributorRegions().size() > 1;
            seen[9] |= p.smmu().isPresent() && gic instanceof GicV3 v3 && v3.its().isPresent();
            seen[10] |= p.smmu().isPresent() && gic instanceof GicV2;
        }
        for (int i = 0; i < seen.length; i++) {
            assertTrue(seen[i], "case " + i + " never generated");
        }
    }

    private static Structure decoded(AcpiTables tables, String signature) {
        Structure s = TableLayouts.decode(tables.bytes(signature));
        assertFalse(s.verbatim(), signature);
        return s;
    }

    private static List<Structure> of(Structure table, Layout layout) {
        return table.children().stream().filter(c -> c.layout() == layout).toList();
    }

    private static Structure only(Structure table, Layout layout) {
        List<Structure> l = of(table, layout);
        assertEquals(1, l.size(), layout.name());
        return l.get(0);
    }
}
