package dev.hwdesc.cli;

import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
import dev.hwdesc.platform.Architecture;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Profile;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The static ACPI tables {@code generate} writes beside the device tree, one DIR/acpi/SIG.dat each
 * (RSDP.dat for the RSDP), for the profiles that have them: qemu-virt with an AArch64 CPU. The tables
 * are unlinked, as in QEMU's fw_cfg blob: their pointer fields are 0.
 */
final class AcpiFiles {

    private AcpiFiles() {
    }

    /** Writes the tables; returns the signatures written, none when the profile has no ACPI. */
    static List<String> write(String outDir, Profile profile, MachineConfig config, Platform platform, Io io)
            throws CommandException {
        if (!profile.name().equals(QemuVirt.NAME) || platform.architecture() != Architecture.AARCH64
                || platform.gic().isEmpty()) {
            return List.of();
        }
        // The room for hot-plugged memory is the config's, not the platform's: the SRAT names it.
        AcpiTables tables = QemuVirtTables.of(platform, QemuVirtTables.Options.qemu72()
                .withHotpluggableMemory(QemuVirt.deviceMemory(config, platform)));
        Path dir = Path.of(outDir, "acpi");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CommandException.input(dir.toString(), "cannot make the output directory: " + e.getMessage());
        }
        for (String signature : tables.tables().keySet()) {
            OutputFile.write(dir.resolve(signature + ".dat").toString(), tables.bytes(signature), io);
        }
        return List.copyOf(tables.tables().keySet());
    }
}
