package dev.hwdesc.acpi.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.hwdesc.acpi.table.TableCodec;
import dev.hwdesc.platform.Platform;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * For random qemu-virt platforms, running {@link AcpiFwCfg}'s linker script as firmware does (allocate
 * each file at an aligned address, add the files' addresses to the pointers, compute the checksums)
 * gives exactly the tables hwdesc makes when told those addresses: the script patches every pointer
 * and checksum and nothing else.
 */
class AcpiFwCfgPropertyTest {

    /** What a firmware's linker does with the three files, given where it put each file. */
    static Map<String, byte[]> link(AcpiFwCfg f, Map<String, Long> fileAddress) {
        Map<String, byte[]> files = new HashMap<>();
        files.put(AcpiFwCfg.TABLES, f.tables());
        files.put(AcpiFwCfg.RSDP, f.rsdp());
        byte[] script = f.loader();
        assertEquals(0, script.length % AcpiFwCfg.COMMAND_SIZE);
        for (int at = 0; at < script.length; at += AcpiFwCfg.COMMAND_SIZE) {
            int command = (int) TableCodec.number(script, at, 4);
            String file = name(script, at + 4);
            switch (command) {
                case AcpiFwCfg.ALLOCATE -> {
                    long alignment = TableCodec.number(script, at + 4 + AcpiFwCfg.FILE_NAME_SIZE, 4);
                    assertEquals(0, fileAddress.get(file) % alignment, file + " aligned");
                }
                case AcpiFwCfg.ADD_POINTER -> {
                    String target = name(script, at + 4 + AcpiFwCfg.FILE_NAME_SIZE);
                    int offset = (int) TableCodec.number(script, at + 4 + 2 * AcpiFwCfg.FILE_NAME_SIZE, 4);
                    int size = script[at + 4 + 2 * AcpiFwCfg.FILE_NAME_SIZE + 4];
                    byte[] b = files.get(file);
                    long value = TableCodec.number(b, offset, size) + fileAddress.get(target);
                    for (int i = 0; i < size; i++) {
                        b[offset + i] = (byte) (value >>> (8 * i));
                    }
                }
                case AcpiFwCfg.ADD_CHECKSUM -> {
                    int offset = (int) TableCodec.number(script, at + 4 + AcpiFwCfg.FILE_NAME_SIZE, 4);
                    int start = (int) TableCodec.number(script, at + 4 + AcpiFwCfg.FILE_NAME_SIZE + 4, 4);
                    int length = (int) TableCodec.number(script, at + 4 + AcpiFwCfg.FILE_NAME_SIZE + 8, 4);
                    byte[] b = files.get(file);
                    b[offset] = 0;
                    b[offset] = (byte) -TableCodec.sum(b, start, start + length);
                }
                default -> throw new AssertionError("command " + command + " at " + at);
            }
        }
        return files;
    }

    private static String name(byte[] b, int at) {
        int end = at;
        while (b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.US_ASCII);
    }

    @Test
    void theLinkedFilesAreTheTablesAtTheirAddresses() {
        qt().withFixedSeed(0xacb1_f0cfL).withExamples(200).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            Platform p = QemuVirtTablesPropertyTest.platform(seed);
            QemuVirtTables.Options o = (seed & 1) == 0 ? QemuVirtTables.Options.defaults() : QemuVirtTables.Options.qemu72();
            AcpiFwCfg f = AcpiFwCfg.of(a -> QemuVirtTables.of(p, o.withAddresses(a)));
            long tablesAt = 0x4000_0000L + ((seed >>> 8) & 0xFFFF) * AcpiFwCfg.TABLES_ALIGNMENT;
            long rsdpAt = 0xF_0000L + ((seed >>> 24) & 0xFF) * AcpiFwCfg.RSDP_ALIGNMENT;
            Map<String, byte[]> linked = link(f, Map.of(AcpiFwCfg.TABLES, tablesAt, AcpiFwCfg.RSDP, rsdpAt));

            Map<String, Long> addresses = new LinkedHashMap<>();
            f.offsets().forEach((sig, off) -> addresses.put(sig, tablesAt + off));
            AcpiTables expected = QemuVirtTables.of(p, o.withAddresses(addresses));
            byte[] blob = linked.get(AcpiFwCfg.TABLES);
            int end = 0;
            for (Map.Entry<String, Integer> e : f.offsets().entrySet()) {
                byte[] table = expected.bytes(e.getKey());
                assertEquals(end, e.getValue(), e.getKey() + " follows the one before it");
                assertArrayEquals(table, java.util.Arrays.copyOfRange(blob, e.getValue(), e.getValue() + table.length), e.getKey());
                end = e.getValue() + table.length;
            }
            assertEquals(blob.length, end, "nothing after the XSDT");
            assertArrayEquals(expected.bytes("RSDP"), linked.get(AcpiFwCfg.RSDP), "RSDP");
            assertTrue(f.offsets().containsKey("DSDT") && !f.offsets().containsKey("RSDP"));
        });
    }
}
