package dev.hwdesc.vectors.acpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.acpi.qemu.AcpiFwCfg;
import dev.hwdesc.acpi.qemu.AcpiTables;
import dev.hwdesc.acpi.qemu.QemuVirtTables;
import dev.hwdesc.acpi.table.Fadt;
import dev.hwdesc.acpi.table.Rsdp;
import dev.hwdesc.acpi.table.Sdt;
import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.acpi.table.TableDumper;
import dev.hwdesc.acpi.table.TableLayouts;
import dev.hwdesc.platform.ConfigException;
import dev.hwdesc.platform.MachineConfig;
import dev.hwdesc.platform.Platform;
import dev.hwdesc.platform.qemu.QemuVirt;
import dev.hwdesc.vectors.TestVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hwdesc's tables against QEMU 7.2's own fw_cfg files (data/qemu-acpi/fwcfg-7.2, read by
 * scripts/dump-qemu-acpi-fwcfg.py before any firmware ran): every table including the XSDT and the
 * RSDP, their pointer fields holding offsets in etc/acpi/tables as QEMU leaves them for its linker.
 * QEMU leaves the checksums 0 for the firmware to compute, so they are compared as 0. The linker
 * script (etc/table-loader) is checked too: the pointers it patches are the fields hwdesc fills from
 * addresses, and the checksums it computes cover exactly each table.
 */
class QemuFwCfgTablesTest {

    private static final Map<String, MachineConfig> CONFIGS = QemuAcpiCaptures.FW_CFG;

    static Path dir(String config) {
        return QemuAcpiCaptures.fwCfgDir(config);
    }

    static Stream<String> configs() {
        return CONFIGS.keySet().stream().sorted();
    }

    private static Map<String, Long> offsets(String config) throws IOException {
        return QemuAcpiCaptures.fwCfgOffsets(config);
    }

    private static AcpiTables ours(String config) throws IOException {
        try {
            MachineConfig c = CONFIGS.get(config);
            Platform platform = new QemuVirt().platform(c);
            return QemuVirtTables.of(platform, QemuVirtTables.Options.qemu72().withAddresses(offsets(config))
                    .withConfig(c, platform));
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** hwdesc's three fw_cfg files for a config, QEMU's defects reproduced. */
    private static AcpiFwCfg ourFiles(String config) {
        MachineConfig c = CONFIGS.get(config);
        Platform platform = QemuAcpiVectors.platform(c);
        QemuVirtTables.Options o = QemuVirtTables.Options.qemu72().withConfig(c, platform);
        return AcpiFwCfg.of(a -> QemuVirtTables.of(platform, o.withAddresses(a)));
    }

    /**
     * hwdesc's fw_cfg files are QEMU's byte for byte: the tables file (every table at QEMU's offset,
     * checksums 0), the RSDP and the linker script.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void theFwCfgFilesAreQemus(String config) throws IOException {
        AcpiFwCfg ours = ourFiles(config);
        assertArrayEquals(Files.readAllBytes(dir(config).resolve("table-loader")), ours.loader(), "etc/table-loader");
        assertArrayEquals(Files.readAllBytes(dir(config).resolve("RSDP")), ours.rsdp(), "etc/acpi/rsdp");
        Map<String, Long> at = offsets(config);
        assertEquals(at.keySet().stream().toList(), ours.offsets().keySet().stream().toList());
        byte[] blob = ours.tables();
        java.io.ByteArrayOutputStream qemuBlob = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, Long> e : at.entrySet()) {
            assertEquals(e.getValue().intValue(), ours.offsets().get(e.getKey()), e.getKey() + " offset");
            byte[] qemu = Files.readAllBytes(dir(config).resolve(e.getKey()));
            int from = e.getValue().intValue();
            assertArrayEquals(qemu, java.util.Arrays.copyOfRange(blob, from, from + qemu.length), e.getKey());
            qemuBlob.writeBytes(qemu);
        }
        assertArrayEquals(qemuBlob.toByteArray(), blob, "etc/acpi/tables");
    }

    private static byte[] checksumsZeroed(byte[] table) {
        return QemuAcpiCaptures.checksumsZeroed(table);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void sameTablesAsQemusBlob(String config) throws IOException {
        AcpiTables ours = ours(config);
        List<String> theirs = new ArrayList<>();
        for (Path f : TestVectors.files(dir(config), "")) {
            String sig = f.getFileName().toString();
            if (sig.length() != 4) {
                continue;
            }
            theirs.add(sig);
            byte[] expected = checksumsZeroed(TestVectors.bytes(f));
            byte[] actual = checksumsZeroed(ours.bytes(sig));
            if (!java.util.Arrays.equals(expected, actual)) {
                assertEquals(TableDumper.dump(TableLayouts.decode(expected)), TableDumper.dump(TableLayouts.decode(actual)),
                        config + "/" + sig);
            }
        }
        assertEquals(new TreeSet<>(theirs), new TreeSet<>(ours.tables().keySet()), "the same tables");
        // The blob holds the tables in QEMU's build order, and so does hwdesc (the DSDT first).
        List<String> blobOrder = new ArrayList<>(offsets(config).keySet());
        blobOrder.remove("XSDT");
        List<String> ourOrder = new ArrayList<>(ours.tables().keySet());
        ourOrder.removeAll(List.of("XSDT", "RSDP"));
        assertEquals(blobOrder, ourOrder);
    }

    /** One command of QEMU's linker script (hw/acpi/bios-linker-loader.c's 128-byte entries). */
    private record LoaderCommand(int command, String file, String source, long offset, long size, long start) {
    }

    private static List<LoaderCommand> loader(String config) throws IOException {
        byte[] b = Files.readAllBytes(dir(config).resolve("table-loader"));
        List<LoaderCommand> out = new ArrayList<>();
        for (int at = 0; at + 128 <= b.length; at += 128) {
            int command = (int) TableCodec.number(b, at, 4);
            String file = name(b, at + 4);
            switch (command) {
                case 2 -> out.add(new LoaderCommand(2, file, name(b, at + 60), TableCodec.number(b, at + 116, 4),
                        b[at + 120] & 0xff, 0));
                case 3 -> out.add(new LoaderCommand(3, file, "", TableCodec.number(b, at + 60, 4),
                        TableCodec.number(b, at + 68, 4), TableCodec.number(b, at + 64, 4)));
                default -> out.add(new LoaderCommand(command, file, "", 0, 0, 0));
            }
        }
        return out;
    }

    private static String name(byte[] b, int at) {
        int end = at;
        while (end < at + 56 && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void theLinkerPatchesTheFieldsHwdescFills(String config) throws IOException {
        Map<String, Long> at = offsets(config);
        AcpiTables ours = ours(config);
        Set<String> patched = new TreeSet<>();
        Set<String> summed = new TreeSet<>();
        for (LoaderCommand c : loader(config)) {
            if (c.command() == 2) {
                patched.add(where(c.file(), c.offset(), at) + "/" + c.size());
            } else if (c.command() == 3) {
                summed.add(where(c.file(), c.offset(), at) + " over " + where(c.file(), c.start(), at) + "+" + c.size());
            }
        }
        Set<String> filled = new TreeSet<>();
        filled.add("FACP@" + Fadt.LAYOUT.field(Fadt.X_DSDT).offset() + "/8");
        int entries = (ours.bytes("XSDT").length - Sdt.SIZE) / 8;
        for (int i = 0; i < entries; i++) {
            filled.add("XSDT@" + (Sdt.SIZE + 8 * i) + "/8");
        }
        filled.add("RSDP@" + Rsdp.LAYOUT.field("XSDT Address").offset() + "/8");
        assertEquals(filled, patched);
        Set<String> sums = new TreeSet<>();
        for (String sig : ours.tables().keySet()) {
            if (sig.equals("DSDT")) {
                continue; // below, with QEMU's length
            }
            int length = ours.bytes(sig).length;
            sums.add(sig.equals("RSDP")
                    ? "RSDP@8 over RSDP@0+20"
                    : sig + "@9 over " + sig + "@0+" + length);
        }
        sums.add("DSDT@9 over DSDT@0+" + (long) lengthOf(config, "DSDT", at));
        assertTrue(summed.containsAll(sums), "checksums: QEMU " + summed + "\nhwdesc " + sums);
    }

    private static long lengthOf(String config, String sig, Map<String, Long> at) throws IOException {
        for (String line : Files.readAllLines(dir(config).resolve("offsets.txt"))) {
            String[] f = line.split(" ");
            if (f[0].equals(sig)) {
                return Long.parseLong(f[2]);
            }
        }
        throw new IllegalStateException(sig);
    }

    /** "SIG@offset within the table" for an offset in a fw_cfg file. */
    private static String where(String file, long offset, Map<String, Long> at) {
        if (file.equals("etc/acpi/rsdp")) {
            return "RSDP@" + offset;
        }
        String best = "?";
        long base = -1;
        for (var e : at.entrySet()) {
            if (e.getValue() <= offset && e.getValue() > base) {
                best = e.getKey();
                base = e.getValue();
            }
        }
        return best + "@" + (offset - base);
    }
}
