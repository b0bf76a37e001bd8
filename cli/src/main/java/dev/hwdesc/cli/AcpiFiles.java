package dev.hwdesc.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hwdesc.acpi.qemu.AcpiImage;
import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
import dev.hwdesc.platform.Architecture;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.Profile;
import dev.hwdesc.platform.qemu.QemuVirt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Writes the tables made with {@code chosen} (the command line's identity and defects); returns
     * the signatures written, none when the profile has no ACPI.
     */
    static List<String> write(String outDir, Profile profile, MachineConfig config, Platform platform, Optional<Long> base,
            QemuVirtTables.Options chosen, Io io) throws CommandException {
        if (!has(profile, platform)) {
            return List.of();
        }
        // The room for hot-plugged memory is the config's, not the platform's: the SRAT names it.
        QemuVirtTables.Options options = chosen.withHotpluggableMemory(QemuVirt.deviceMemory(config, platform));
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
        return List.copyOf(tables.tables().keySet());
    }

    /**
     * {@code {"base": N, "size": N, "tables": [{"signature", "address", "offset", "length"}, ...]}},
     * in blob order; numbers are JSON numbers (addresses unsigned).
     */
    static byte[] layoutJson(AcpiImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("base");
            g.writeNumber(Long.toUnsignedString(image.base()));
            g.writeNumberField("size", image.bytes().length);
            g.writeArrayFieldStart("tables");
            for (AcpiImage.Placement p : image.placements()) {
                g.writeStartObject();
                g.writeStringField("signature", p.signature());
                g.writeFieldName("address");
                g.writeNumber(Long.toUnsignedString(p.address()));
                g.writeNumberField("offset", p.offset());
                g.writeNumberField("length", p.length());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
