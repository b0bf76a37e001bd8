package dev.hwdesc.cli;

import dev.hwdesc.acpi.qemu.AcpiFwCfg;
import dev.hwdesc.acpi.qemu.AcpiImage;
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
import java.util.Map;
import java.util.Optional;

/**
 * The static ACPI tables {@code generate} writes beside the device tree, one DIR/acpi/SIG.dat each
 * (RSDP.dat for the RSDP), for the profiles that have them: qemu-virt with an AArch64 CPU. Without a
 * base address the tables are unlinked, as in QEMU's fw_cfg blob: their pointer fields are 0. With
 * one, they are linked as {@link AcpiImage} lays them out from that address, and the whole set is
 * also written as DIR/acpi/tables.bin, with DIR/acpi/layout.json saying where each table is.
 */
final class AcpiFiles {

    static final String BLOB = "tables.bin";
    static final String LAYOUT = "layout.json";

    private AcpiFiles() {
    }

    /** Whether the profile gives this platform ACPI tables. */
    static boolean has(Profile profile, Platform platform) {
        return profile.name().equals(QemuVirt.NAME) && platform.architecture() == Architecture.AARCH64
                && platform.gic().isPresent();
    }

    /** Where fw_cfg's files go below DIR/acpi: their fw_cfg names as paths (fw_cfg/etc/acpi/tables ...). */
    static final String FW_CFG_DIR = "fw_cfg";

    /**
     * What the command line asked of the ACPI output.
     *
     * @param options the tables' identity and QEMU defects
     * @param base with --acpi-base, where tables.bin is linked
     * @param fwCfg with --acpi-fw-cfg: QEMU's three fw_cfg files as well
     */
    record Request(QemuVirtTables.Options options, Optional<Long> base, boolean fwCfg) {
    }

    /** Writes the tables as {@code request} says; returns the signatures written, none when the profile has no ACPI. */
    static List<String> write(String outDir, Profile profile, MachineConfig config, Platform platform, Request request,
            Io io) throws CommandException {
        if (!has(profile, platform)) {
            return List.of();
        }
        Optional<Long> base = request.base();
        // The room for hot-plugged memory and the HMAT's figures are the config's, not the platform's.
        QemuVirtTables.Options options = request.options().withConfig(config, platform);
        Optional<AcpiImage> image;
        try {
            image = base.map(b -> AcpiImage.of(b, a -> QemuVirtTables.of(platform, options.withAddresses(a))));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--acpi-base: " + e.getMessage());
        }
        AcpiTables tables = image.map(AcpiImage::tables).orElseGet(() -> QemuVirtTables.of(platform, options));
        Path dir = Path.of(outDir, "acpi");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CommandException.input(dir.toString(), "cannot make the output directory: " + e.getMessage());
        }
        for (String signature : tables.tables().keySet()) {
            OutputFile.write(dir.resolve(signature + ".dat").toString(), tables.bytes(signature), io);
        }
        if (image.isPresent()) {
            OutputFile.write(dir.resolve(BLOB).toString(), image.get().bytes(), io);
            OutputFile.write(dir.resolve(LAYOUT).toString(), layoutJson(image.get()), io);
        }
        if (request.fwCfg()) {
            AcpiFwCfg files = AcpiFwCfg.of(a -> QemuVirtTables.of(platform, options.withAddresses(a)));
            for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
                Path file = dir.resolve(FW_CFG_DIR).resolve(f.getKey());
                try {
                    Files.createDirectories(file.getParent());
                } catch (IOException e) {
                    throw CommandException.input(file.getParent().toString(), "cannot make the output directory: "
                            + e.getMessage());
                }
                OutputFile.write(file.toString(), f.getValue(), io);
            }
        }
        return List.copyOf(tables.tables().keySet());
    }

    /** QEMU's options that serve the fw_cfg files under {@code outDir} to the firmware in place of its own tables. */
    static String qemuFwCfgOptions(String outDir) {
        StringBuilder s = new StringBuilder("-machine acpi=off");
        for (String name : List.of(AcpiFwCfg.TABLES, AcpiFwCfg.RSDP, AcpiFwCfg.LOADER)) {
            s.append(" -fw_cfg name=").append(name).append(",file=")
                    .append(Path.of(outDir, "acpi", FW_CFG_DIR).resolve(name));
        }
        return s.toString();
    }

    /**
     * {@code {"base": N, "size": N, "tables": [{"signature", "address", "offset", "length"}, ...]}},
     * in blob order; numbers are JSON numbers (addresses unsigned).
     */
    static byte[] layoutJson(AcpiImage image) {
        return JsonOutput.of(g -> {
            g.writeStartObject();
            JsonOutput.unsignedField(g, "base", image.base());
            g.writeNumberField("size", image.bytes().length);
            g.writeArrayFieldStart("tables");
            for (AcpiImage.Placement p : image.placements()) {
                g.writeStartObject();
                g.writeStringField("signature", p.signature());
                JsonOutput.unsignedField(g, "address", p.address());
                g.writeNumberField("offset", p.offset());
                g.writeNumberField("length", p.length());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
