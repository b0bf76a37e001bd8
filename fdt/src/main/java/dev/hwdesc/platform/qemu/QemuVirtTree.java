package dev.hwdesc.platform.qemu;

import dev.hwdesc.fdt.DeviceTree;
import dev.hwdesc.fdt.FdtEditor;
import dev.hwdesc.fdt.FdtEditor.EditedNode;
import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.CpuTopology;
import dev.hwdesc.platform.Flash;
import dev.hwdesc.platform.GicV2;
import dev.hwdesc.platform.GicV3;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.MemoryRegion;
import dev.hwdesc.platform.NumaDistances;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Pl061;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Psci;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.Smmuv3;
import dev.hwdesc.platform.VirtioIommu;
import dev.hwdesc.platform.VirtioMmio;
import java.util.List;

/**
 * A platform as QEMU 7.2's virt machine writes its device tree: the same node names, the same calls
 * in the same order (machvirt_init, then virt_machine_done, then arm_load_dtb) through libfdt's
 * read-write order (see {@link FdtEditor}), and phandles numbered from 0x8000 as QEMU hands them out.
 */
final class QemuVirtTree {

    private static final long FIRST_PHANDLE = 0x8000;
    /** linux,code of the power key: KEY_POWER. */
    private static final long KEY_POWER = 116;

    private final Platform p;
    private final FdtEditor fdt = new FdtEditor();
    private long nextPhandle = FIRST_PHANDLE;
    private long clockPhandle;
    private long gicPhandle;
    private long msiPhandle;
    private final long[] cpuPhandles;
    private final EditedNode root = fdt.root();
    private EditedNode chosen;
    private EditedNode secureChosen;
    private EditedNode pcieNode;

    private QemuVirtTree(Platform platform) {
        this.p = platform;
        this.cpuPhandles = new long[platform.cpus().size()];
    }

    static DeviceTree of(Platform platform) {
        return new QemuVirtTree(platform).build();
    }

    private long allocatePhandle() {
        return nextPhandle++;
    }

    private DeviceTree build() {
        root();
        p.timer().ifPresent(t -> {
            EditedNode timer = fdt.addNode(root, "timer");
            fdt.setStrings(timer, "compatible", t.compatible().toArray(String[]::new));
            if (t.alwaysOn()) {
                fdt.setEmpty(timer, "always-on");
            }
            fdt.setCells(timer, "interrupts", specifiers(t.interrupts()));
        });
        cpus();
        p.flash().ifPresent(this::flash);
        gic();
        p.pmu().ifPresent(pmu -> {
            EditedNode node = fdt.addNode(root, "pmu");
            if (!pmu.compatible().isEmpty()) {
                fdt.setStrings(node, "compatible", pmu.compatible().toArray(String[]::new));
            }
            pmu.interrupt().ifPresent(i -> fdt.setCells(node, "interrupts", i.cells()));
        });
        for (int i = 0; i < p.uarts().size(); i++) {
            String path = uart(p.uarts().get(i));
            if (p.chosen().consoleUart().orElse(-1) == i) {
                fdt.setStrings(chosen, "stdout-path", path);
            }
        }
        p.secureWorld().ifPresent(s -> {
            EditedNode ram = fdt.addNode(root, "secram@" + hex(s.ram().base()));
            fdt.setStrings(ram, "device_type", "memory");
            fdt.setPairs(ram, "reg", s.ram().base(), s.ram().size());
            secureOnly(ram);
            String uart = uart(s.uart());
            fdt.setStrings(secureChosen, "stdout-path", uart);
        });
        p.rtc().ifPresent(rtc -> {
            EditedNode path = fdt.addNode(root, "pl031@" + hex(rtc.mmio().base()));
            fdt.setStrings(path, "compatible", "arm,pl031", "arm,primecell");
            fdt.setPairs(path, "reg", rtc.mmio().base(), rtc.mmio().size());
            fdt.setCells(path, "interrupts", rtc.interrupt().cells());
            fdt.setCells(path, "clocks", clockPhandle);
            fdt.setStrings(path, "clock-names", "apb_pclk");
        });
        p.pcie().ifPresent(this::pcie);
        p.gpio().ifPresent(this::gpio);
        p.secureWorld().flatMap(s -> s.gpio()).ifPresent(this::gpio);
        p.pcie().ifPresent(h -> h.virtioIommu().ifPresent(iommu -> virtioIommu(h, iommu)));
        List<VirtioMmio> virtio = p.virtioMmio();
        for (int i = virtio.size() - 1; i >= 0; i--) {
            VirtioMmio v = virtio.get(i);
            EditedNode path = fdt.addNode(root, "virtio_mmio@" + hex(v.mmio().base()));
            fdt.setStrings(path, "compatible", "virtio,mmio");
            fdt.setPairs(path, "reg", v.mmio().base(), v.mmio().size());
            fdt.setCells(path, "interrupts", v.interrupt().cells());
            fdt.setEmpty(path, "dma-coherent");
        }
        p.fwCfg().ifPresent(f -> {
            EditedNode path = fdt.addNode(root, "fw-cfg@" + hex(f.mmio().base()));
            fdt.setStrings(path, "compatible", "qemu,fw-cfg-mmio");
            fdt.setPairs(path, "reg", f.mmio().base(), f.mmio().size());
            fdt.setEmpty(path, "dma-coherent");
        });
        p.platformBus().ifPresent(b -> {
            EditedNode path = fdt.addNode(root, "platform-bus@" + hex(b.window().base()));
            fdt.setStrings(path, "compatible", "qemu,platform", "simple-bus");
            fdt.setCells(path, "#size-cells", 1);
            fdt.setCells(path, "#address-cells", 1);
            fdt.setCells(path, "ranges", 0, b.window().base() >>> 32, b.window().base() & 0xffffffffL, b.window().size());
            fdt.setCells(path, "interrupt-parent", gicPhandle);
        });
        bootLoader();
        return fdt.toDeviceTree();
    }

    /** create_fdt: the root's properties, /chosen (and /secure-chosen), the clock, the NUMA distances. */
    private void root() {
        fdt.setStrings(root, "compatible", p.compatible().toArray(String[]::new));
        fdt.setCells(root, "#address-cells", 2);
        fdt.setCells(root, "#size-cells", 2);
        fdt.setStrings(root, "model", p.model());
        chosen = fdt.addNode(root, "chosen");
        seeds(chosen);
        if (p.secureWorld().isPresent()) {
            secureChosen = fdt.addNode(root, "secure-chosen");
        }
        p.peripheralClock().ifPresent(c -> {
            clockPhandle = allocatePhandle();
            EditedNode path = fdt.addNode(root, c.name());
            fdt.setStrings(path, "compatible", "fixed-clock");
            fdt.setCells(path, "#clock-cells", 0);
            fdt.setCells(path, "clock-frequency", c.frequency());
            c.outputName().ifPresent(name -> fdt.setStrings(path, "clock-output-names", name));
            fdt.setCells(path, "phandle", clockPhandle);
        });
        p.numaDistances().ifPresent(this::distanceMap);
    }

    /** create_randomness: kaslr-seed as one 64-bit value, then rng-seed's bytes. */
    private void seeds(EditedNode node) {
        p.chosen().kaslrSeed().ifPresent(seed -> fdt.setPairs(node, "kaslr-seed", seed));
        p.chosen().rngSeed().ifPresent(seed -> fdt.set(node, "rng-seed", PropertyValue.ofBytes(seed.bytes())));
    }

    private void distanceMap(NumaDistances d) {
        int n = d.nodes();
        long[] matrix = new long[n * n * 3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int at = (i * n + j) * 3;
                matrix[at] = i;
                matrix[at + 1] = j;
                matrix[at + 2] = d.distance(i, j);
            }
        }
        EditedNode distanceMap = fdt.addNode(root, "distance-map");
        fdt.setStrings(distanceMap, "compatible", "numa-distance-map-v1");
        fdt.setCells(distanceMap, "distance-matrix", matrix);
    }

    /** fdt_add_cpu_nodes: the CPUs from the last to the first, then the cpu-map. */
    private void cpus() {
        List<Cpu> cpus = p.cpus();
        boolean twoCells = cpus.stream().anyMatch(c -> (c.mpidr() >>> 32) != 0);
        EditedNode cpusNode = fdt.addNode(root, "cpus");
        fdt.setCells(cpusNode, "#address-cells", twoCells ? 2 : 1);
        fdt.setCells(cpusNode, "#size-cells", 0);
        for (int i = cpus.size() - 1; i >= 0; i--) {
            Cpu cpu = cpus.get(i);
            EditedNode path = fdt.addNode(cpusNode, "cpu@" + cpu.index());
            fdt.setStrings(path, "device_type", "cpu");
            fdt.setStrings(path, "compatible", cpu.compatible());
            cpu.enableMethod().ifPresent(m -> fdt.setStrings(path, "enable-method", m));
            if (twoCells) {
                fdt.setCells(path, "reg", cpu.mpidr() >>> 32, cpu.mpidr() & 0xffffffffL);
            } else {
                fdt.setCells(path, "reg", cpu.mpidr());
            }
            if (cpu.hasNumaNode()) {
                fdt.setCells(path, "numa-node-id", cpu.numaNode());
            }
            cpuPhandles[i] = allocatePhandle();
            fdt.setCells(path, "phandle", cpuPhandles[i]);
        }
        EditedNode cpuMap = fdt.addNode(cpusNode, "cpu-map");
        CpuTopology topology = p.topology();
        for (int i = cpus.size() - 1; i >= 0; i--) {
            CpuTopology.Place at = cpus.get(i).place();
            List<String> names = topology.threads() > 1
                    ? List.of("socket" + at.socket(), "cluster" + at.cluster(), "core" + at.core(), "thread" + at.thread())
                    : List.of("socket" + at.socket(), "cluster" + at.cluster(), "core" + at.core());
            EditedNode path = fdt.addPath(cpuMap, names);
            fdt.setCells(path, "cpu", cpuPhandles[i]);
        }
    }

    /** virt_flash_fdt: one node for both banks, or a secure-only first bank and a node for the second. */
    private void flash(Flash f) {
        if (!f.firstBankSecure()) {
            Region first = f.banks().get(0);
            EditedNode path = fdt.addNode(root, "flash@" + hex(first.base()));
            fdt.setStrings(path, "compatible", "cfi-flash");
            long[] reg = new long[f.banks().size() * 2];
            for (int i = 0; i < f.banks().size(); i++) {
                reg[2 * i] = f.banks().get(i).base();
                reg[2 * i + 1] = f.banks().get(i).size();
            }
            fdt.setPairs(path, "reg", reg);
            fdt.setCells(path, "bank-width", f.bankWidth());
            return;
        }
        for (int i = 0; i < f.banks().size(); i++) {
            Region bank = f.banks().get(i);
            EditedNode path = fdt.addNode(root, (i == 0 ? "secflash@" : "flash@") + hex(bank.base()));
            fdt.setStrings(path, "compatible", "cfi-flash");
            fdt.setPairs(path, "reg", bank.base(), bank.size());
            fdt.setCells(path, "bank-width", f.bankWidth());
            if (i == 0) {
                secureOnly(path);
            }
        }
    }

    /** fdt_add_gic_node, then the ITS (GICv3) or the v2m frame (GICv2). */
    private void gic() {
        if (p.gic().isEmpty()) {
            return;
        }
        gicPhandle = allocatePhandle();
        fdt.setCells(root, "interrupt-parent", gicPhandle);
        EditedNode path = fdt.addNode(root, "intc@" + hex(p.gic().get().distributor().base()));
        fdt.setCells(path, "#interrupt-cells", 3);
        fdt.setEmpty(path, "interrupt-controller");
        fdt.setCells(path, "#address-cells", 2);
        fdt.setCells(path, "#size-cells", 2);
        fdt.setEmpty(path, "ranges");
        if (p.gic().get() instanceof GicV3 v3) {
            fdt.setStrings(path, "compatible", "arm,gic-v3");
            fdt.setCells(path, "#redistributor-regions", v3.redistributorRegions().size());
            long[] reg = new long[2 + 2 * v3.redistributorRegions().size()];
            reg[0] = v3.distributor().base();
            reg[1] = v3.distributor().size();
            for (int i = 0; i < v3.redistributorRegions().size(); i++) {
                reg[2 + 2 * i] = v3.redistributorRegions().get(i).base();
                reg[3 + 2 * i] = v3.redistributorRegions().get(i).size();
            }
            fdt.setPairs(path, "reg", reg);
            v3.maintenance().ifPresent(m -> fdt.setCells(path, "interrupts", m.cells()));
            fdt.setCells(path, "phandle", gicPhandle);
            v3.its().ifPresent(its -> {
                msiPhandle = allocatePhandle();
                EditedNode itsPath = fdt.addNode(path, "its@" + hex(its.base()));
                fdt.setStrings(itsPath, "compatible", "arm,gic-v3-its");
                fdt.setEmpty(itsPath, "msi-controller");
                fdt.setCells(itsPath, "#msi-cells", 1);
                fdt.setPairs(itsPath, "reg", its.base(), its.size());
                fdt.setCells(itsPath, "phandle", msiPhandle);
            });
        } else if (p.gic().get() instanceof GicV2 v2) {
            fdt.setStrings(path, "compatible", "arm,cortex-a15-gic");
            if (v2.hypervisorInterface().isEmpty()) {
                fdt.setPairs(path, "reg", v2.distributor().base(), v2.distributor().size(),
                        v2.cpuInterface().base(), v2.cpuInterface().size());
            } else {
                Region gich = v2.hypervisorInterface().get();
                Region gicv = v2.virtualCpuInterface().orElseThrow();
                fdt.setPairs(path, "reg", v2.distributor().base(), v2.distributor().size(),
                        v2.cpuInterface().base(), v2.cpuInterface().size(), gich.base(), gich.size(),
                        gicv.base(), gicv.size());
            }
            v2.maintenance().ifPresent(m -> fdt.setCells(path, "interrupts", m.cells()));
            fdt.setCells(path, "phandle", gicPhandle);
            v2.v2m().ifPresent(v2m -> {
                msiPhandle = allocatePhandle();
                EditedNode v2mPath = fdt.addNode(path, "v2m@" + hex(v2m.frame().base()));
                fdt.setStrings(v2mPath, "compatible", "arm,gic-v2m-frame");
                fdt.setEmpty(v2mPath, "msi-controller");
                fdt.setPairs(v2mPath, "reg", v2m.frame().base(), v2m.frame().size());
                fdt.setCells(v2mPath, "phandle", msiPhandle);
            });
        }
    }

    /** create_uart; the path, for /chosen's stdout-path. */
    private String uart(Pl011 u) {
        String name = "pl011@" + hex(u.mmio().base());
        EditedNode path = fdt.addNode(root, name);
        fdt.setStrings(path, "compatible", "arm,pl011", "arm,primecell");
        fdt.setPairs(path, "reg", u.mmio().base(), u.mmio().size());
        fdt.setCells(path, "interrupts", u.interrupt().cells());
        fdt.setCells(path, "clocks", clockPhandle, clockPhandle);
        fdt.setStrings(path, "clock-names", "uartclk", "apb_pclk");
        if (u.secure()) {
            secureOnly(path);
        }
        return "/" + name;
    }

    /** create_pcie (and create_smmu from within it). */
    private void pcie(PcieHost h) {
        EditedNode path = fdt.addNode(root, "pcie@" + hex(h.mmio32().base()));
        pcieNode = path;
        fdt.setStrings(path, "compatible", "pci-host-ecam-generic");
        fdt.setStrings(path, "device_type", "pci");
        fdt.setCells(path, "#address-cells", 3);
        fdt.setCells(path, "#size-cells", 2);
        fdt.setCells(path, "linux,pci-domain", h.domain());
        fdt.setCells(path, "bus-range", h.firstBus(), h.lastBus());
        fdt.setEmpty(path, "dma-coherent");
        if (h.msi() && msiPhandle != 0) {
            fdt.setCells(path, "msi-map", 0, msiPhandle, 0, 0x10000);
        }
        fdt.setPairs(path, "reg", h.ecam().base(), h.ecam().size());
        long[] io = {0x01000000L, 0, 0, h.pio().base() >>> 32, h.pio().base() & 0xffffffffL, h.pio().size() >>> 32,
            h.pio().size() & 0xffffffffL};
        long[] mem32 = window(0x02000000L, h.mmio32());
        long[] ranges = h.mmio64().isPresent() ? concat(io, mem32, window(0x03000000L, h.mmio64().get())) : concat(io, mem32);
        fdt.setCells(path, "ranges", ranges);
        if (!h.intx().isEmpty()) {
            fdt.setCells(path, "#interrupt-cells", 1);
            interruptMap(path, h);
        }
        if (p.smmu().isPresent()) {
            // QEMU writes the SMMUv3 whenever it has one; only a host behind it gets iommu-map
            // (default-bus-bypass-iommu=on leaves the root bus outside it).
            long iommuPhandle = allocatePhandle();
            smmu(p.smmu().get(), iommuPhandle);
            if (h.smmu()) {
                fdt.setCells(path, "iommu-map", 0, iommuPhandle, 0, 0x10000);
            }
        }
    }

    /** An identity-mapped memory window of ranges: PCI address space code, PCI address, CPU address, size. */
    private static long[] window(long spaceCode, Region r) {
        return new long[] {spaceCode, r.base() >>> 32, r.base() & 0xffffffffL, r.base() >>> 32, r.base() & 0xffffffffL,
            r.size() >>> 32, r.size() & 0xffffffffL};
    }

    /** create_pcie_irq_map: slots 0-3, pins INTA-INTD, swizzled over the four SPIs. */
    private void interruptMap(EditedNode path, PcieHost h) {
        long[] map = new long[4 * 4 * 10];
        int at = 0;
        for (int slot = 0; slot < 4; slot++) {
            for (int pin = 0; pin < 4; pin++) {
                Interrupt irq = h.intx().get((pin + slot) % 4);
                long[] entry = {(long) slot << 11, 0, 0, pin + 1, gicPhandle, 0, 0, irq.kind().cell(), irq.number(),
                    irq.flagsCell()};
                System.arraycopy(entry, 0, map, at, entry.length);
                at += entry.length;
            }
        }
        fdt.setCells(path, "interrupt-map", map);
        fdt.setCells(path, "interrupt-map-mask", 0x1800, 0, 0, 0x7);
    }

    /**
     * create_virtio_iommu_dt_bindings, when the device is plugged (after machvirt_init): its node
     * under the host, and iommu-map sending every requester ID but its own to it.
     */
    private void virtioIommu(PcieHost h, VirtioIommu iommu) {
        long phandle = allocatePhandle();
        int bdf = iommu.bdf();
        EditedNode node = fdt.addNode(pcieNode, "virtio_iommu@" + Integer.toHexString(iommu.slot()) + "," + Integer.toHexString(iommu.function()));
        fdt.setStrings(node, "compatible", "virtio,pci-iommu", "pci1af4,1057");
        fdt.setCells(node, "reg", (long) bdf << 8, 0, 0, 0, 0);
        fdt.setCells(node, "#iommu-cells", 1);
        fdt.setCells(node, "phandle", phandle);
        fdt.setCells(pcieNode, "iommu-map", 0, phandle, 0, bdf, bdf + 1, phandle, bdf + 1, 0xffff - bdf);
    }

    private void smmu(Smmuv3 s, long phandle) {
        EditedNode path = fdt.addNode(root, "smmuv3@" + hex(s.mmio().base()));
        fdt.setStrings(path, "compatible", "arm,smmu-v3");
        fdt.setPairs(path, "reg", s.mmio().base(), s.mmio().size());
        fdt.setCells(path, "interrupts", specifiers(s.interrupts()));
        fdt.setStrings(path, "interrupt-names", Smmuv3.INTERRUPT_NAMES.toArray(String[]::new));
        fdt.setEmpty(path, "dma-coherent");
        fdt.setCells(path, "#iommu-cells", 1);
        fdt.setCells(path, "phandle", phandle);
    }

    /** create_gpio_devices: the controller, then the power key (normal world) or power-off and restart (secure world). */
    private void gpio(Pl061 g) {
        long phandle = allocatePhandle();
        EditedNode path = fdt.addNode(root, "pl061@" + hex(g.mmio().base()));
        fdt.setPairs(path, "reg", g.mmio().base(), g.mmio().size());
        fdt.setStrings(path, "compatible", "arm,pl061", "arm,primecell");
        fdt.setCells(path, "#gpio-cells", 2);
        fdt.setEmpty(path, "gpio-controller");
        fdt.setCells(path, "interrupts", g.interrupt().cells());
        fdt.setCells(path, "clocks", clockPhandle);
        fdt.setStrings(path, "clock-names", "apb_pclk");
        fdt.setCells(path, "phandle", phandle);
        if (g.secure()) {
            secureOnly(path);
        }
        for (Pl061.GpioLine line : g.lines()) {
            switch (line.use()) {
                case POWER_KEY -> {
                    EditedNode keys = fdt.addNode(root, "gpio-keys");
                    fdt.setStrings(keys, "compatible", "gpio-keys");
                    EditedNode key = fdt.addNode(keys, "poweroff");
                    fdt.setStrings(key, "label", "GPIO Key Poweroff");
                    fdt.setCells(key, "linux,code", KEY_POWER);
                    fdt.setCells(key, "gpios", phandle, line.line(), 0);
                }
                case POWEROFF -> gpioAction("gpio-poweroff", "gpio-poweroff", phandle, line.line(), g.secure());
                case RESTART -> gpioAction("gpio-restart", "gpio-restart", phandle, line.line(), g.secure());
            }
        }
    }

    private void gpioAction(String name, String compatible, long controller, int line, boolean secure) {
        EditedNode path = fdt.addNode(root, name);
        fdt.setStrings(path, "compatible", compatible);
        fdt.setCells(path, "gpios", controller, line, 0);
        if (secure) {
            secureOnly(path);
        }
    }

    /** arm_load_dtb: the memory nodes, /chosen's command line and initrd, and the PSCI node. */
    private void bootLoader() {
        for (MemoryRegion m : p.memory()) {
            EditedNode path = fdt.addNode(root, "memory@" + hex(m.range().base()));
            fdt.setStrings(path, "device_type", "memory");
            fdt.setPairs(path, "reg", m.range().base(), m.range().size());
            if (m.hasNumaNode()) {
                fdt.setCells(path, "numa-node-id", m.numaNode());
            }
        }
        p.chosen().bootargs().ifPresent(args -> fdt.setStrings(chosen, "bootargs", args));
        p.chosen().initrd().ifPresent(initrd -> {
            fdt.set(chosen, "linux,initrd-start", addressCells(initrd.base()));
            fdt.set(chosen, "linux,initrd-end", addressCells(initrd.end()));
        });
        p.psci().ifPresent(this::psci);
    }

    /** One cell when the address fits in 32 bits, as QEMU writes it; two otherwise, where QEMU 7.2 would truncate. */
    private static PropertyValue addressCells(long address) {
        return (address >>> 32) == 0
                ? PropertyValue.ofCells(address)
                : PropertyValue.ofCells(address >>> 32, address & 0xffffffffL);
    }

    private void psci(Psci psci) {
        EditedNode node = fdt.addNode(root, "psci");
        switch (psci.version()) {
            case V1_0 -> fdt.setStrings(node, "compatible", "arm,psci-1.0", "arm,psci-0.2", "arm,psci");
            case V0_2 -> fdt.setStrings(node, "compatible", "arm,psci-0.2", "arm,psci");
            case V0_1 -> fdt.setStrings(node, "compatible", "arm,psci");
        }
        fdt.setStrings(node, "method", psci.method().text());
        Psci.FunctionIds ids = psci.functionIds(p.architecture());
        fdt.setCells(node, "cpu_suspend", ids.cpuSuspend());
        fdt.setCells(node, "cpu_off", ids.cpuOff());
        fdt.setCells(node, "cpu_on", ids.cpuOn());
        fdt.setCells(node, "migrate", ids.migrate());
    }

    private void secureOnly(EditedNode path) {
        fdt.setStrings(path, "status", "disabled");
        fdt.setStrings(path, "secure-status", "okay");
    }

    private static long[] specifiers(List<Interrupt> interrupts) {
        long[] cells = new long[interrupts.size() * 3];
        for (int i = 0; i < interrupts.size(); i++) {
            System.arraycopy(interrupts.get(i).cells(), 0, cells, 3 * i, 3);
        }
        return cells;
    }

    private static long[] concat(long[]... parts) {
        int n = 0;
        for (long[] part : parts) {
            n += part.length;
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String hex(long value) {
        return Long.toHexString(value);
    }
}
