package dev.hwdesc.acpi.qemu;

import static dev.hwdesc.acpi.aml.Asl.*;

import dev.hwdesc.acpi.aml.Aml;
import dev.hwdesc.acpi.aml.DefinitionBlock;
import dev.hwdesc.acpi.aml.ExtendedInterrupt;
import dev.hwdesc.acpi.aml.Field.AccessType;
import dev.hwdesc.acpi.aml.Field.LockRule;
import dev.hwdesc.acpi.aml.Field.UpdateRule;
import dev.hwdesc.acpi.aml.GpioInt;
import dev.hwdesc.acpi.aml.OperationRegion.RegionSpace;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.FwCfg;
import dev.hwdesc.platform.Ged;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Pl061;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.VirtioMmio;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The DSDT QEMU 7.2's virt machine writes (hw/arm/virt-acpi-build.c, build_dsdt), from a
 * platform: in {@code Scope(\_SB)}, the CPUs, the UART, fw_cfg, the virtio-mmio transports, the
 * PCIe host, then the generic event device (or, without one, the PL061 and its power-key event),
 * then the power button. Addresses, interrupts and counts all come from the platform.
 */
public final class QemuVirtDsdt {

    /** The GED's event selector bits: memory hotplug (ACPI_GED_MEM_HOTPLUG_EVT), power button (ACPI_GED_PWR_DOWN_EVT). */
    static final int GED_MEMORY_HOTPLUG_EVENT = 0x1;
    static final int GED_POWER_DOWN_EVENT = 0x2;
    /** Notify value 0x80: "status change", a power button press. */
    static final int NOTIFY_STATUS_CHANGE = 0x80;

    private QemuVirtDsdt() {
    }

    /** The DSDT's AML: what follows its 36-byte header. */
    public static byte[] body(Platform platform) {
        return body(platform, Set.of());
    }

    /** The DSDT's AML with QEMU's DSDT defects among {@code defects} reproduced. */
    public static byte[] body(Platform platform, Set<QemuDefect> defects) {
        return definitionBlock(platform, defects).body();
    }

    /** The DSDT's terms. */
    public static DefinitionBlock definitionBlock(Platform platform) {
        return definitionBlock(platform, Set.of());
    }

    /** The DSDT's terms, with QEMU's DSDT defects among {@code defects} reproduced. */
    public static DefinitionBlock definitionBlock(Platform platform, Set<QemuDefect> defects) {
        boolean levelVirtio = defects.contains(QemuDefect.VIRTIO_MMIO_LEVEL_TRIGGERED);
        List<Aml> sb = new ArrayList<>();
        for (Cpu cpu : platform.cpus()) {
            sb.add(cpu(cpu));
        }
        List<Pl011> uarts = platform.uarts().stream().filter(u -> !u.secure()).toList();
        for (int i = 0; i < uarts.size(); i++) {
            sb.add(uart(i, uarts.get(i)));
        }
        platform.fwCfg().ifPresent(f -> sb.add(fwCfg(f)));
        for (int i = 0; i < platform.virtioMmio().size(); i++) {
            sb.add(virtio(i, platform.virtioMmio().get(i), levelVirtio));
        }
        platform.pcie().ifPresent(host -> sb.add(QemuVirtPcieHost.pci0(host)));
        if (platform.ged().isPresent()) {
            sb.add(ged(platform.ged().get()));
            platform.ged().get().memoryHotplug().ifPresent(h -> sb.addAll(QemuMemoryHotplug.devices(h)));
        } else {
            platform.gpio().filter(g -> !g.secure()).ifPresent(g -> sb.add(powerKeyGpio(g)));
        }
        sb.add(device("PWRB", name("_HID", string("PNP0C0C")), name("_UID", zero())));
        return new DefinitionBlock(List.of(scope("\\_SB", sb)));
    }

    /** The low {@code digits} hex digits of {@code value}, upper case, zero-padded (a name segment's). */
    static String hexDigits(int value, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--, value >>>= 4) {
            c[i] = Character.toUpperCase(Character.forDigit(value & 0xf, 16));
        }
        return new String(c);
    }

    /** acpi_dsdt_add_cpus: Device (Cnnn), the index in three hex digits. */
    private static Aml cpu(Cpu cpu) {
        return device("C" + hexDigits(cpu.index(), 3),
                name("_HID", string("ACPI0007")),
                name("_UID", integer(cpu.index())));
    }

    /** acpi_dsdt_add_uart: the SBSA UART's _HID with its registers and interrupt. */
    private static Aml uart(int index, Pl011 uart) {
        return device("COM" + index,
                name("_HID", string("ARMH0011")),
                name("_UID", integer(index)),
                name("_CRS", resourceTemplate(
                        memory32Fixed(true, uart.mmio().base(), uart.mmio().size()),
                        wired(uart.interrupt()))));
    }

    /** acpi_dsdt_add_fw_cfg: present, enabled, not shown in the UI (0x0B); coherent DMA. */
    private static Aml fwCfg(FwCfg fwCfg) {
        return device("FWCF",
                name("_HID", string("QEMU0002")),
                name("_STA", integer(0x0B)),
                name("_CCA", one()),
                name("_CRS", resourceTemplate(memory32Fixed(true, fwCfg.mmio().base(), fwCfg.mmio().size()))));
    }

    /**
     * acpi_dsdt_add_virtio: one device per transport. The line's trigger is the platform's unless
     * {@code level} asks for QEMU's {@link QemuDefect#VIRTIO_MMIO_LEVEL_TRIGGERED}.
     */
    private static Aml virtio(int index, VirtioMmio v, boolean level) {
        boolean edge = !level && v.interrupt().trigger().isEdge();
        boolean activeLow = !level && v.interrupt().trigger().isActiveLow();
        return device(index < 10 ? "VR0" + index : "VR" + index,
                name("_HID", string("LNRO0005")),
                name("_UID", integer(index)),
                name("_CCA", one()),
                name("_CRS", resourceTemplate(
                        memory32Fixed(true, v.mmio().base(), v.mmio().size()),
                        interrupt(edge, activeLow, v.interrupt().gsiv()))));
    }

    /**
     * build_ged_aml: the generic event device, named by its absolute path, whose event selector
     * register says which events fired: memory hotplug (the slots are scanned), when the machine has
     * DIMM slots, and the power button.
     */
    private static Aml ged(Ged ged) {
        List<Aml> events = new ArrayList<>();
        events.add(store(path("ESEL"), local(0)));
        if (ged.memoryHotplug().isPresent()) {
            events.add(onEvent(GED_MEMORY_HOTPLUG_EVENT, call(QemuMemoryHotplug.SCAN_METHOD)));
        }
        events.add(onEvent(GED_POWER_DOWN_EVENT, notifyObject(path("PWRB"), integer(NOTIFY_STATUS_CHANGE))));
        return device("\\_SB.GED",
                name("_HID", string("ACPI0013")),
                name("_UID", string("GED")),
                name("_CRS", resourceTemplate(wired(ged.interrupt()))),
                operationRegion("EREG", RegionSpace.SYSTEM_MEMORY, integer(ged.mmio().base()),
                        integer(ged.mmio().size())),
                field("EREG", AccessType.DWORD_ACC, LockRule.NO_LOCK, UpdateRule.WRITE_AS_ZEROS,
                        fieldUnit("ESEL", (int) ged.mmio().size() * 8)),
                method("_EVT", 1, true, events));
    }

    /** If ((Local0 &amp; event) == event) { handler }: Local0 holds the event selector. */
    private static Aml onEvent(int event, Aml handler) {
        return ifThen(lEqual(and(local(0), integer(event), nullName()), integer(event)), handler);
    }

    /**
     * acpi_dsdt_add_gpio: without a GED, the PL061 signals the power key as a GPIO interrupt event
     * (_AEI) whose handler (_Exx, xx the pin in hex) notifies the power button.
     */
    private static Aml powerKeyGpio(Pl061 gpio) {
        List<Integer> keys = gpio.lines().stream().filter(l -> l.use() == Pl061.Use.POWER_KEY)
                .map(Pl061.GpioLine::line).toList();
        List<Aml> terms = new ArrayList<>(List.of(
                name("_HID", string("ARMH0061")),
                name("_UID", zero()),
                name("_CRS", resourceTemplate(
                        memory32Fixed(true, gpio.mmio().base(), gpio.mmio().size()),
                        wired(gpio.interrupt())))));
        for (int pin : keys) {
            terms.add(name("_AEI", resourceTemplate(new GpioInt(true, GpioInt.Polarity.ACTIVE_HIGH, false, false,
                    GpioInt.PinConfig.PULL_UP, 0, "GPO0", List.of(pin)))));
            terms.add(method("_E" + hexDigits(pin, 2), 0, false,
                    notifyObject(path("PWRB"), integer(NOTIFY_STATUS_CHANGE))));
        }
        return device("GPO0", terms);
    }

    /** Interrupt (ResourceConsumer, trigger and polarity as wired, Exclusive) { GSIV }. */
    static ExtendedInterrupt wired(Interrupt irq) {
        return interrupt(irq.trigger().isEdge(), irq.trigger().isActiveLow(), irq.gsiv());
    }
}
