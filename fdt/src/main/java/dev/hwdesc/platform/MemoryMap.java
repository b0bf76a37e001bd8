package dev.hwdesc.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Every guest-physical region a platform describes, named, and the pairs that overlap: RAM over a
 * device window, or two devices on top of each other. Sorting by base makes it one pass.
 */
public final class MemoryMap {

    /** A region and what it is ("RAM", "PL011 UART"). */
    public record Entry(Region region, String what) {
    }

    /** Two regions that share addresses. */
    public record Overlap(Entry first, Entry second) {
        @Override
        public String toString() {
            return first.what() + " " + first.region() + " overlaps " + second.what() + " " + second.region();
        }
    }

    private MemoryMap() {
    }

    /** The platform's regions, by base address (unsigned). */
    public static List<Entry> of(Platform p) {
        List<Entry> all = new ArrayList<>();
        p.memory().forEach(m -> all.add(new Entry(m.range(), "RAM")));
        p.flash().ifPresent(f -> f.banks().forEach(b -> all.add(new Entry(b, "flash"))));
        p.gic().ifPresent(g -> {
            all.add(new Entry(g.distributor(), "GIC distributor"));
            if (g instanceof GicV3 v3) {
                v3.redistributorRegions().forEach(r -> all.add(new Entry(r, "GIC redistributors")));
                v3.its().ifPresent(r -> all.add(new Entry(r, "GIC ITS")));
            } else if (g instanceof GicV2 v2) {
                all.add(new Entry(v2.cpuInterface(), "GIC CPU interface"));
                v2.hypervisorInterface().ifPresent(r -> all.add(new Entry(r, "GIC virtual interface control")));
                v2.virtualCpuInterface().ifPresent(r -> all.add(new Entry(r, "GIC virtual CPU interface")));
                v2.v2m().ifPresent(m -> all.add(new Entry(m.frame(), "GICv2m MSI frame")));
            }
        });
        p.uarts().forEach(u -> all.add(new Entry(u.mmio(), "PL011 UART")));
        p.rtc().ifPresent(r -> all.add(new Entry(r.mmio(), "PL031 RTC")));
        p.gpio().ifPresent(g -> all.add(new Entry(g.mmio(), "PL061 GPIO")));
        p.fwCfg().ifPresent(f -> all.add(new Entry(f.mmio(), "fw_cfg")));
        p.smmu().ifPresent(s -> all.add(new Entry(s.mmio(), "SMMUv3")));
        p.ged().ifPresent(g -> all.add(new Entry(g.mmio(), "generic event device")));
        p.ged().flatMap(Ged::memoryHotplug).ifPresent(m -> all.add(new Entry(m.registers(), "memory hotplug registers")));
        p.virtioMmio().forEach(v -> all.add(new Entry(v.mmio(), "virtio-mmio transport")));
        p.platformBus().ifPresent(b -> all.add(new Entry(b.window(), "platform bus")));
        p.secureWorld().ifPresent(s -> {
            all.add(new Entry(s.ram(), "secure RAM"));
            all.add(new Entry(s.uart().mmio(), "secure PL011 UART"));
            s.gpio().ifPresent(g -> all.add(new Entry(g.mmio(), "secure PL061 GPIO")));
        });
        p.pcie().ifPresent(h -> {
            all.add(new Entry(h.ecam(), "PCIe ECAM"));
            all.add(new Entry(h.pio(), "PCIe I/O window"));
            all.add(new Entry(h.mmio32(), "PCIe MMIO window"));
            h.mmio64().ifPresent(r -> all.add(new Entry(r, "PCIe 64-bit MMIO window")));
        });
        p.xen().ifPresent(x -> all.add(new Entry(x.grantTable(), "Xen grant table")));
        all.sort((a, b) -> Long.compareUnsigned(a.region().base(), b.region().base()));
        return all;
    }

    /**
     * Each region that overlaps one before it, with the one it overlaps (the furthest-reaching region
     * seen so far, so a region inside a large one is caught too).
     */
    public static List<Overlap> overlaps(Platform p) {
        List<Overlap> found = new ArrayList<>();
        Entry reach = null;
        for (Entry e : of(p)) {
            if (e.region().size() == 0) {
                continue;
            }
            if (reach != null && reach.region().overlaps(e.region())) {
                found.add(new Overlap(reach, e));
            }
            if (reach == null || Long.compareUnsigned(e.region().end() - 1, reach.region().end() - 1) > 0) {
                reach = e;
            }
        }
        return found;
    }
}
