package dev.hwdesc.acpi.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.aml.Hex;
import dev.hwdesc.platform.Cpu;
import dev.hwdesc.platform.CpuTopology;
import dev.hwdesc.platform.Ged;
import dev.hwdesc.platform.Interrupt;
import dev.hwdesc.platform.Interrupt.Trigger;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.PcieHost;
import dev.hwdesc.platform.Pl011;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Region;
import dev.hwdesc.platform.VirtioMmio;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * QEMU virt's DSDT pieces, from platforms QEMU's vectors do not have: every address, interrupt and
 * count comes from the platform. (The byte-for-byte comparison with QEMU's own tables is in
 * test-vectors, QemuVirtDsdtVectorTest.)
 */
class QemuVirtDsdtTest {

    /** A made-up machine whose addresses and interrupts are nowhere in QEMU's map. */
    private static Platform madeUp() {
        List<Interrupt> intx = List.of(Interrupt.spi(100, Trigger.LEVEL_HIGH), Interrupt.spi(101, Trigger.LEVEL_HIGH),
                Interrupt.spi(102, Trigger.LEVEL_HIGH), Interrupt.spi(103, Trigger.LEVEL_HIGH));
        return Platform.builder()
                .cpu(new Cpu(0, 0, "arm,cortex-a53", Optional.empty(), new CpuTopology.Place(0, 0, 0, 0), -1))
                .cpu(new Cpu(1, 1, "arm,cortex-a53", Optional.empty(), new CpuTopology.Place(0, 0, 1, 0), -1))
                .uart(new Pl011(new Region(0x1c090000L, 0x1000), Interrupt.spi(5, Trigger.LEVEL_HIGH), false))
                .virtioMmio(new VirtioMmio(new Region(0x1c130000L, 0x200), Interrupt.spi(42, Trigger.EDGE_RISING)))
                .pcie(new PcieHost(new Region(0x30000000L, 0x1000000L), 0, 15, new Region(0x5f800000L, 0x10000),
                        new Region(0x50000000L, 0x8000000L), Optional.empty(), intx, 0, true, false))
                .ged(new Ged(new Region(0x1c0a0000L, 4), Interrupt.spi(60, Trigger.EDGE_RISING)))
                .build();
    }

    @Test
    void uartComesFromThePlatform() {
        byte[] body = QemuVirtDsdt.body(madeUp());
        // COM0: Memory32Fixed (ReadWrite, 0x1C090000, 0x1000), Interrupt (Level, High) {37}
        assertContains(body, "5B 82 3A 'COM0' 08 '_HID' 0D 'ARMH0011' 00 08 '_UID' 00 08 '_CRS' 11 1A 0A 17"
                + " 86 09 00 01 00 00 09 1C 00 10 00 00 89 06 00 01 01 25 00 00 00 79 00");
    }

    @Test
    void cpusAreNamedInHex() throws Exception {
        Platform p = new QemuVirt().platform(MachineConfig.builder().cpus(12).gicVersion(3).firmware(true).build());
        byte[] body = QemuVirtDsdt.body(p);
        assertContains(body, "5B 82 1B 'C00B' 08 '_HID' 0D 'ACPI0007' 00 08 '_UID' 0A 0B");
        assertFalse(contains(body, Hex.bytes("'C00C'")));
    }

    @Test
    void virtioIsDescribedEdgeTriggeredAsThePlatformSays() {
        // the platform's line is edge (as QEMU's device tree says; QEMU's DSDT says Level): flags 03, GSIV 74
        assertContains(QemuVirtDsdt.body(madeUp()), "89 06 00 03 01 4A 00 00 00");
    }

    @Test
    void pcieHostWindowsAndEcamComeFromThePlatform() {
        byte[] body = QemuVirtDsdt.body(madeUp());
        // _CBA returns 0x30000000
        assertContains(body, "14 0C '_CBA' 00 A4 0C 00 00 00 30");
        // WordBusNumber 0-15, length 16
        assertContains(body, "88 0D 00 02 0C 00 00 00 00 00 0F 00 00 00 10 00");
        // DWordIO 0-0xFFFF translated to 0x5F800000
        assertContains(body, "87 17 00 01 0C 03 00 00 00 00 00 00 00 00 FF FF 00 00 00 00 80 5F 00 00 01 00");
        // no 64-bit window: no QWordMemory except RES0's ECAM, 0x30000000-0x30FFFFFF
        assertContains(body, "8A 2B 00 00 0C 01 00 00 00 00 00 00 00 00 00 00 00 30 00 00 00 00 FF FF FF 30");
        // link GSI2 is SPI 102 = GSIV 134
        assertContains(body, "'GSI2' 08 '_HID' 0D 'PNP0C0F' 00 08 '_UID' 0A 02 08 '_PRS' 11 0E 0A 0B"
                + " 89 06 00 01 01 86 00 00 00 79 00");
        // slot 31, pin INTB: (31 + 1) % 4 = GSI0
        assertContains(body, "12 0D 04 0C FF FF 1F 00 01 'GSI0' 00");
    }

    @Test
    void gedRegisterAndInterruptComeFromThePlatform() {
        byte[] body = QemuVirtDsdt.body(madeUp());
        assertContains(body, "89 06 00 03 01 5C 00 00 00 79 00 5B 80 'EREG' 00 0C 00 00 0A 1C 0A 04");
    }

    @Test
    void withoutPcieOrGedThereIsNeitherDevice() {
        Platform p = Platform.builder()
                .uart(new Pl011(new Region(0x9000000L, 0x1000), Interrupt.spi(1, Trigger.LEVEL_HIGH), false))
                .build();
        byte[] body = QemuVirtDsdt.body(p);
        assertFalse(contains(body, Hex.bytes("'PCI0'")));
        assertFalse(contains(body, Hex.bytes("'GED_'")));
        // Scope (\_SB) { COM0, PWRB }
        assertEquals(0x10, body[0]);
        assertTrue(contains(body, Hex.bytes("5B 82 19 'PWRB'")));
    }

    @Test
    void withoutFirmwareThePl061SignalsThePowerKey() throws Exception {
        Platform p = new QemuVirt().platform(MachineConfig.builder().cpus(1).firmware(false).build());
        byte[] body = QemuVirtDsdt.body(p);
        assertFalse(contains(body, Hex.bytes("'GED_'")));
        // GPO0: ARMH0061, PL061 at 0x09030000 with SPI 7 (GSIV 39), _AEI GpioInt on pin 3, _E03
        assertContains(body, "08 '_HID' 0D 'ARMH0061' 00 08 '_UID' 00 08 '_CRS' 11 1A 0A 17"
                + " 86 09 00 01 00 00 03 09 00 10 00 00 89 06 00 01 01 27 00 00 00 79 00");
        assertContains(body, "8C 1B 00 01 00 01 00 01 00 01 00 00 00 00 17 00 00 19 00 1E 00 00 00 03 00 'GPO0' 00 79 00");
        assertContains(body, "14 0D '_E03' 00 86 'PWRB' 0A 80");
    }

    private static void assertContains(byte[] body, String hex) {
        byte[] want = Hex.bytes(hex);
        assertTrue(contains(body, want), "the DSDT has no " + Hex.of(want));
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
