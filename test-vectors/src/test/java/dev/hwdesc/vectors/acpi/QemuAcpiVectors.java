package dev.hwdesc.vectors.acpi;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.TestVectors;
import java.nio.file.Path;

/** QEMU 7.2's expected ACPI tables (data/qemu-acpi/v7.2.0) and the configs that match them. */
final class QemuAcpiVectors {

    private QemuAcpiVectors() {
    }

    static Path dir() {
        return TestVectors.data().resolve("qemu-acpi").resolve("v7.2.0");
    }

    static byte[] vector(String name) {
        return TestVectors.bytes(dir().resolve(name));
    }

    /**
     * bios-tables-test's base config: -machine virt -cpu cortex-a57 with UEFI (so the GED, not the
     * PL061), QEMU's defaults otherwise: 1 CPU, 128 MiB, GICv2 with GICv2m. The vectors' APIC has
     * one GICC and a GICv2 GICD; the memory size appears in none of these tables.
     */
    static MachineConfig base() {
        return MachineConfig.builder().cpus(1).cpu("cortex-a57").memory(128L << 20).gicVersion(2).firmware(true).build();
    }

    /** The .acpihmatvirt config's CPUs: -smp 4,sockets=2 (4 GICCs; PPTT: 2 sockets of 2 cores). */
    static MachineConfig acpihmatvirt() {
        return MachineConfig.builder().cpus(4).topology(new MachineConfig.Topology(
                java.util.Optional.of(2), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()))
                .cpu("cortex-a57").memory(256L << 20).gicVersion(2).firmware(true).build();
    }

    static AcpiTables tables(MachineConfig config) {
        try {
            return QemuVirtTables.of(new QemuVirt().platform(config));
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A FADT as QEMU's tests store it: FIRMWARE_CTRL (36), DSDT (40), X_FIRMWARE_CTRL (132) and
     * X_DSDT (140) zeroed, the checksum made right again. Other tables come back unchanged.
     */
    static byte[] unlinked(byte[] table) {
        byte[] t = table.clone();
        if (t.length >= 148 && t[0] == 'F' && t[1] == 'A' && t[2] == 'C' && t[3] == 'P') {
            java.util.Arrays.fill(t, 36, 44, (byte) 0);
            java.util.Arrays.fill(t, 132, 148, (byte) 0);
            t[9] = 0;
            t[9] = (byte) -TableCodec.sum(t, 0, t.length);
        }
        return t;
    }
}
