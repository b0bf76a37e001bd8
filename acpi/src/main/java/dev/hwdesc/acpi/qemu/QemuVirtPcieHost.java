package dev.hwdesc.acpi.qemu;

import static dev.hwdesc.acpi.aml.Asl.*;

import dev.hwdesc.acpi.aml.AddressSpace;
import dev.hwdesc.acpi.aml.AddressSpace.Cacheable;
import dev.hwdesc.acpi.aml.Aml;
import dev.hwdesc.acpi.aml.ResourceDescriptor;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * The PCIe host bridge PCI0 as QEMU 7.2 describes its generic ECAM host (hw/pci-host/gpex-acpi.c):
 * identity, the INTx routing through four link devices GSI0-GSI3, the ECAM base, the bus, memory
 * and I/O windows it forwards, _OSC and _DSM, and the ECAM window reserved by RES0.
 */
final class QemuVirtPcieHost {

    /** Devices per PCI bus, each routed through _PRT. */
    static final int SLOTS = 32;
    /** INTA-INTD. */
    static final int PINS = 4;
    static final String PCI_HOST_BRIDGE_OSC_UUID = "33db4d5b-1ff7-401c-9657-7441c03dd766";
    static final String PCI_DEVICE_DSM_UUID = "e5c937d0-3553-4d7a-9117-ea4d19c3434d";
    /**
     * The _OSC control bits the host grants: native PCIe hotplug, SHPC hotplug, PME, AER and the
     * capability structure (bits 0-4).
     */
    static final int OSC_CONTROL_MASK = 0x1F;

    private QemuVirtPcieHost() {
    }

    static Aml pci0(PcieHost host) {
        List<Aml> terms = new ArrayList<>(List.of(
                name("_HID", string("PNP0A08")),
                name("_CID", string("PNP0A03")),
                name("_SEG", integer(host.domain())),
                name("_BBN", integer(host.firstBus())),
                name("_UID", zero()),
                name("_STR", unicode("PCIe 0 Device")),
                name("_CCA", one())));
        if (!host.intx().isEmpty()) {
            terms.add(routingTable());
            for (int i = 0; i < PINS; i++) {
                terms.add(link(i, host));
            }
        }
        terms.add(method("_CBA", 0, false, returns(integer(host.ecam().base()))));
        terms.add(name("_CRS", resourceTemplate(windows(host))));
        terms.add(name("SUPP", zero()));
        terms.add(name("CTRL", zero()));
        terms.add(osc());
        terms.add(dsm());
        Region ecam = host.ecam();
        terms.add(device("RES0",
                name("_HID", string("PNP0C02")),
                name("_CRS", resourceTemplate(
                        memory(AddressSpace.Width.QWORD, Cacheable.NON_CACHEABLE, ecam.base(), ecam.size(), 0)))));
        return device("PCI0", terms);
    }

    /** _PRT: slot s, pin p goes to link GSI((s + p) % 4), the standard swizzle; all 128 entries. */
    private static Aml routingTable() {
        List<Aml> entries = new ArrayList<>(SLOTS * PINS);
        List<Aml> links = new ArrayList<>(PINS);
        for (int pin = 0; pin < PINS; pin++) {
            links.add(path("GSI" + pin));
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            for (int pin = 0; pin < PINS; pin++) {
                entries.add(pkg(integer((long) slot << 16 | 0xFFFF), integer(pin),
                        links.get((slot + pin) % PINS), zero()));
            }
        }
        return name("_PRT", varPkg(entries));
    }

    /** Link device GSIn: INTx line n, fixed, so _SRS accepts anything and does nothing. */
    private static Aml link(int line, PcieHost host) {
        return device("GSI" + line,
                name("_HID", string("PNP0C0F")),
                name("_UID", integer(line)),
                name("_PRS", resourceTemplate(QemuVirtDsdt.wired(host.intx().get(line)))),
                name("_CRS", resourceTemplate(QemuVirtDsdt.wired(host.intx().get(line)))),
                method("_SRS", 1, false));
    }

    /** _CRS: the buses, the 32-bit memory window, the I/O window (at PCI address 0), the 64-bit window. */
    private static ResourceDescriptor[] windows(PcieHost host) {
        List<ResourceDescriptor> d = new ArrayList<>();
        d.add(wordBusNumber(host.firstBus(), host.lastBus()));
        d.add(memory(AddressSpace.Width.DWORD, Cacheable.NON_CACHEABLE, host.mmio32().base(), host.mmio32().size(), 0));
        d.add(dwordIo(0, host.pio().size(), host.pio().base()));
        host.mmio64().ifPresent(w ->
                d.add(memory(AddressSpace.Width.QWORD, Cacheable.NON_CACHEABLE, w.base(), w.size(), 0)));
        return d.toArray(ResourceDescriptor[]::new);
    }

    /**
     * _OSC (PCI Firmware Specification 3.2, 4.5): for the host bridge UUID, keep what the OS asks
     * within the granted mask and flag an unknown revision (CDW1 bit 3) or masked-off control bits
     * (bit 4); any other UUID is unrecognised (bit 2).
     */
    private static Aml osc() {
        return method("_OSC", 4, false,
                createDWordField(arg(3), zero(), "CDW1"),
                ifThen(lEqual(arg(0), toUuid(PCI_HOST_BRIDGE_OSC_UUID)),
                        createDWordField(arg(3), integer(4), "CDW2"),
                        createDWordField(arg(3), integer(8), "CDW3"),
                        store(path("CDW2"), path("SUPP")),
                        store(path("CDW3"), path("CTRL")),
                        and(path("CTRL"), integer(OSC_CONTROL_MASK), path("CTRL")),
                        ifThen(lNot(lEqual(arg(1), one())),
                                or(path("CDW1"), integer(0x08), path("CDW1"))),
                        ifThen(lNot(lEqual(path("CDW3"), path("CTRL"))),
                                or(path("CDW1"), integer(0x10), path("CDW1"))),
                        store(path("CTRL"), path("CDW3")),
                        returns(arg(3))),
                orElse(
                        or(path("CDW1"), integer(0x04), path("CDW1")),
                        returns(arg(3))));
    }

    /**
     * _DSM (PCI Firmware Specification 3.2, 4.6): function 0 of the PCI device UUID reports that
     * function 0 is all there is (bit 0); anything else gets an empty bit set.
     */
    private static Aml dsm() {
        return method("_DSM", 4, false,
                ifThen(lEqual(arg(0), toUuid(PCI_DEVICE_DSM_UUID)),
                        ifThen(lEqual(arg(2), zero()),
                                returns(buffer(0x01)))),
                returns(buffer(0x00)));
    }
}
